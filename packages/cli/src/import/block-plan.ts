/**
 * How a block's graph (StartAt + States) maps onto builder chains. A depth-first walk from StartAt
 * makes a spanning tree: a state reached once is written inline where it is reached; a state
 * reached more than once gets a variable, written in full at its first edge and reached by
 * `goto(...)` from the others.
 */
import { isRecord } from "./condition-code.ts";

export interface Edge {
  /** `next`, `default`, `choice:<i>` or `catch:<i>`. */
  readonly slot: string;
  readonly target: string;
}

export interface BlockPlan {
  readonly startAt: string;
  readonly states: Readonly<Record<string, Record<string, unknown>>>;
  /** Per state: the `from|slot` of the edge that first reaches it. */
  readonly treeEdge: ReadonlyMap<string, string>;
  /** States reached from more than one place: they get variables. */
  readonly shared: ReadonlySet<string>;
  /**
   * States whose chain, where it is written, has its open ends joined to a later state: a Catch
   * target of a state that goes on (`Next`). An `End` there must not stay an open end.
   */
  readonly captured: ReadonlySet<string>;
}

/** Outgoing edges in the order the walk follows them: Choice rules then Default; Next then Catchers. */
export function edgesOf(state: Record<string, unknown>): Edge[] {
  const edges: Edge[] = [];
  if (state["Type"] === "Choice") {
    const choices = Array.isArray(state["Choices"]) ? state["Choices"] : [];
    choices.forEach((c, i) => {
      if (isRecord(c) && typeof c["Next"] === "string") edges.push({ slot: `choice:${i}`, target: c["Next"] });
    });
    if (typeof state["Default"] === "string") edges.push({ slot: "default", target: state["Default"] });
    return edges;
  }
  // Next first: a state shared by the main path and a Catcher is written on the main path, where
  // its End stays an open end, and the Catcher jumps to it.
  if (typeof state["Next"] === "string") edges.push({ slot: "next", target: state["Next"] });
  const catchers = Array.isArray(state["Catch"]) ? state["Catch"] : [];
  catchers.forEach((c, i) => {
    if (isRecord(c) && typeof c["Next"] === "string") edges.push({ slot: `catch:${i}`, target: c["Next"] });
  });
  return edges;
}

/** Plans a block; states not reachable from StartAt are left out (the builder would drop them too). */
export function planBlock(block: Record<string, unknown>): BlockPlan {
  const startAt = typeof block["StartAt"] === "string" ? block["StartAt"] : "";
  const states: Record<string, Record<string, unknown>> = {};
  if (isRecord(block["States"])) for (const [name, s] of Object.entries(block["States"])) if (isRecord(s)) states[name] = s;
  const treeEdge = new Map<string, string>();
  const inDegree = new Map<string, number>();
  const captured = new Set<string>();
  const visited = new Set<string>();
  const visit = (name: string): void => {
    visited.add(name);
    const state = states[name];
    if (state === undefined) return;
    const goesOn = typeof state["Next"] === "string";
    for (const edge of edgesOf(state)) {
      inDegree.set(edge.target, (inDegree.get(edge.target) ?? 0) + 1);
      if (visited.has(edge.target)) continue;
      treeEdge.set(edge.target, `${name}|${edge.slot}`);
      if (captured.has(name) || (edge.slot.startsWith("catch:") && goesOn)) captured.add(edge.target);
      visit(edge.target);
    }
  };
  if (startAt in states) visit(startAt);
  const shared = new Set<string>();
  for (const [name, degree] of inDegree) if (degree >= 2 || (name === startAt && degree >= 1)) shared.add(name);
  return { startAt, states, treeEdge, shared, captured };
}
