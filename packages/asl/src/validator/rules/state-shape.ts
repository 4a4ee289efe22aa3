// Shape rules every state type reuses: required fields, X-versus-XPath exclusion, Next xor End.
import { report, type StateScope, type ValidationContext } from "../context.ts";

/** Reports the required fields a state lacks, AWS-style (`These fields are required: [...]`). */
export function checkRequired(context: ValidationContext, scope: StateScope, fields: readonly string[]): void {
  const missing = fields.filter((field) => !(field in scope.state));
  if (missing.length > 0) {
    report(context, "SCHEMA_VALIDATION_FAILED", scope.pointer, `These fields are required: [${missing.join(", ")}]. Add ${missing.length === 1 ? "it" : "them"} to the ${scope.type} state '${scope.name}'.`);
  }
}

/** Reports when both of two mutually exclusive fields are set. */
export function checkExclusive(context: ValidationContext, scope: StateScope, first: string, second: string): void {
  if (first in scope.state && second in scope.state) {
    report(context, "SCHEMA_VALIDATION_FAILED", scope.pointer, `The fields '${first}' and '${second}' are mutually exclusive in state '${scope.name}'. Keep only one of them.`);
  }
}

/** Non-terminal states need exactly one of `Next` and `End: true`. */
export function checkTransition(context: ValidationContext, scope: StateScope): void {
  const hasNext = "Next" in scope.state;
  const ends = scope.state["End"] === true;
  if (hasNext && ends) {
    report(context, "SCHEMA_VALIDATION_FAILED", scope.pointer, `State '${scope.name}' has both 'Next' and 'End': true. Keep 'Next' to continue, or 'End' to stop here.`);
  } else if (!hasNext && !ends) {
    report(context, "SCHEMA_VALIDATION_FAILED", scope.pointer, `State '${scope.name}' needs either 'Next' (the state to go to) or 'End': true (to stop here).`);
  }
}
