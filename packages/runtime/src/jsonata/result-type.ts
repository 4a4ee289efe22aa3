import { unexpectedResultType, type QueryEvaluationError } from "./errors.ts";

/** What a field's expression must evaluate to (`any` = any JSON value). */
export type JsonataResultType =
  | "any"
  | "boolean"
  | "array"
  | "object"
  | "string"
  | "number"
  | "integer"
  | "nonNegativeInteger"
  | "positiveInteger";

/** The type word AWS prints after `Expected` for each requirement. */
const EXPECTED_WORD: Readonly<Record<JsonataResultType, string>> = {
  any: "any",
  boolean: "boolean",
  array: "array",
  object: "object",
  string: "string",
  number: "number",
  // AWS's words for the integer requirements are not recorded in the conformance cases [?].
  integer: "integer",
  nonNegativeInteger: "non-negative integer",
  positiveInteger: "positive integer",
};

/** True when `value` satisfies `type`. */
export function matchesResultType(value: unknown, type: JsonataResultType): boolean {
  switch (type) {
    case "any":
      return true;
    case "boolean":
      return typeof value === "boolean";
    case "array":
      return Array.isArray(value);
    case "object":
      return typeof value === "object" && value !== null && !Array.isArray(value);
    case "string":
      return typeof value === "string";
    case "number":
      return typeof value === "number";
    case "integer":
      return Number.isInteger(value);
    case "nonNegativeInteger":
      return Number.isInteger(value) && (value as number) >= 0;
    case "positiveInteger":
      return Number.isInteger(value) && (value as number) > 0;
  }
}

/** The `QueryEvaluationError` to raise when `value` does not satisfy `type`, else `undefined`. */
export function checkResultType(
  value: unknown,
  type: JsonataResultType,
  expression: string,
  field: string,
): QueryEvaluationError | undefined {
  return matchesResultType(value, type) ? undefined : unexpectedResultType(expression, field, EXPECTED_WORD[type], value);
}
