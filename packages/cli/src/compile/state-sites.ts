/**
 * Maps a JSON pointer in compiled ASL (`/States/Charge/Retry/0`) to the builder call that created
 * that state (`flows/order.ts:42`), so validator findings on a workflow module point at its source.
 */
import type { BlockNode, StateNode, WorkflowNode } from "@stepcraft/core";

/** The call site of the innermost state the pointer is inside, when the pointer names one. */
export function siteOfPointer(ir: WorkflowNode, pointer: string): string | undefined {
  const segments = pointer.split("/").slice(1).map((s) => s.replaceAll("~1", "/").replaceAll("~0", "~"));
  let block: BlockNode | undefined = ir.body;
  let site: string | undefined;
  let i = 0;
  while (block !== undefined && segments[i] === "States" && segments[i + 1] !== undefined) {
    const name = segments[i + 1];
    const state: StateNode | undefined = block.states.find((s) => s.name === name);
    if (state === undefined) break;
    site = state.site;
    i += 2;
    block = nestedBlock(state, segments, i);
    i += segments[i] === "Branches" ? 2 : 1;
  }
  return site;
}

function nestedBlock(state: StateNode, segments: readonly string[], i: number): BlockNode | undefined {
  if (state.kind === "parallel" && segments[i] === "Branches") return state.branches[Number(segments[i + 1])];
  if (state.kind === "map" && (segments[i] === "ItemProcessor" || segments[i] === "Iterator")) return state.processor;
  return undefined;
}
