/** How each language spells a path segment. */
import type { PathSegment } from "../ir/expr-node.ts";

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** JSONPath: `.name`, `['odd name']`, `[0]`. */
export function jsonPathSegments(segments: readonly PathSegment[]): string {
  return segments
    .map((s) => (typeof s === "number" ? `[${s}]` : IDENTIFIER.test(s) ? `.${s}` : `['${s.replaceAll("\\", "\\\\").replaceAll("'", "\\'")}']`))
    .join("");
}

/** JSONata: `.name`, ``.`odd name` ``, `[0]`. */
export function jsonataSegments(segments: readonly PathSegment[]): string {
  return segments
    .map((s) => (typeof s === "number" ? `[${s}]` : IDENTIFIER.test(s) ? `.${s}` : `.\`${s.replaceAll("`", "\\`")}\``))
    .join("");
}
