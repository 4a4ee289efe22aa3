/** The `lambda()` declarations a workflow's Task states invoke, read from its IR. */
import type { LambdaDeclaration } from "../ir/lambda-declaration.ts";
import type { BlockNode, WorkflowNode } from "../ir/state-node.ts";

/**
 * Every declaration the workflow calls, in state order (Parallel branches and Map processors
 * included), each once: a declaration used by several states is one function.
 */
export function workflowLambdas(ir: WorkflowNode): readonly LambdaDeclaration[] {
  const found: LambdaDeclaration[] = [];
  const visit = (block: BlockNode): void => {
    for (const state of block.states) {
      if (state.kind === "task" && state.lambda !== undefined) {
        const d = state.lambda;
        // The IR keeps a copy per state; the loader's identity tells one declaration from another.
        if (!found.some((f) => f.load === d.load && f.functionName === d.functionName && f.entry === d.entry)) found.push(d);
      } else if (state.kind === "parallel") {
        state.branches.forEach(visit);
      } else if (state.kind === "map") {
        visit(state.processor);
      }
    }
  };
  visit(ir.body);
  return Object.freeze(found);
}
