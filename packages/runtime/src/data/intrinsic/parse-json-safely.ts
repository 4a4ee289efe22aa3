/** The outcome of parsing JSON text. */
export type JsonParseResult = { readonly ok: true; readonly value: unknown } | { readonly ok: false };

const FAILED: JsonParseResult = { ok: false };

/** JSON.parse as a result instead of an exception (JSON.parse makes `"__proto__"` an own key). */
export function parseJsonSafely(text: string): JsonParseResult {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return FAILED;
  }
}

/** Texts longer than this are parsed every time (bounds what the cache below keeps alive). */
export const MAX_CACHED_TEXT_LENGTH = 16 * 1024;
const CACHE_SIZE = 256;
const parsedTexts = new Map<string, JsonParseResult>();

/**
 * {@link parseJsonSafely}, remembering recent results by text. The parsed value is shared between
 * callers, which is safe because payloads are never modified once built (the engine copies
 * spines, it never edits them). Workflows that parse the same text state after state (a constant
 * or an input field read by `States.StringToJson` in a loop) then pay a lookup instead of a parse
 * and allocate nothing.
 */
export function parseJsonCached(text: string): JsonParseResult {
  if (text.length > MAX_CACHED_TEXT_LENGTH) return parseJsonSafely(text);
  const cached = parsedTexts.get(text);
  if (cached !== undefined) return cached;
  const parsed = parseJsonSafely(text);
  // Clearing at the bound keeps the cache O(1) without LRU bookkeeping; hot texts come back at once.
  if (parsedTexts.size >= CACHE_SIZE) parsedTexts.clear();
  parsedTexts.set(text, parsed);
  return parsed;
}
