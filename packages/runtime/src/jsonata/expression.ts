/** Delimiters AWS uses to mark a JSONata expression inside a JSON string. */
const OPEN = "{%";
const CLOSE = "%}";

/**
 * True when `value` is a JSONata expression string: it starts exactly with `{%` and ends exactly
 * with `%}`. Outer whitespace disqualifies it, as on AWS (`" {% x %} "` is a literal string).
 */
export function isJsonataExpression(value: unknown): value is string {
  return typeof value === "string" && value.length >= OPEN.length + CLOSE.length && value.startsWith(OPEN) && value.endsWith(CLOSE);
}

/**
 * The expression text between the delimiters, trimmed: AWS quotes it this way in its causes
 * (`"{% $doesNotExist %}"` is reported as `'$doesNotExist'`).
 */
export function expressionBody(expression: string): string {
  return expression.slice(OPEN.length, expression.length - CLOSE.length).trim();
}
