// A state machine's page: start an execution, and its executions with a status filter, a name
// search and paging. ListExecutions has no name filter, so the search reads pages until it has
// a page of matches (or none are left), and "More" goes on from there.
import { callApi, describeError, type ExecutionListItem } from "./api.ts";
import { formatDate, h, replaceChildren, routeHref, statusBadge } from "./dom.ts";
import { startForm } from "./start-form.ts";

const PAGE_SIZE = 25;
const STATUSES = ["", "RUNNING", "SUCCEEDED", "FAILED", "TIMED_OUT", "ABORTED", "PENDING_REDRIVE"] as const;

export function executionsView(root: HTMLElement, stateMachineArn: string): void {
  const machineName = stateMachineArn.split(":")[6] ?? stateMachineArn;
  const rows = h("tbody");
  const status = h("p", { class: "muted", role: "status" }, "Loading…");
  const more = h("button", { type: "button", id: "more-executions", hidden: true }, "More executions");
  const filter = h("select", { id: "status-filter" }, ...STATUSES.map((s) => h("option", { value: s }, s === "" ? "All statuses" : s.replace("_", " "))));
  const search = h("input", { id: "name-search", type: "search", placeholder: "Part of the name", autocomplete: "off" });
  let nextToken: string | undefined;
  let generation = 0;

  const load = async (fresh: boolean): Promise<void> => {
    const mine = fresh ? ++generation : generation;
    if (fresh) {
      rows.replaceChildren();
      nextToken = undefined;
    }
    const wanted = search.value.trim().toLowerCase();
    let shown = 0;
    try {
      do {
        const page = await callApi<{ executions: ExecutionListItem[]; nextToken?: string }>("ListExecutions", {
          stateMachineArn,
          maxResults: PAGE_SIZE,
          ...(filter.value === "" ? {} : { statusFilter: filter.value }),
          ...(nextToken === undefined ? {} : { nextToken }),
        });
        // A newer search or filter started meanwhile: its answer wins.
        if (mine !== generation) return;
        for (const execution of page.executions.filter((e) => e.name.toLowerCase().includes(wanted))) {
          rows.append(
            h(
              "tr",
              { "data-execution": execution.name },
              h("td", {}, h("a", { href: routeHref("execution", execution.executionArn) }, execution.name)),
              h("td", {}, statusBadge(execution.status)),
              h("td", {}, formatDate(execution.startDate)),
              h("td", {}, formatDate(execution.stopDate)),
            ),
          );
          shown++;
        }
        nextToken = page.nextToken;
      } while (nextToken !== undefined && shown < PAGE_SIZE);
      more.hidden = nextToken === undefined;
      const count = rows.childElementCount;
      status.textContent = count === 0 ? "No executions match." : `${count} execution${count === 1 ? "" : "s"} shown${nextToken === undefined ? "" : " (more below)"}`;
      status.classList.remove("error");
    } catch (error) {
      status.textContent = describeError(error);
      status.classList.add("error");
    }
  };

  filter.addEventListener("change", () => void load(true));
  let typing: ReturnType<typeof setTimeout> | undefined;
  search.addEventListener("input", () => {
    clearTimeout(typing);
    typing = setTimeout(() => void load(true), 200);
  });
  more.addEventListener("click", () => void load(false));

  replaceChildren(
    root,
    h("nav", { class: "crumbs", "aria-label": "Breadcrumb" }, h("a", { href: "#/" }, "State machines"), " / ", machineName),
    h("h1", {}, machineName),
    h("p", { class: "muted arn" }, stateMachineArn),
    startForm(stateMachineArn, (executionArn) => {
      location.hash = routeHref("execution", executionArn);
    }),
    h("h2", {}, "Executions"),
    h("div", { class: "filters" }, h("label", { for: "status-filter" }, "Status"), filter, h("label", { for: "name-search" }, "Name"), search),
    status,
    h(
      "table",
      { class: "list", id: "executions" },
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Name"), h("th", { scope: "col" }, "Status"), h("th", { scope: "col" }, "Started"), h("th", { scope: "col" }, "Stopped"))),
      rows,
    ),
    more,
  );
  void load(true);
}
