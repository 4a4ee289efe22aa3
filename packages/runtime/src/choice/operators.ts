/**
 * The JSONPath-mode Choice comparison operators, each compiled into a two-argument test
 * `(variableValue, operand) => boolean`. A value of the wrong type makes the test false, never an
 * error (a string never `NumericEquals` anything). Every test is specialised per type and
 * relation at compile time so evaluation is one call with no dispatch and no allocation.
 */
import { compareInstants, parseTimestampInto, type PreciseInstant } from "./timestamp.ts";

/** The value type an operator family compares. */
export type OperandType = "String" | "Numeric" | "Boolean" | "Timestamp";

/** How the Variable relates to the operand. */
export type Relation = "Equals" | "LessThan" | "GreaterThan" | "LessThanEquals" | "GreaterThanEquals";

/** A comparison operator name split into its parts: `NumericLessThanPath` → Numeric, LessThan, path. */
export interface ComparisonOperator {
  readonly type: OperandType;
  readonly relation: Relation;
  /** True for the `…Path` form, whose operand is a path to the value to compare against. */
  readonly path: boolean;
}

const COMPARISON = /^(String|Numeric|Boolean|Timestamp)(Equals|LessThanEquals|GreaterThanEquals|LessThan|GreaterThan)(Path)?$/;

/** The comparison operator a Choice rule key names, or undefined (Boolean has only `Equals`). */
export function parseComparisonOperator(key: string): ComparisonOperator | undefined {
  const m = COMPARISON.exec(key);
  if (m === null) return undefined;
  const type = m[1] as OperandType;
  const relation = m[2] as Relation;
  if (type === "Boolean" && relation !== "Equals") return undefined;
  return { type, relation, path: m[3] !== undefined };
}

/** The `Is…` type tests (operand: a boolean saying whether the test should hold). */
export const TYPE_TESTS = ["IsNull", "IsPresent", "IsNumeric", "IsString", "IsBoolean", "IsTimestamp"] as const;

/** One of {@link TYPE_TESTS}. */
export type TypeTest = (typeof TYPE_TESTS)[number];

/** A compiled comparison: the Variable's value against the operand's. */
export type Comparison = (value: unknown, operand: unknown) => boolean;

function stringComparison(relation: Relation): Comparison {
  switch (relation) {
    case "Equals":
      return (a, b) => typeof a === "string" && a === b;
    // JS orders strings by UTF-16 code units, exactly as Java's String.compareTo that AWS uses.
    case "LessThan":
      return (a, b) => typeof a === "string" && typeof b === "string" && a < b;
    case "GreaterThan":
      return (a, b) => typeof a === "string" && typeof b === "string" && a > b;
    case "LessThanEquals":
      return (a, b) => typeof a === "string" && typeof b === "string" && a <= b;
    case "GreaterThanEquals":
      return (a, b) => typeof a === "string" && typeof b === "string" && a >= b;
  }
}

function numericComparison(relation: Relation): Comparison {
  switch (relation) {
    case "Equals":
      return (a, b) => typeof a === "number" && a === b;
    case "LessThan":
      return (a, b) => typeof a === "number" && typeof b === "number" && a < b;
    case "GreaterThan":
      return (a, b) => typeof a === "number" && typeof b === "number" && a > b;
    case "LessThanEquals":
      return (a, b) => typeof a === "number" && typeof b === "number" && a <= b;
    case "GreaterThanEquals":
      return (a, b) => typeof a === "number" && typeof b === "number" && a >= b;
  }
}

function holds(relation: Relation): (order: number) => boolean {
  switch (relation) {
    case "Equals":
      return (c) => c === 0;
    case "LessThan":
      return (c) => c < 0;
    case "GreaterThan":
      return (c) => c > 0;
    case "LessThanEquals":
      return (c) => c <= 0;
    case "GreaterThanEquals":
      return (c) => c >= 0;
  }
}

/**
 * Timestamps compare as instants (offsets applied, nanoseconds kept); a string that is not a
 * timestamp on either side makes the comparison false. Each compiled comparison owns its two
 * parse buffers: evaluation is synchronous, so they are never shared across calls in flight.
 */
function timestampComparison(relation: Relation): Comparison {
  const accept = holds(relation);
  const left: PreciseInstant = { seconds: 0, nanos: 0 };
  const right: PreciseInstant = { seconds: 0, nanos: 0 };
  return (a, b) =>
    typeof a === "string" &&
    typeof b === "string" &&
    parseTimestampInto(a, left) &&
    parseTimestampInto(b, right) &&
    accept(compareInstants(left, right));
}

/** A timestamp comparison against a literal parsed once at compile time. */
export function timestampLiteralTest(relation: Relation, literal: PreciseInstant): (value: unknown) => boolean {
  const accept = holds(relation);
  const left: PreciseInstant = { seconds: 0, nanos: 0 };
  return (a) => typeof a === "string" && parseTimestampInto(a, left) && accept(compareInstants(left, literal));
}

/** The two-argument test for a comparison operator. */
export function compileComparison(op: ComparisonOperator): Comparison {
  switch (op.type) {
    case "String":
      return stringComparison(op.relation);
    case "Numeric":
      return numericComparison(op.relation);
    case "Boolean":
      return (a, b) => typeof a === "boolean" && a === b;
    case "Timestamp":
      return timestampComparison(op.relation);
  }
}

/** True when `operand` is a legal literal for an operator of this type (Timestamp: any string; parsed separately). */
export function isLiteralOfType(type: OperandType, operand: unknown): boolean {
  switch (type) {
    case "String":
    case "Timestamp":
      return typeof operand === "string";
    case "Numeric":
      return typeof operand === "number" && Number.isFinite(operand);
    case "Boolean":
      return typeof operand === "boolean";
  }
}

/** The test behind an `Is…` operator other than IsPresent (which is about the path, not the value). */
export function typeTest(name: Exclude<TypeTest, "IsPresent">): (value: unknown) => boolean {
  switch (name) {
    case "IsNull":
      return (v) => v === null;
    case "IsNumeric":
      return (v) => typeof v === "number";
    case "IsString":
      return (v) => typeof v === "string";
    case "IsBoolean":
      return (v) => typeof v === "boolean";
    case "IsTimestamp": {
      const scratch: PreciseInstant = { seconds: 0, nanos: 0 };
      return (v) => typeof v === "string" && parseTimestampInto(v, scratch);
    }
  }
}
