/**
 * Ordered field lists: renderers return `[key, value]` pairs so that key order is decided by the
 * code, not by object-spread accidents; this is what makes the output byte-for-byte deterministic.
 */
import type { JsonValue } from "../ir/expr-node.ts";

export type Field = readonly [key: string, value: JsonValue | undefined];
export type Fields = readonly Field[];

/** Builds an object from fields in order, leaving out `undefined` values and empty arrays. */
export function objectFromFields(...groups: readonly Fields[]): { [key: string]: JsonValue } {
  const out: { [key: string]: JsonValue } = {};
  for (const fields of groups) {
    for (const [key, value] of fields) {
      if (value === undefined) continue;
      if (Array.isArray(value) && value.length === 0) continue;
      out[key] = value;
    }
  }
  return out;
}
