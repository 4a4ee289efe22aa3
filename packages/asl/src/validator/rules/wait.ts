// Wait state: exactly one duration field, RFC 3339 timestamp literals.
import { report, type StateScope, type ValidationContext } from "../context.ts";
import { containsPlaceholder, describeType, isJsonataExpression, quote } from "../values.ts";
import type { FieldCheck } from "./common-fields.ts";
import { checkJsonataString, NO_EXTRA_STATES_ACCESS } from "./jsonata-template.ts";
import { checkTransition } from "./state-shape.ts";
import { isRfc3339Timestamp } from "./timestamp.ts";

const DURATION_FIELDS = ["Seconds", "SecondsPath", "Timestamp", "TimestampPath"] as const;

/** `Timestamp`: an RFC 3339 literal (or, in JSONata states, an expression). */
export const timestampField: FieldCheck = (context, value, pointer, _field, scope) => {
  if (scope.queryLanguage === "JSONata" && isJsonataExpression(value)) {
    checkJsonataString(context, value, pointer, NO_EXTRA_STATES_ACCESS);
    return;
  }
  if (typeof value !== "string") {
    report(context, "SCHEMA_VALIDATION_FAILED", pointer, `The field 'Timestamp' must be an RFC 3339 timestamp string, but it is ${describeType(value)}.`);
  } else if (!isRfc3339Timestamp(value) && !containsPlaceholder(value)) {
    report(context, "SCHEMA_VALIDATION_FAILED", pointer, `String does not match RFC3339 timestamp: ${quote(value)}. Write it like '2026-03-14T01:59:00Z' (uppercase T and Z, or an offset such as +02:00).`);
  }
};

/** Cross-field rules of a Wait state. */
export function checkWaitState(context: ValidationContext, scope: StateScope): void {
  const present = DURATION_FIELDS.filter((field) => field in scope.state);
  if (present.length === 0) {
    report(context, "SCHEMA_VALIDATION_FAILED", scope.pointer, `Wait state '${scope.name}' needs exactly one of ${scope.queryLanguage === "JSONata" ? "Seconds, Timestamp" : DURATION_FIELDS.join(", ")}. Add one.`);
  } else if (present.length > 1) {
    report(context, "SCHEMA_VALIDATION_FAILED", scope.pointer, `Wait state '${scope.name}' has ${present.join(" and ")}, but exactly one duration field is allowed. Keep only one.`);
  }
  checkTransition(context, scope);
}
