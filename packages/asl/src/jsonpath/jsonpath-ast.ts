/** What a path starts from. */
export type JsonPathRoot =
  /** `$`: the input. */
  | { readonly kind: "input" }
  /** `$$`: the context object. */
  | { readonly kind: "context" }
  /** `$name`: a workflow variable. */
  | { readonly kind: "variable"; readonly name: string }
  /** `@`: the node a filter is testing (only inside filters). */
  | { readonly kind: "current" };

/** Picks children of a node. */
export type JsonPathSelector =
  | { readonly kind: "member"; readonly name: string }
  | { readonly kind: "index"; readonly index: number }
  | { readonly kind: "wildcard" }
  | { readonly kind: "slice"; readonly start: number | null; readonly end: number | null; readonly step: number | null }
  | { readonly kind: "member-union"; readonly names: readonly string[] }
  | { readonly kind: "index-union"; readonly indexes: readonly number[] }
  | { readonly kind: "filter"; readonly expression: FilterExpression };

/** Functions Jayway allows at the end of a path. */
export type JsonPathFunctionName = "length" | "size" | "min" | "max" | "avg" | "stddev" | "sum" | "keys" | "first" | "last";

/** One step of a path. */
export type JsonPathSegment =
  /** `.name`, `[...]`: select among the children. */
  | { readonly kind: "child"; readonly selector: JsonPathSelector }
  /** `..name`, `..[...]`, `..*`: select among the node and all its descendants. */
  | { readonly kind: "descendant"; readonly selector: JsonPathSelector }
  /** `.length()`: a function applied to what the path selected so far; always last. */
  | { readonly kind: "function"; readonly name: JsonPathFunctionName };

/** A parsed JSONPath expression. */
export interface JsonPathAst {
  /** The text exactly as written. */
  readonly text: string;
  readonly root: JsonPathRoot;
  readonly segments: readonly JsonPathSegment[];
}

/** Comparison operators of Jayway filter expressions. */
export type FilterOperator =
  | "=="
  | "!="
  | "==="
  | "!=="
  | "<"
  | "<="
  | ">"
  | ">="
  | "=~"
  | "in"
  | "nin"
  | "subsetof"
  | "anyof"
  | "noneof"
  | "size"
  | "empty"
  | "contains";

/** JSON values as they appear as literals in filters. */
export type FilterLiteralValue = null | boolean | number | string | readonly FilterLiteralValue[] | { readonly [key: string]: FilterLiteralValue };

/** A value a filter compares. */
export type FilterOperand =
  | { readonly kind: "path"; readonly path: JsonPathAst }
  | { readonly kind: "literal"; readonly value: FilterLiteralValue }
  | { readonly kind: "regex"; readonly source: string; readonly flags: string };

/** The boolean expression inside `[?( … )]`. */
export type FilterExpression =
  | { readonly kind: "or"; readonly left: FilterExpression; readonly right: FilterExpression }
  | { readonly kind: "and"; readonly left: FilterExpression; readonly right: FilterExpression }
  | { readonly kind: "not"; readonly operand: FilterExpression }
  /** `[?(@.x)]`: true when the path selects something. */
  | { readonly kind: "exists"; readonly operand: FilterOperand }
  | { readonly kind: "compare"; readonly operator: FilterOperator; readonly left: FilterOperand; readonly right: FilterOperand };
