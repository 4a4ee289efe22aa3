// Parallel state: a non-empty Branches array, each branch a graph of its own.
import { childPointer } from "../../json-pointer.ts";
import { report, type StateScope, type ValidationContext } from "../context.ts";
import { describeType } from "../values.ts";
import { checkRequired, checkTransition } from "./state-shape.ts";

/** Cross-field rules of a Parallel state; validates each branch graph. */
export function checkParallelState(context: ValidationContext, scope: StateScope): void {
  checkRequired(context, scope, ["Branches"]);
  checkTransition(context, scope);
  const branches = scope.state["Branches"];
  if (branches === undefined) return;
  const pointer = childPointer(scope.pointer, "Branches");
  if (!Array.isArray(branches)) {
    report(context, "SCHEMA_VALIDATION_FAILED", pointer, `The field 'Branches' must be an array of {"StartAt", "States"} objects, but it is ${describeType(branches)}.`);
    return;
  }
  if (branches.length === 0) {
    report(context, "SCHEMA_VALIDATION_FAILED", pointer, `Value cannot be empty: a Parallel state needs at least one branch in 'Branches'.`);
    return;
  }
  branches.forEach((branch, index) => context.validateNestedGraph(branch, childPointer(pointer, index), scope.visibleVariables));
}
