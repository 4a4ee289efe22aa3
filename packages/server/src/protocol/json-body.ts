import { serializationError, validationError } from "./aws-error.ts";

/** Requests larger than this are refused before parsing (a definition is at most 1 MiB, an input 256 KiB). */
export const MAX_REQUEST_BYTES = 2 * 1024 * 1024;

/** Request bodies nest a few levels (tags, routing configuration); anything far deeper is hostile. */
export const MAX_BODY_DEPTH = 32;

/**
 * The deepest nesting of arrays and objects in a JSON text, scanning without recursion, so that
 * a body of a million `[` is measured (and refused) instead of overflowing the parser's stack.
 */
export function jsonNestingDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > max) max = depth;
    } else if (c === 93 /* ] */ || c === 125 /* } */) depth--;
  }
  return max;
}

/** Parses an AWS JSON 1.0 request body: an object (an empty body counts as `{}`). */
export function parseRequestBody(text: string): Record<string, unknown> {
  if (text.trim() === "") return {};
  if (jsonNestingDepth(text) > MAX_BODY_DEPTH) {
    throw validationError(`The request body nests deeper than ${MAX_BODY_DEPTH} levels`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw serializationError(`The request body is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw serializationError("The request body must be a JSON object");
  }
  return value as Record<string, unknown>;
}
