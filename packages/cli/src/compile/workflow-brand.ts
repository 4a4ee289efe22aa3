/**
 * Recognises stepcraft workflows among a module's exports without `instanceof`: the module may
 * load its own copy of @stepcraft/core, so only the shape can be trusted.
 */
import type { CompileResult, LambdaDeclaration, WorkflowNode } from "@stepcraft/core";

/** What the CLI needs of a workflow: its name and a compile that never throws. */
export interface LoadedWorkflow {
  readonly name: string;
  compile(): CompileResult;
  toAsl(): unknown;
  /** The IR, whose states carry their builder call sites. */
  toIr?(): { readonly ir: WorkflowNode };
  /** The `lambda()` declarations its Task states call (absent from workflows of an older core). */
  readonly lambdas?: readonly LambdaDeclaration[];
}

/** True for objects with a string `name` and `compile`/`toAsl` methods (a finished `workflow(...)`). */
export function isWorkflow(value: unknown): value is LoadedWorkflow {
  if (typeof value !== "object" || value === null) return false;
  const candidate = value as { readonly name?: unknown; readonly compile?: unknown; readonly toAsl?: unknown };
  return typeof candidate.name === "string" && typeof candidate.compile === "function" && typeof candidate.toAsl === "function";
}
