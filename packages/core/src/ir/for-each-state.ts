import type { BlockNode, StateNode } from "./state-node.ts";

/** Visits every state of a block in definition order, each Parallel branch and Map processor right after its state. */
export function forEachState(block: BlockNode, visit: (state: StateNode) => void): void {
  for (const state of block.states) {
    visit(state);
    if (state.kind === "parallel") for (const branch of state.branches) forEachState(branch, visit);
    else if (state.kind === "map") forEachState(state.processor, visit);
  }
}
