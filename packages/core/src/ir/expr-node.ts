/**
 * Data expressions of the IR: plain, frozen, `kind`-tagged values that say WHAT to read or build,
 * never HOW a query language spells it. The compiler's dialects decide the spelling.
 */

export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | readonly JsonValue[] | JsonObject;
export interface JsonObject {
  readonly [key: string]: JsonValue;
}

/** Where a path starts: the state's input, its raw result, a Catcher's error output, the context object or a variable. */
export type PathRoot = "input" | "result" | "errorOutput" | "context" | "variable";

export type PathSegment = string | number;

export interface PathExpr {
  readonly kind: "path";
  readonly root: PathRoot;
  /** Set when `root` is `"variable"`. */
  readonly variable?: string;
  readonly segments: readonly PathSegment[];
}

export interface LiteralExpr {
  readonly kind: "literal";
  readonly value: JsonValue;
}

export interface ObjectExpr {
  readonly kind: "object";
  readonly entries: readonly (readonly [string, Expr])[];
}

export interface ArrayExpr {
  readonly kind: "array";
  readonly items: readonly Expr[];
}

/** The portable functions: intrinsic functions in JSONPath, their JSONata equivalents in JSONata. */
export type FunctionName =
  | "format"
  | "stringToJson"
  | "jsonToString"
  | "array"
  | "arrayPartition"
  | "arrayContains"
  | "arrayRange"
  | "arrayGetItem"
  | "arrayLength"
  | "arrayUnique"
  | "base64Encode"
  | "base64Decode"
  | "hash"
  | "jsonMerge"
  | "mathRandom"
  | "mathAdd"
  | "stringSplit"
  | "uuid";

export interface FunctionExpr {
  readonly kind: "function";
  readonly name: FunctionName;
  readonly args: readonly Expr[];
}

/** A raw JSONata expression (without `{% %}`); `parts` interleaves source text with embedded expressions. */
export interface JsonataExpr {
  readonly kind: "jsonata";
  readonly parts: readonly (string | Expr)[];
}

/** A raw JSONPath path or intrinsic-function call, emitted as written. */
export interface JsonPathExpr {
  readonly kind: "jsonPath";
  readonly source: string;
}

/**
 * A condition used as data (`approved: $.result.decision.eq("APPROVED")`): a boolean in JSONata,
 * which spells it exactly as a Choice `Condition`; JSONPath has no boolean expression for a value.
 */
export interface ConditionExpr {
  readonly kind: "condition";
  readonly condition: Condition;
}

/**
 * Data that may be absent, or `fallback` where it is (`$.input.note.orElse("none")`). JSONata
 * spells it `($exists(value) ? value : fallback)`; JSONPath has no default operator.
 */
export interface OrElseExpr {
  readonly kind: "orElse";
  readonly value: Expr;
  readonly fallback: Expr;
}

export type Expr = PathExpr | LiteralExpr | ObjectExpr | ArrayExpr | FunctionExpr | JsonataExpr | JsonPathExpr | ConditionExpr | OrElseExpr;

export type ComparisonOperator = "eq" | "lt" | "gt" | "lte" | "gte";

/** How two values compare; `unknown` when neither side told us (two references in JSONPath mode). */
export type ComparisonType = "string" | "number" | "boolean" | "timestamp" | "unknown";

export type TypeTest = "isPresent" | "isNull" | "isNumeric" | "isString" | "isBoolean" | "isTimestamp";

export interface CompareCondition {
  readonly kind: "compare";
  readonly operator: ComparisonOperator;
  readonly valueType: ComparisonType;
  readonly left: Expr;
  readonly right: Expr;
}

export interface MatchesCondition {
  readonly kind: "matches";
  readonly left: Expr;
  /** ASL glob: `*` matches any run of characters, `\*` a literal star. */
  readonly pattern: string;
}

export interface TypeTestCondition {
  readonly kind: "typeTest";
  readonly test: TypeTest;
  readonly left: Expr;
  readonly expected: boolean;
}

export interface AndCondition {
  readonly kind: "and";
  readonly conditions: readonly Condition[];
}

export interface OrCondition {
  readonly kind: "or";
  readonly conditions: readonly Condition[];
}

export interface NotCondition {
  readonly kind: "not";
  readonly condition: Condition;
}

/** The escape hatch: a raw JSONata condition or a raw JSONPath rule object. */
export interface RawCondition {
  readonly kind: "rawCondition";
  readonly jsonata?: string;
  readonly jsonPath?: JsonObject;
}

export type Condition =
  | CompareCondition
  | MatchesCondition
  | TypeTestCondition
  | AndCondition
  | OrCondition
  | NotCondition
  | RawCondition;
