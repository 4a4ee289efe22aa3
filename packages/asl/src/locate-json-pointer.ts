// Maps a JSON pointer back to a position in the source text, for editors and the CLI.
// A small forward scanner rather than a full parse: it skips every value off the pointer's
// route without building it, so it is linear, iterative (no recursion on deep nesting) and
// gives up (undefined) on text it does not understand instead of throwing.
// Why not jsonc-parser (findNodeAtLocation, and visit for duplicate keys): its parser recurses
// once per nesting level, and a definition within AWS's 1 MiB can nest hundreds of thousands of
// levels deep, which would overflow the stack; this scanner and duplicate-keys.ts never recurse.
import { parsePointer } from "./json-pointer.ts";

/** A 1-based line and column in a text. */
export interface SourcePosition {
  line: number;
  column: number;
}

/** Finds where the value at `pointer` sits in `text` (the key, for object members); undefined when absent or unreadable. */
export function locateJsonPointer(text: string, pointer: string): SourcePosition | undefined {
  try {
    const offset = findOffset(text, parsePointer(pointer));
    return offset === undefined ? undefined : positionOf(text, offset);
  } catch {
    // Defensive only: the scanner bounds-checks every read, but a locator must never take the caller down.
    return undefined;
  }
}

/**
 * 1-based line/column (in UTF-16 code units, as editors count) of a character offset, clamped to
 * the text (lines split on `\n`; `\r\n` counts once).
 */
export function positionOf(text: string, offset: number): SourcePosition {
  let line = 1;
  let lineStart = 0;
  const end = Math.max(0, Math.min(offset, text.length));
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

function findOffset(text: string, tokens: readonly string[]): number | undefined {
  let pos = skipWhitespace(text, text.charCodeAt(0) === 0xfeff ? 1 : 0);
  if (pos >= text.length) return undefined;
  let found = pos;
  for (const token of tokens) {
    const open = text[pos];
    if (open === "{") {
      const member = findMember(text, pos, token);
      if (!member) return undefined;
      found = member.keyStart;
      pos = member.valueStart;
    } else if (open === "[") {
      if (!/^(0|[1-9]\d*)$/.test(token)) return undefined;
      const element = findElement(text, pos, Number(token));
      if (element === undefined) return undefined;
      found = element;
      pos = element;
    } else {
      return undefined;
    }
  }
  return found;
}

function findMember(text: string, openAt: number, wanted: string): { keyStart: number; valueStart: number } | undefined {
  let pos = skipWhitespace(text, openAt + 1);
  if (text[pos] === "}") return undefined;
  while (pos < text.length) {
    if (text[pos] !== '"') return undefined;
    const keyStart = pos;
    const keyEnd = skipString(text, pos);
    if (keyEnd === undefined) return undefined;
    pos = skipWhitespace(text, keyEnd);
    if (text[pos] !== ":") return undefined;
    const valueStart = skipWhitespace(text, pos + 1);
    if (decodeKey(text.slice(keyStart, keyEnd)) === wanted) return { keyStart, valueStart };
    const valueEnd = skipValue(text, valueStart);
    if (valueEnd === undefined) return undefined;
    pos = skipWhitespace(text, valueEnd);
    if (text[pos] !== ",") return undefined;
    pos = skipWhitespace(text, pos + 1);
  }
  return undefined;
}

function findElement(text: string, openAt: number, wanted: number): number | undefined {
  let pos = skipWhitespace(text, openAt + 1);
  if (text[pos] === "]") return undefined;
  for (let index = 0; pos < text.length; index++) {
    if (index === wanted) return pos;
    const valueEnd = skipValue(text, pos);
    if (valueEnd === undefined) return undefined;
    pos = skipWhitespace(text, valueEnd);
    if (text[pos] !== ",") return undefined;
    pos = skipWhitespace(text, pos + 1);
  }
  return undefined;
}

function decodeKey(quoted: string): string | undefined {
  if (!quoted.includes("\\")) return quoted.slice(1, -1);
  try {
    const decoded: unknown = JSON.parse(quoted);
    return typeof decoded === "string" ? decoded : undefined;
  } catch {
    return undefined;
  }
}

function skipWhitespace(text: string, from: number): number {
  let pos = from;
  while (pos < text.length) {
    const code = text.charCodeAt(pos);
    if (code !== 32 && code !== 9 && code !== 10 && code !== 13) break;
    pos++;
  }
  return pos;
}

/** Offset just after the string starting at `from` (which holds `"`). */
function skipString(text: string, from: number): number | undefined {
  for (let pos = from + 1; pos < text.length; pos++) {
    const char = text[pos];
    if (char === "\\") pos++;
    else if (char === '"') return pos + 1;
  }
  return undefined;
}

/** Offset just after the value starting at `from`; containers are skipped by counting brackets. */
function skipValue(text: string, from: number): number | undefined {
  const first = text[from];
  if (first === '"') return skipString(text, from);
  if (first === "{" || first === "[") {
    let depth = 0;
    for (let pos = from; pos < text.length; pos++) {
      const char = text[pos];
      if (char === '"') {
        const end = skipString(text, pos);
        if (end === undefined) return undefined;
        pos = end - 1;
      } else if (char === "{" || char === "[") {
        depth++;
      } else if (char === "}" || char === "]") {
        depth--;
        if (depth === 0) return pos + 1;
      }
    }
    return undefined;
  }
  let pos = from;
  while (pos < text.length && !",}] \t\r\n".includes(text[pos] ?? "")) pos++;
  return pos === from ? undefined : pos;
}
