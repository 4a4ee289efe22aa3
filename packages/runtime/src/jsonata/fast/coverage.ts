import { compileExpression } from "../compile-expression.ts";
import { expressionBody, isJsonataExpression } from "../expression.ts";

/** How many JSONata expressions of some definitions the fast path compiles (see {@link fastPathCoverage}). */
export interface FastPathCoverage {
  /** `{% … %}` expressions found (each occurrence counts, as each is compiled and evaluated). */
  readonly expressions: number;
  /** Of those, the ones with a fast evaluator: they run without the general `jsonata` evaluator. */
  readonly fast: number;
  /** The texts (without delimiters) of the others, each once, in order of first appearance. */
  readonly outside: readonly string[];
}

/**
 * Counts the JSONata expressions of ASL definitions that the runtime evaluates on its fast path
 * (compiled JavaScript) rather than through the general `jsonata` evaluator.
 *
 * The count is static: a fast evaluator can still hand one evaluation back to `jsonata` when a
 * value leaves what it models exactly (an array in the middle of a path, a type error), so this
 * is an upper bound on the share of evaluations, and the share of expressions is exact.
 *
 * @example
 * fastPathCoverage([{ StartAt: "P", States: { P: { Type: "Pass", Output: "{% $states.input.a %}", End: true } } }]);
 * // { expressions: 1, fast: 1, outside: [] }
 */
export function fastPathCoverage(definitions: Iterable<unknown>): FastPathCoverage {
  let expressions = 0;
  let fast = 0;
  const outside = new Set<string>();
  for (const definition of definitions) {
    for (const text of jsonataExpressionsOf(definition)) {
      expressions++;
      if (compileExpression(text).fast !== undefined) fast++;
      else outside.add(text);
    }
  }
  return { expressions, fast, outside: [...outside] };
}

/** Every `{% … %}` string value in a JSON value (never keys), as expression bodies, in document order. */
export function jsonataExpressionsOf(value: unknown): string[] {
  const found: string[] = [];
  const visit = (node: unknown): void => {
    if (isJsonataExpression(node)) found.push(expressionBody(node));
    else if (Array.isArray(node)) for (const item of node) visit(item);
    else if (typeof node === "object" && node !== null) for (const member of Object.values(node)) visit(member);
  };
  visit(value);
  return found;
}
