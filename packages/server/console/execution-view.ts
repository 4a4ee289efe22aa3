// An execution's page: the graph coloured by status and following the run live (the console's
// event stream), the selected state's panel, the history table linked both ways with the graph,
// and the actions: Stop, Redrive, and answering a task that waits for a callback.
import { readExecutionHistory, summarizeExecution, type ExecutionSummary } from "@stepcraft/graph";
import { callApi, describeError, type ExecutionDescription } from "./api.ts";
import { callbackForms } from "./callback-forms.ts";
import { formatDate, h, prettyJson, replaceChildren, routeHref, statusBadge } from "./dom.ts";
import { GraphView } from "./graph-view.ts";
import { HistoryTable } from "./history-table.ts";
import { indexHistory, type HistoryEvent, type HistoryIndex } from "./history-model.ts";
import { statePanel } from "./state-panel.ts";
import { pendingCallbacks } from "./task-tokens.ts";

/** What the event stream's `status` message carries (the rest is read with DescribeExecution). */
interface StreamStatus {
  readonly status: string;
}

/** A Lambda cause is JSON with a stack trace: its errorMessage reads better, the rest goes under "Full cause". */
function causeHeadline(cause: string | undefined): string | undefined {
  try {
    const parsed = JSON.parse(cause ?? "") as { errorMessage?: unknown };
    if (typeof parsed.errorMessage === "string") return parsed.errorMessage;
  } catch {
    // Not JSON: the cause is plain text.
  }
  return cause;
}

