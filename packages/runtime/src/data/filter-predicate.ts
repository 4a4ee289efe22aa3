import { LinearRegexEngine } from "../limits/linear-regex.ts";
import type { FilterExpression, FilterOperand, FilterOperator, JsonPathAst } from "@stepcraft/asl";
import { NOT_FOUND } from "./compiled-path.ts";
import { jsonEquals } from "./json-values.ts";
import { yieldsOneValue } from "./path-shape.ts";
import type { NodePredicate, PathContext } from "./path-selectors.ts";

/** Evaluates a path inside a filter, starting from the node under test for `@`. */
export type FilterPathEvaluator = (node: unknown, context: PathContext) => unknown;

/** Compile the boolean expression of a `[?( … )]` filter into a predicate over nodes. */
export function compileFilterPredicate(expression: FilterExpression, compilePath: (path: JsonPathAst) => FilterPathEvaluator): NodePredicate {
  switch (expression.kind) {
    case "or": {
      const left = compileFilterPredicate(expression.left, compilePath);
      const right = compileFilterPredicate(expression.right, compilePath);
      return (node, context) => left(node, context) || right(node, context);
    }
    case "and": {
      const left = compileFilterPredicate(expression.left, compilePath);
      const right = compileFilterPredicate(expression.right, compilePath);
      return (node, context) => left(node, context) && right(node, context);
    }
    case "not": {
      const operand = compileFilterPredicate(expression.operand, compilePath);
      return (node, context) => !operand(node, context);
    }
    case "exists": {
      const operand = compileOperand(expression.operand, compilePath);
      if (isIndefinite(expression.operand)) {
        return (node, context) => {
          const value = operand(node, context);
          return Array.isArray(value) && value.length > 0;
        };
      }
      return (node, context) => operand(node, context) !== NOT_FOUND;
    }
    case "compare": {
      const left = compileOperand(expression.left, compilePath);
      const right = compileOperand(expression.right, compilePath);
      const compare = COMPARATORS[expression.operator];
      if (expression.right.kind === "regex") {
        // RE2 (linear time): a catastrophic pattern from the definition cannot freeze the process.
        const pattern = new LinearRegexEngine(`^(?:${expression.right.source})$`, expression.right.flags.replace("x", ""));
        return (node, context) => {
          const value = left(node, context);
          return typeof value === "string" && pattern.test(value);
        };
      }
      return (node, context) => compare(left(node, context), right(node, context));
    }
  }
}

function isIndefinite(operand: FilterOperand): boolean {
  // An indefinite path in a filter yields an array of matches; "exists" means "matched something".
  return operand.kind === "path" && !yieldsOneValue(operand.path);
}

function compileOperand(operand: FilterOperand, compilePath: (path: JsonPathAst) => FilterPathEvaluator): FilterPathEvaluator {
  if (operand.kind === "path") return compilePath(operand.path);
  if (operand.kind === "literal") {
    const { value } = operand;
    return () => value;
  }
  const { source } = operand;
  return () => source;
}

type Comparator = (left: unknown, right: unknown) => boolean;

const found = (value: unknown) => value !== NOT_FOUND;
const equal: Comparator = (a, b) => found(a) && found(b) && jsonEquals(a, b);
const ordered = (test: (order: number) => boolean): Comparator => (a, b) => {
  if (typeof a === "number" && typeof b === "number") return test(a < b ? -1 : a > b ? 1 : 0);
  if (typeof a === "string" && typeof b === "string") return test(a < b ? -1 : a > b ? 1 : 0);
  return false;
};
const member: Comparator = (a, b) => found(a) && Array.isArray(b) && b.some((item) => jsonEquals(a, item));
const sizeOf = (value: unknown): number | null => (Array.isArray(value) || typeof value === "string" ? value.length : null);

const COMPARATORS: Record<FilterOperator, Comparator> = {
  "==": equal,
  "===": equal,
  // Jayway: a missing value is "undefined", which differs from everything.
  "!=": (a, b) => !equal(a, b),
  "!==": (a, b) => !equal(a, b),
  "<": ordered((o) => o < 0),
  "<=": ordered((o) => o <= 0),
  ">": ordered((o) => o > 0),
  ">=": ordered((o) => o >= 0),
  // Replaced by a compiled regular expression in compileFilterPredicate.
  "=~": () => false,
  in: member,
  nin: (a, b) => Array.isArray(b) && !member(a, b),
  subsetof: (a, b) => Array.isArray(a) && a.every((item) => member(item, b)),
  anyof: (a, b) => Array.isArray(a) && a.some((item) => member(item, b)),
  noneof: (a, b) => Array.isArray(a) && Array.isArray(b) && !a.some((item) => member(item, b)),
  size: (a, b) => sizeOf(a) !== null && sizeOf(a) === b,
  empty: (a, b) => sizeOf(a) !== null && (sizeOf(a) === 0) === b,
  contains: (a, b) => (typeof a === "string" ? typeof b === "string" && a.includes(b) : Array.isArray(a) && a.some((item) => jsonEquals(item, b))),
};
