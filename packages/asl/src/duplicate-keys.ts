// JSON.parse keeps the last of two equal keys and says nothing; a definition with a duplicate
// key almost always hides a mistake (two "Next", two states of one name), so the parser reports
// each one with its location.
import { childPointer } from "./json-pointer.ts";

/** A key that appears twice in one JSON object. */
export interface DuplicateKey {
  /** Pointer to the object holding the key twice. */
  readonly pointer: string;
  readonly key: string;
  /** Offset of the second (and later) occurrence in the text. */
  readonly offset: number;
}

interface Container {
  readonly pointer: string;
  /** Keys seen so far (objects only). */
  readonly keys: Set<string> | undefined;
  /** The key whose value comes next (objects) or the index of the next item (arrays). */
  token: string | number;
  /** In an object: true when the next string is a key. */
  expectKey: boolean;
}

/**
 * Every duplicate key of a text `JSON.parse` accepted. Iterative (no recursion, whatever the
 * nesting) and linear in the text.
 */
export function findDuplicateKeys(text: string): DuplicateKey[] {
  const found: DuplicateKey[] = [];
  const stack: Container[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    const top = stack.at(-1);
    if (ch === "{" || ch === "[") {
      const pointer = top === undefined ? "" : childPointer(top.pointer, top.token);
      stack.push({ pointer, keys: ch === "{" ? new Set() : undefined, token: 0, expectKey: ch === "{" });
      i++;
    } else if (ch === "}" || ch === "]") {
      stack.pop();
      i++;
    } else if (ch === ",") {
      if (top !== undefined) {
        if (top.keys === undefined) top.token = (top.token as number) + 1;
        else top.expectKey = true;
      }
      i++;
    } else if (ch === '"') {
      const end = stringEnd(text, i);
      if (top?.keys !== undefined && top.expectKey) {
        const key = JSON.parse(text.slice(i, end)) as string;
        if (top.keys.has(key)) found.push({ pointer: top.pointer, key, offset: i });
        top.keys.add(key);
        top.token = key;
        top.expectKey = false;
      }
      i = end;
    } else {
      i++;
    }
  }
  return found;
}

/** Offset just past the string literal opening at `start`. */
function stringEnd(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const ch = text.charCodeAt(i);
    if (ch === 0x5c) i += 2;
    else if (ch === 0x22) return i + 1;
    else i++;
  }
  return i;
}
