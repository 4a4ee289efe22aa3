// Fail state: Error/Cause literals or expressions, ErrorPath/CausePath paths or intrinsic calls.
import { report, type StateScope, type ValidationContext } from "../context.ts";
import { checkIntrinsicCall, checkReferencePath } from "../grammar-bridge.ts";
import { containsPlaceholder, describeType, isJsonataExpression, quote } from "../values.ts";
import type { FieldCheck } from "./common-fields.ts";
import { checkJsonataString, NO_EXTRA_STATES_ACCESS } from "./jsonata-template.ts";
import { checkExclusive } from "./state-shape.ts";

// Only the string-returning intrinsic functions may build an error name or cause.
const STRING_INTRINSICS = /^States\.(Format|JsonToString|ArrayGetItem|Base64Encode|Base64Decode|Hash|UUID)\(/;

/** `Error` / `Cause`: a string, or a JSONata expression in JSONata states. */
export const errorCauseField: FieldCheck = (context, value, pointer, field, scope) => {
  if (typeof value !== "string") {
    report(context, "SCHEMA_VALIDATION_FAILED", pointer, `The field '${field}' must be a string, but it is ${describeType(value)}.`);
  } else if (scope.queryLanguage === "JSONata" && isJsonataExpression(value)) {
    checkJsonataString(context, value, pointer, NO_EXTRA_STATES_ACCESS);
  }
};

/** `ErrorPath` / `CausePath`: a reference path or a string-returning intrinsic call. */
export const errorCausePathField: FieldCheck = (context, value, pointer, field) => {
  if (typeof value !== "string") {
    report(context, "SCHEMA_VALIDATION_FAILED", pointer, `The field '${field}' must be a path or intrinsic function call string, but it is ${describeType(value)}.`);
    return;
  }
  if (containsPlaceholder(value)) return;
  const reason = value.startsWith("States.")
    ? STRING_INTRINSICS.test(value)
      ? checkIntrinsicCall(value)
      : "only States.Format, JsonToString, ArrayGetItem, Base64Encode, Base64Decode, Hash and UUID may be used here"
    : checkReferencePath(value);
  if (reason !== undefined) {
    report(context, "SCHEMA_VALIDATION_FAILED", pointer, `The value for the field '${field}' must be a valid reference path or intrinsic function call: ${quote(value)} is not (${reason}).`);
  }
};

/** Cross-field rules of a Fail state. */
export function checkFailState(context: ValidationContext, scope: StateScope): void {
  checkExclusive(context, scope, "Error", "ErrorPath");
  checkExclusive(context, scope, "Cause", "CausePath");
}
