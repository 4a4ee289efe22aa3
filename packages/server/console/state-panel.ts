// The panel of one state, from @stepcraft/graph's visit records: every visit's input, output,
// error and cause, each attempt (retries), the variables it assigned, and for Map and Parallel
// each iteration or branch, which can be shown alone on the graph.
import type { BlockRun, ExecutionSummary, GraphModel, StateRun, StateVisit } from "@stepcraft/graph";
import { allStates } from "@stepcraft/graph";
import { h, prettyJson } from "./dom.ts";

export interface PanelLinks {
  /** Selects another state (a state inside an iteration or branch). */
  selectState(name: string): void;
  /** Moves to an event's row of the history table. */
  showEvent(eventId: number): void;
  /** Colours the graph by one Map iteration or Parallel branch alone. */
  focusRun(runId: string): void;
}

/** At most this many visits are listed (a loop can visit a state thousands of times). */
const MAX_VISITS = 50;

const words = (status: string): string => status.replace("-", " ");

function block(label: string, text: string | undefined, className = ""): HTMLElement | undefined {
  if (text === undefined) return undefined;
  return h("div", { class: `field ${className}` }, h("h4", {}, label), h("pre", { tabindex: 0 }, prettyJson(text)));
}

function attemptsTable(visit: StateVisit): HTMLElement | undefined {
  if (visit.attempts.length === 0 || (visit.attempts.length === 1 && visit.attempts[0]!.error === undefined)) return undefined;
  const retries = visit.attempts.length - 1;
  return h(
    "div",
    { class: "field" },
    h("h4", {}, retries > 0 ? `Attempts (${retries} ${retries === 1 ? "retry" : "retries"})` : "Attempt"),
    h(
      "table",
      { class: "attempts" },
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "#"), h("th", { scope: "col" }, "Outcome"), h("th", { scope: "col" }, "Error"), h("th", { scope: "col" }, "Cause"))),
      h("tbody", {}, ...visit.attempts.map((a, i) => h("tr", { "data-attempt": i + 1 }, h("td", {}, String(i + 1)), h("td", {}, a.outcome), h("td", {}, a.error ?? ""), h("td", { class: "cause" }, a.cause ?? "")))),
    ),
  );
}

function variablesTable(visit: StateVisit): HTMLElement | undefined {
  const variables = visit.assignedVariables;
  if (variables === undefined || Object.keys(variables).length === 0) return undefined;
  return h(
    "div",
    { class: "field" },
    h("h4", {}, "Variables after it"),
    h("table", { class: "variables" }, h("tbody", {}, ...Object.entries(variables).map(([name, value]) => h("tr", {}, h("th", { scope: "row" }, `$${name}`), h("td", {}, h("code", {}, value)))))),
  );
}

/** The states that ran directly in one iteration or branch, as links. */
function innerVisits(summary: ExecutionSummary, run: BlockRun, links: PanelLinks): HTMLElement {
  const visits = summary.visits.filter((v) => v.run === run.id);
  if (visits.length === 0) return h("p", { class: "muted" }, "Nothing ran yet.");
  return h("ol", { class: "inner" }, ...visits.map((v) => h("li", {}, h("button", { type: "button", class: "link", onclick: () => links.selectState(v.name) }, v.name), " ", h("span", { class: `vs vs-${v.status}` }, words(v.status)))));
}

/**
 * The error that ended the visit (failed, or caught by a Catcher). A visit that a retry rescued
 * keeps its attempts' errors in the attempts table only: it did not end in an error.
 */
function failure(visit: StateVisit): (HTMLElement | undefined)[] {
  if (visit.error === undefined || (visit.status !== "failed" && !visit.caught)) return [];
  return [h("div", { class: "field failure" }, h("h4", {}, visit.caught ? "Error (caught)" : "Error"), h("p", { class: "error-name" }, visit.error)), block("Cause", visit.cause, "failure")];
}

/** Map iterations and Parallel branches of one container visit. */
function drillDown(summary: ExecutionSummary, visit: StateVisit, links: PanelLinks): HTMLElement | undefined {
  if (visit.runs.length === 0) return undefined;
  const runs = visit.runs.map((id) => summary.runs.find((r) => r.id === id)).filter((r): r is BlockRun => r !== undefined);
  const iterations = visit.type === "Map";
  return h(
    "div",
    { class: "field drill" },
    h("h4", {}, `${iterations ? "Iterations" : "Branches"} (${runs.length})`),
    ...runs.map((run) =>
      h(
        "details",
        { [iterations ? "data-iteration" : "data-branch"]: run.index, open: !iterations },
        h("summary", {}, iterations ? `Iteration ${run.index}` : `Branch ${run.index + 1}${run.firstState === undefined ? "" : ` (${run.firstState})`}`, run.attempt > 1 ? ` · attempt ${run.attempt}` : "", ": ", h("span", { class: `vs vs-${run.status}` }, words(run.status))),
        h("button", { type: "button", class: "link", "data-focus-run": run.id, onclick: () => links.focusRun(run.id) }, `Colour the graph by this ${iterations ? "iteration" : "branch"} alone`),
        innerVisits(summary, run, links),
      ),
    ),
  );
}

/**
 * Builds the panel for `name`: its visits from the summary of the whole execution, its status
 * (`run`) as the graph shows it (after a redrive, as the latest run left it).
 */
export function statePanel(name: string, model: GraphModel, summary: ExecutionSummary | undefined, run: StateRun | undefined, links: PanelLinks): HTMLElement {
  const state = allStates(model.root).find((s) => s.name === name);
  const visits = summary?.visits.filter((v) => v.name === name) ?? [];
  const shown = visits.slice(-MAX_VISITS);
  const facts = run === undefined ? ["not reached"] : [words(run.status), ...(run.visits > 1 ? [`${run.visits} visits`] : []), ...(run.retries > 0 ? [`${run.retries} ${run.retries === 1 ? "retry" : "retries"}`] : [])];
  const header = h("header", {}, h("h2", { id: "panel-title", tabindex: -1 }, name), h("p", { class: "muted" }, [state?.type ?? "State", ...facts].join(" · ")));
  const section = { class: "panel", "aria-labelledby": "panel-title", "data-panel-state": name };
  if (visits.length === 0) return h("section", section, header, h("p", {}, "This state has not run in this execution."));
  return h(
    "section",
    section,
    header,
    visits.length > shown.length ? h("p", { class: "muted" }, `The last ${shown.length} of ${visits.length} visits:`) : undefined,
    ...shown.map((visit, i) => {
      const where = summary?.runs.find((r) => r.id === visit.run);
      return h(
        "details",
        { class: "visit", open: i === shown.length - 1, "data-visit": visit.enteredEventId },
        h("summary", {}, `Visit ${visits.length - shown.length + i + 1}`, where?.kind === "iteration" ? ` (iteration ${where.index} of ${where.state ?? "the Map"})` : "", " · ", h("span", { class: `vs vs-${visit.status}` }, words(visit.status))),
        h("button", { type: "button", class: "link", onclick: () => links.showEvent(visit.enteredEventId) }, `Event ${visit.enteredEventId} in the history`),
        block("Input", visit.input),
        block("Output", visit.output),
        ...failure(visit),
        attemptsTable(visit),
        variablesTable(visit),
        summary === undefined ? undefined : drillDown(summary, visit, links),
      );
    }),
  );
}
