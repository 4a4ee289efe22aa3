/** The `lambda()` declarations a workflow's Task states invoke, read from its IR. */
import { forEachState } from "../ir/for-each-state.ts";
import type { LambdaDeclaration } from "../ir/lambda-declaration.ts";
import type { WorkflowNode } from "../ir/state-node.ts";

/**
 * Every declaration the workflow calls, in state order (Parallel branches and Map processors
 * included), each once: a declaration used by several states is one function.
 */
export function workflowLambdas(ir: WorkflowNode): readonly LambdaDeclaration[] {
  const found: LambdaDeclaration[] = [];
  forEachState(ir.body, (state) => {
    if (state.kind !== "task" || state.lambda === undefined) return;
    const d = state.lambda;
    // The IR keeps a copy per state; the loader's identity tells one declaration from another.
    if (!found.some((f) => f.load === d.load && f.functionName === d.functionName && f.entry === d.entry)) found.push(d);
  });
  return Object.freeze(found);
}

/** Where each state was declared: state name → the builder call site (`file:line`). */
export function workflowStateSites(ir: WorkflowNode): Readonly<Record<string, string>> {
  const sites: Record<string, string> = {};
  forEachState(ir.body, (state) => {
    sites[state.name] = state.site;
  });
  return Object.freeze(sites);
}