/** The page of one execution; returns the function that closes its event stream. */
export function executionView(root: HTMLElement, executionArn: string): () => void {
  const events: HistoryEvent[] = [];
  let index: HistoryIndex = indexHistory([]);
  let summary: ExecutionSummary | undefined;
  let graph: GraphView | undefined;
  let selected: string | undefined;
  /** A Map iteration or Parallel branch the graph is coloured by alone, instead of the whole run. */
  let focusedRun: string | undefined;
  let status = "RUNNING";
  let description: ExecutionDescription | undefined;

  const title = h("h1", {}, executionArn.split(":")[7] ?? executionArn);
  const badge = h("span", { id: "execution-status" });
  const dates = h("p", { class: "muted" });
  const failure = h("div", { class: "failure", id: "execution-failure" });
  const notice = h("p", { id: "action-result", role: "status", "aria-live": "polite" });
  const stop = h("button", { type: "button", id: "stop", class: "danger" }, "Stop");
  const redrive = h("button", { type: "button", id: "redrive" }, "Redrive");
  const callbacks = h("section", { id: "callbacks", "aria-label": "Tasks waiting for a callback" });
  const runFocus = h("div", { id: "run-focus", role: "status" });
  const graphBox = h("div", { class: "graph-box", id: "graph" }, h("p", { class: "muted" }, "Loading the definition…"));
  // Not a live region: it is rebuilt with every live batch; choosing a state moves focus to its title instead.
  const panel = h("aside", { id: "panel", "aria-label": "The selected state" }, h("p", { class: "muted" }, "Select a state in the graph (click it, or Tab to it and press Enter) to see its input, output, errors, retries and variables."));
  const history = new HistoryTable((name) => {
    selectState(name, false);
    graph?.node(name)?.scrollIntoView({ block: "center", inline: "center" });
    graph?.node(name)?.focus({ preventScroll: true });
  });

  const report = (text: string, isError: boolean): void => {
    notice.textContent = text;
    notice.className = isError ? "error" : "ok";
    notice.setAttribute("role", isError ? "alert" : "status");
  };
  const act = async (label: string, run: () => Promise<unknown>): Promise<void> => {
    try {
      await run();
      report(`${label}: done.`, false);
    } catch (error) {
      report(`${label} failed: ${describeError(error)}`, true);
    }
  };

  const showEvent = (eventId: number): void => {
    const row = document.getElementById(`event-${eventId}`);
    if (row === null) return;
    row.scrollIntoView({ block: "center" });
    row.querySelector<HTMLElement>("button")?.focus();
    row.classList.add("flash");
    setTimeout(() => row.classList.remove("flash"), 1200);
  };
  const selectState = (name: string, reveal = true): void => {
    selected = name;
    graph?.select(name, reveal);
    history.select(name);
    if (graph !== undefined) replaceChildren(panel, statePanel(name, graph.model, summary, summary?.states.get(name), { selectState, showEvent, focusRun }));
    panel.dataset["key"] = panelKey(name);
    if (reveal) panel.querySelector<HTMLElement>("#panel-title")?.focus({ preventScroll: true });
  };

  /** What the panel of `name` shows changes only with its visits: their statuses, attempts and ends. */
  const panelKey = (name: string): string =>
    JSON.stringify(summary?.visits.filter((v) => v.name === name).map((v) => [v.enteredEventId, v.status, v.exitedEventId, v.attempts.length, v.runs.map((id) => summary?.runs.find((r) => r.id === id)?.status)]) ?? []);

  /** Paints the graph by the whole execution, or by the focused iteration or branch alone. */
  const paintGraph = (): void => {
    const run = focusedRun === undefined ? undefined : summary?.runs.find((r) => r.id === focusedRun);
    graph?.paint(run === undefined ? summary : summarizeExecution(readExecutionHistory(events), { run: run.id }));
    replaceChildren(
      runFocus,
      run === undefined
        ? undefined
        : h(
            "p",
            { class: "focus-note" },
            `The graph shows ${run.kind === "iteration" ? `iteration ${run.index}` : `branch ${run.index + 1}`} of ${run.state ?? "?"} alone. `,
            h("button", { type: "button", id: "show-whole", onclick: () => focusRun(undefined) }, "Show the whole execution"),
          ),
    );
  };
  function focusRun(runId: string | undefined): void {
    focusedRun = runId;
    paintGraph();
  }

  const paintStatus = (): void => {
    replaceChildren(badge, statusBadge(status));
    stop.hidden = status !== "RUNNING";
    redrive.hidden = status === "RUNNING" || status === "SUCCEEDED";
    dates.textContent = description === undefined ? "" : `Started ${formatDate(description.startDate)}${description.stopDate === undefined ? "" : ` · stopped ${formatDate(description.stopDate)}`}`;
    const error = description?.error;
    const cause = description?.cause;
    replaceChildren(
      failure,
      error === undefined && cause === undefined ? undefined : h("p", { class: "error" }, [error, causeHeadline(cause)].filter((s) => s !== undefined).join(": ")),
      cause === undefined || causeHeadline(cause) === cause ? undefined : h("details", { id: "execution-cause" }, h("summary", {}, "Full cause"), h("pre", { tabindex: 0 }, prettyJson(cause))),
      description?.output === undefined ? undefined : h("details", { id: "execution-output" }, h("summary", {}, "Output"), h("pre", { tabindex: 0 }, prettyJson(description.output))),
    );
  };

  // Live updates arrive in batches; the page repaints once per frame at most.
  let pending: HistoryEvent[] = [];
  let frame: number | undefined;
  const repaint = (): void => {
    frame = undefined;
    const fresh = pending;
    pending = [];
    events.push(...fresh);
    index = indexHistory(events);
    summary = events.length === 0 ? undefined : summarizeExecution(readExecutionHistory(events));
    paintGraph();
    history.append(fresh, index);
    // Forms are rebuilt only when the waiting tasks change, so typing in them survives updates.
    const waiting = status === "RUNNING" && summary !== undefined ? pendingCallbacks(summary, index) : [];
    const key = waiting.map((w) => w.scheduledEventId).join(",");
    if (key !== callbacks.dataset["waiting"]) {
      callbacks.dataset["waiting"] = key;
      replaceChildren(callbacks, ...callbackForms(waiting, act));
    }
    // The panel is rebuilt only when the selected state's visits changed, so what the reader
    // opened or scrolled stays as it was while other states run.
    if (selected !== undefined && panelKey(selected) !== panel.dataset["key"]) selectState(selected, false);
    root.dataset["events"] = String(events.length);
    if (status !== "RUNNING" && root.dataset["loaded"] === undefined) {
      root.dataset["loaded"] = "painting";
      // Marked once the browser has laid out and painted this frame: what the render time measures.
      requestAnimationFrame(() =>
        setTimeout(() => {
          performance.mark("console:execution-rendered");
          root.dataset["loaded"] = "true";
        }),
      );
    }
  };
  const schedule = (): void => {
    frame ??= requestAnimationFrame(repaint);
  };

  stop.addEventListener("click", () => void act("Stop", () => callApi("StopExecution", { executionArn, error: "Console.Stopped", cause: "Stopped from the stepcraft console" })));
  redrive.addEventListener("click", () => void act("Redrive", () => callApi("RedriveExecution", { executionArn })));

  const machineArn = executionArn.split(":").slice(0, 5).concat("stateMachine", executionArn.split(":")[6] ?? "").join(":");
  replaceChildren(
    root,
    h("nav", { class: "crumbs", "aria-label": "Breadcrumb" }, h("a", { href: "#/" }, "State machines"), " / ", h("a", { href: routeHref("machine", machineArn) }, machineArn.split(":")[6] ?? ""), " / ", title.textContent),
    h("div", { class: "title-row" }, title, badge),
    dates,
    failure,
    h("div", { class: "actions" }, stop, redrive),
    notice,
    callbacks,
    runFocus,
    h("div", { class: "execution-grid" }, graphBox, panel),
    h("h2", { id: "history-title" }, "Event history"),
    history.element,
  );

  // The stream starts at once, beside the two describes: its events wait in `pending` until the
  // graph can be drawn.
  const stream = new EventSource(`/console/events?executionArn=${encodeURIComponent(executionArn)}`);
  let ready = false;
  stream.addEventListener("history", (message) => {
    pending.push(...(JSON.parse((message as MessageEvent<string>).data) as { events: HistoryEvent[] }).events);
    if (ready) schedule();
  });
  stream.addEventListener("status", (message) => {
    const update = JSON.parse((message as MessageEvent<string>).data) as StreamStatus;
    status = update.status;
    if (ready) schedule();
    // The dates, error, cause and output of the new status (a redrive runs the execution again).
    void callApi<ExecutionDescription>("DescribeExecution", { executionArn }).then((described) => {
      description = described;
      paintStatus();
    });
  });
  void (async () => {
    try {
      const [described, machine] = await Promise.all([
        callApi<ExecutionDescription>("DescribeExecution", { executionArn }),
        callApi<{ definition: string }>("DescribeStateMachineForExecution", { executionArn }),
      ]);
      description = described;
      paintStatus();
      graph = new GraphView(JSON.parse(machine.definition) as unknown, (name) => selectState(name));
      replaceChildren(graphBox, graph.element);
      graph.paint(undefined);
      ready = true;
      schedule();
    } catch (error) {
      stream.close();
      replaceChildren(graphBox, h("p", { class: "error", role: "alert" }, describeError(error)));
    }
  })();
  return () => {
    stream.close();
    if (frame !== undefined) cancelAnimationFrame(frame);
  };
}
