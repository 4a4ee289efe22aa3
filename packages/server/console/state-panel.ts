// The panel of one state: every visit's input, output, error and cause, each attempt (retries),
// the variables it assigned, and for Map and Parallel the visits inside each iteration or branch.
import type { GraphModel, GraphState, StateRun } from "@stepcraft/graph";
import { allStates } from "@stepcraft/graph";
import { h, prettyJson } from "./dom.ts";
import { visitsInside, type HistoryIndex, type StateVisit } from "./history-model.ts";

export interface PanelLinks {
  /** Selects another state (a state inside an iteration or branch). */
  selectState(name: string): void;
  /** Moves to an event's row of the history table. */
  showEvent(eventId: number): void;
}

/** At most this many visits are listed (a loop can visit a state thousands of times). */
const MAX_VISITS = 50;

function block(label: string, text: string | undefined, className = ""): HTMLElement | undefined {
  if (text === undefined) return undefined;
  return h("div", { class: `field ${className}` }, h("h4", {}, label), h("pre", { tabindex: 0 }, prettyJson(text)));
}

function visitStatus(visit: StateVisit): string {
  if (visit.exitedEventId !== undefined) return visit.error === undefined ? "succeeded" : "caught";
  return visit.error === undefined ? "running" : "failed";
}

function attemptsTable(visit: StateVisit): HTMLElement | undefined {
  if (visit.attempts.length === 0) return undefined;
  return h(
    "div",
    { class: "field" },
    h("h4", {}, visit.attempts.length > 1 ? `Attempts (${visit.attempts.length - 1} ${visit.attempts.length === 2 ? "retry" : "retries"})` : "Attempt"),
    h(
      "table",
      { class: "attempts" },
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "#"), h("th", { scope: "col" }, "Outcome"), h("th", { scope: "col" }, "Error"), h("th", { scope: "col" }, "Cause"))),
      h("tbody", {}, ...visit.attempts.map((a, i) => h("tr", { "data-attempt": i + 1 }, h("td", {}, String(i + 1)), h("td", {}, a.outcome), h("td", {}, a.error ?? ""), h("td", { class: "cause" }, a.cause ?? "")))),
    ),
  );
}

function variablesTable(visit: StateVisit): HTMLElement | undefined {
  if (visit.variables === undefined || Object.keys(visit.variables).length === 0) return undefined;
  return h(
    "div",
    { class: "field" },
    h("h4", {}, "Variables after it"),
    h("table", { class: "variables" }, h("tbody", {}, ...Object.entries(visit.variables).map(([name, value]) => h("tr", {}, h("th", { scope: "row" }, `$${name}`), h("td", {}, h("code", {}, value)))))),
  );
}

function innerVisits(visits: readonly StateVisit[], links: PanelLinks): HTMLElement {
  if (visits.length === 0) return h("p", { class: "muted" }, "Nothing ran yet.");
  return h("ol", { class: "inner" }, ...visits.map((v) => h("li", {}, h("button", { type: "button", class: "link", onclick: () => links.selectState(v.name) }, v.name), " ", h("span", { class: `vs vs-${visitStatus(v)}` }, visitStatus(v)))));
}

/** Map iterations and Parallel branches of one container visit. */
function drillDown(index: HistoryIndex, visit: StateVisit, state: GraphState | undefined, links: PanelLinks): HTMLElement | undefined {
  if (visit.stateType === "Map") {
    const iterations = index.iterations.filter((it) => it.map === visit);
    if (iterations.length === 0) return undefined;
    return h(
      "div",
      { class: "field drill" },
      h("h4", {}, `Iterations (${iterations.length})`),
      ...iterations.map((it) => h("details", { "data-iteration": it.index }, h("summary", {}, `Iteration ${it.index}: `, h("span", { class: `vs vs-${it.status}` }, it.status)), innerVisits(visitsInside(index, visit, it.index), links))),
    );
  }
  if (visit.stateType === "Parallel" && state !== undefined) {
    const inside = visitsInside(index, visit);
    return h(
      "div",
      { class: "field drill" },
      h("h4", {}, `Branches (${state.children.length})`),
      ...state.children.map((branch, i) => {
        const names = new Set(allStates(branch).map((s) => s.name));
        return h("details", { "data-branch": i + 1, open: true }, h("summary", {}, branch.title || `Branch ${i + 1}`), innerVisits(inside.filter((v) => names.has(v.name)), links));
      }),
    );
  }
  return undefined;
}

/** Builds the panel for `name`; `run` is the graph package's summary of the state. */
export function statePanel(name: string, model: GraphModel, index: HistoryIndex, run: StateRun | undefined, links: PanelLinks): HTMLElement {
  const state = allStates(model.root).find((s) => s.name === name);
  const visits = index.visits.filter((v) => v.name === name);
  const shown = visits.slice(-MAX_VISITS);
  const header = h(
    "header",
    {},
    h("h2", { id: "panel-title", tabindex: -1 }, name),
    h("p", { class: "muted" }, state?.type ?? "State", run === undefined ? " · not reached" : ` · ${run.status.replace("-", " ")}${run.caught ? " (error caught)" : ""}${run.visits > 1 ? ` · ${run.visits} visits` : ""}${run.retries > 0 ? ` · ${run.retries} retries` : ""}`),
  );
  if (visits.length === 0) return h("section", { class: "panel", "aria-labelledby": "panel-title", "data-panel-state": name }, header, h("p", {}, "This state has not run in this execution."));
  return h(
    "section",
    { class: "panel", "aria-labelledby": "panel-title", "data-panel-state": name },
    header,
    visits.length > shown.length ? h("p", { class: "muted" }, `The last ${shown.length} of ${visits.length} visits:`) : undefined,
    ...shown.map((visit, i) =>
      h(
        "details",
        { class: "visit", open: i === shown.length - 1, "data-visit": visit.enteredEventId },
        h(
          "summary",
          {},
          `Visit ${visits.length - shown.length + i + 1}`,
          visit.scope?.index === undefined ? "" : ` (iteration ${visit.scope.index})`,
          " · ",
          h("span", { class: `vs vs-${visitStatus(visit)}` }, visitStatus(visit)),
        ),
        h("button", { type: "button", class: "link", onclick: () => links.showEvent(visit.enteredEventId) }, `Event ${visit.enteredEventId} in the history`),
        block("Input", visit.input),
        block("Output", visit.output),
        visit.error === undefined ? undefined : h("div", { class: "field failure" }, h("h4", {}, "Error"), h("p", { class: "error-name" }, visit.error)),
        block("Cause", visit.cause, "failure"),
        attemptsTable(visit),
        variablesTable(visit),
        drillDown(index, visit, state, links),
      ),
    ),
  );
}
