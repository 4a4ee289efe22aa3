// The first page: every state machine, paged as ListStateMachines pages.
import { callApi, describeError, type StateMachineListItem } from "./api.ts";
import { formatDate, h, replaceChildren, routeHref } from "./dom.ts";

const PAGE_SIZE = 50;

export function machinesView(root: HTMLElement): void {
  const rows = h("tbody");
  const status = h("p", { class: "muted", role: "status" }, "Loading…");
  const more = h("button", { type: "button", hidden: true }, "More state machines");
  let nextToken: string | undefined;

  const load = async (): Promise<void> => {
    try {
      const page = await callApi<{ stateMachines: StateMachineListItem[]; nextToken?: string }>("ListStateMachines", { maxResults: PAGE_SIZE, ...(nextToken === undefined ? {} : { nextToken }) });
      for (const machine of page.stateMachines) {
        rows.append(
          h(
            "tr",
            { "data-machine": machine.name },
            h("td", {}, h("a", { href: routeHref("machine", machine.stateMachineArn) }, machine.name)),
            h("td", {}, machine.type),
            h("td", {}, formatDate(machine.creationDate)),
          ),
        );
      }
      nextToken = page.nextToken;
      more.hidden = nextToken === undefined;
      status.textContent = rows.childElementCount === 0 ? "No state machines yet: create one with the AWS CLI or SDK (CreateStateMachine)." : `${rows.childElementCount} state machine${rows.childElementCount === 1 ? "" : "s"}`;
    } catch (error) {
      status.textContent = describeError(error);
      status.classList.add("error");
    }
  };
  more.addEventListener("click", () => void load());
  replaceChildren(
    root,
    h("h1", {}, "State machines"),
    status,
    h("table", { class: "list", id: "machines" }, h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Name"), h("th", { scope: "col" }, "Type"), h("th", { scope: "col" }, "Created"))), rows),
    more,
  );
  void load();
}
