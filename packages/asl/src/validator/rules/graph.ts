// The graph of one States block: transition targets exist in the same block, at least one
// terminal state, every state reachable from StartAt.
import { childPointer } from "../../json-pointer.ts";
import { report, type ValidationContext } from "../context.ts";
import { isObject } from "../values.ts";

interface Edge {
  readonly target: string;
  readonly pointer: string;
}

/** Checks targets, terminals and reachability of one `States` block. */
export function checkGraph(context: ValidationContext, states: Record<string, unknown>, graphPointer: string, startAt: unknown): void {
  const statesPointer = childPointer(graphPointer, "States");
  const edges = new Map<string, Edge[]>();
  let hasTerminal = false;
  for (const name of Object.keys(states)) {
    const state = states[name];
    if (!isObject(state)) continue;
    const statePointer = childPointer(statesPointer, name);
    const stateEdges = outgoingEdges(state, statePointer);
    edges.set(name, stateEdges);
    if (state["End"] === true || state["Type"] === "Succeed" || state["Type"] === "Fail") hasTerminal = true;
    for (const edge of stateEdges) {
      if (!Object.hasOwn(states, edge.target)) reportMissingTarget(context, edge, "Next");
    }
  }
  if (typeof startAt === "string" && !Object.hasOwn(states, startAt)) {
    reportMissingTarget(context, { target: startAt, pointer: childPointer(graphPointer, "StartAt") }, "StartAt");
  }
  if (!hasTerminal) {
    report(
      context,
      "MISSING_END_STATE",
      graphPointer,
      `Workflow has no terminal state${graphPointer === "" ? "" : ` in ${graphPointer}`}. Give at least one state "End": true, or add a Succeed or Fail state.`,
    );
    // AWS skips the reachability walk when there is no terminal state: it would only add noise.
    return;
  }
  if (typeof startAt !== "string" || !Object.hasOwn(states, startAt)) return;
  const reached = new Set<string>([startAt]);
  const queue = [startAt];
  for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
    for (const edge of edges.get(next) ?? []) {
      if (!reached.has(edge.target) && Object.hasOwn(states, edge.target)) {
        reached.add(edge.target);
        queue.push(edge.target);
      }
    }
  }
  for (const name of edges.keys()) {
    if (!reached.has(name)) {
      report(
        context,
        "MISSING_TRANSITION_TARGET",
        childPointer(statesPointer, name),
        `State "${name}" is not reachable. No StartAt, Next, Default, Choices or Catch transition leads to it: add one, or delete the state.`,
      );
    }
  }
}

function reportMissingTarget(context: ValidationContext, edge: Edge, field: "Next" | "StartAt"): void {
  const elsewhere = context.stateNames.has(edge.target)
    ? " A state with this name exists in another States block, but transitions cannot cross into or out of a Parallel branch or Map ItemProcessor."
    : " Check the spelling (names are case-sensitive) or add the state.";
  report(context, "MISSING_TRANSITION_TARGET", edge.pointer, `Missing '${field}' target: ${edge.target}.${elsewhere}`);
}

function outgoingEdges(state: Record<string, unknown>, pointer: string): Edge[] {
  const edges: Edge[] = [];
  const add = (target: unknown, at: string): void => {
    if (typeof target === "string") edges.push({ target, pointer: at });
  };
  add(state["Next"], childPointer(pointer, "Next"));
  add(state["Default"], childPointer(pointer, "Default"));
  for (const field of ["Choices", "Catch"] as const) {
    const list = state[field];
    if (!Array.isArray(list)) continue;
    list.forEach((entry, index) => {
      if (isObject(entry)) add(entry["Next"], childPointer(childPointer(childPointer(pointer, field), index), "Next"));
    });
  }
  return edges;
}
