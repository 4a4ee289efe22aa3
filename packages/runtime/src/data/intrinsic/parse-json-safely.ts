/** The outcome of parsing JSON text. */
export type JsonParseResult = { readonly ok: true; readonly value: unknown } | { readonly ok: false };

/** JSON.parse as a result instead of an exception (JSON.parse makes `"__proto__"` an own key). */
export function parseJsonSafely(text: string): JsonParseResult {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}
