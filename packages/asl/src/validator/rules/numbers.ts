// Numeric fields: type, integrality, range — and the one placeholder diagnostic.
import { report, type StateScope, type ValidationContext } from "../context.ts";
import { containsPlaceholder, describeType, isJsonataExpression } from "../values.ts";
import { checkJsonataString, NO_EXTRA_STATES_ACCESS } from "./jsonata-template.ts";

/** What a numeric field accepts. */
export interface NumberSpec {
  readonly integer: boolean;
  readonly min: number;
  readonly max: number;
  /** Whether a `{% %}` expression may stand in for the number (JSONata states). */
  readonly jsonata: boolean;
}

/** Checks a numeric field; a `${...}` placeholder gets exactly one PLACEHOLDER_NOT_SUBSTITUTED. */
export function checkNumber(context: ValidationContext, value: unknown, pointer: string, field: string, spec: NumberSpec): void {
  if (typeof value === "string") {
    if (spec.jsonata && isJsonataExpression(value)) {
      checkJsonataString(context, value, pointer, NO_EXTRA_STATES_ACCESS);
      return;
    }
    if (containsPlaceholder(value)) {
      report(
        context,
        "PLACEHOLDER_NOT_SUBSTITUTED",
        pointer,
        `The field '${field}' holds the template placeholder '${value}' where ${spec.integer ? "an integer" : "a number"} is required. The definition is valid after substitution: deploy it through the template (SAM, CDK, Terraform) that replaces the placeholder, or put the number in directly.`,
      );
      return;
    }
  }
  const kind = spec.integer ? "an integer" : "a number";
  if (typeof value !== "number" || !Number.isFinite(value) || (spec.integer && !Number.isInteger(value))) {
    const alternative = spec.jsonata ? " or a JSONata expression '{% ... %}'" : "";
    report(context, "SCHEMA_VALIDATION_FAILED", pointer, `The field '${field}' must be ${kind}${alternative}, but it is ${describeType(value)}. Write it as ${kind} between ${spec.min} and ${spec.max}.`);
    return;
  }
  if (value < spec.min || value > spec.max) {
    report(context, "SCHEMA_VALIDATION_FAILED", pointer, `The field '${field}' is ${value}, outside the allowed range ${spec.min}..${spec.max}. Use a value in that range.`);
  }
}

/** Builds a field check for a number in a state (JSONata expressions allowed when the state is JSONata). */
export function numberField(spec: Omit<NumberSpec, "jsonata">, allowJsonata = true) {
  return (context: ValidationContext, value: unknown, pointer: string, field: string, scope: StateScope): void =>
    checkNumber(context, value, pointer, field, { ...spec, jsonata: allowJsonata && scope.queryLanguage === "JSONata" });
}

/** Positive integer up to AWS's 99999999 (Task timeouts and heartbeats). */
export const POSITIVE_SECONDS = { integer: true, min: 1, max: 99_999_999 } as const;
/** Non-negative integer up to AWS's 99999999. */
export const NON_NEGATIVE_SECONDS = { integer: true, min: 0, max: 99_999_999 } as const;
