/**
 * Readable selectors for simple JSONPath reference paths: `$.order.items` becomes
 * `($) => $.input.order.items`. Anything else (filters, wildcards, odd names) stays raw ASL.
 */

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Names the reference proxy answers as methods; a path through them is left raw to stay unambiguous. */
const METHOD_NAMES = new Set([
  "eq", "gt", "gte", "lt", "lte", "matches", "isPresent", "isNull", "isNumeric", "isString", "isBoolean", "isTimestamp",
  "sameInstant", "before", "after", "atOrBefore", "atOrAfter", "elementAt", "ifPresent", "orElse", "assertPresent", "then", "constructor", "toString", "valueOf",
  "toJSON", "prototype", "__proto__",
]);

/** The segments of `$`, `$.a.b`, `$.a[0]`, when every step is a plain name or index; undefined otherwise. */
export function simplePath(path: unknown): (string | number)[] | undefined {
  if (typeof path !== "string" || !path.startsWith("$") || path.startsWith("$$")) return undefined;
  const segments: (string | number)[] = [];
  const step = /^(?:\.([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\])/;
  let rest = path.slice(1);
  while (rest.length > 0) {
    const match = step.exec(rest);
    if (match === null) return undefined;
    if (match[1] !== undefined) {
      if (METHOD_NAMES.has(match[1]) || !IDENTIFIER.test(match[1])) return undefined;
      segments.push(match[1]);
    } else {
      segments.push(Number(match[2]));
    }
    rest = rest.slice(match[0].length);
  }
  return segments;
}

/** `$.input.a.b` (or another root) for the segments. */
export function refCode(root: "input" | "result", segments: readonly (string | number)[]): string {
  return `$.${root}${segments.map((s) => (typeof s === "number" ? `[${s}]` : `.${s}`)).join("")}`;
}

/** `($) => $.input.a.b`. */
export function selectorCode(root: "input" | "result", segments: readonly (string | number)[]): string {
  return `($) => ${refCode(root, segments)}`;
}
