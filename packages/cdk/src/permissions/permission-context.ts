/** What the permission rules may read besides the definition: the stack, the machine's ARN, substitutions and a place to warn. */
import type { Stack } from "aws-cdk-lib";
import type { StaticString } from "../definition/static-value.ts";

export interface PermissionContext {
  readonly stack: Stack;
  /** The state machine's own ARN (a token). */
  readonly stateMachineArn: string;
  /** Applies the definition substitutions to a literal (`${fn_Charge}` → the function's ARN token). */
  readonly substitute: (text: string) => string;
  /** Reports something the rules cannot grant automatically, at a JSON pointer. */
  readonly warn: (pointer: string, message: string) => void;
}

/**
 * Resources for a field: the literal's ARN (after substitution), `*` when the field is dynamic or
 * its literal cannot be turned into an ARN, nothing when the field is absent.
 */
export function resourcesFor(context: PermissionContext, value: StaticString, toArn: (literal: string) => string | undefined): string[] {
  if (value.kind === "absent") return [];
  if (value.kind === "dynamic") return ["*"];
  return [toArn(context.substitute(value.value)) ?? "*"];
}
