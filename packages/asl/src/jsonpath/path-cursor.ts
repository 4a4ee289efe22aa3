import { GrammarFailure } from "./grammar-result.ts";

/** A read position in a text, shared by the recursive-descent parsers of this package. */
export interface Cursor {
  readonly text: string;
  pos: number;
}

/** Advance past spaces, tabs and line breaks. */
export function skipWhitespace(cursor: Cursor): void {
  while (cursor.pos < cursor.text.length && isWhitespace(cursor.text.charCodeAt(cursor.pos))) cursor.pos++;
}

/** True for the whitespace characters the grammars ignore between tokens. */
export function isWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

/** Consume `expected` or fail, naming what was found instead. */
export function expectChar(cursor: Cursor, expected: string, context: string): void {
  if (cursor.text[cursor.pos] !== expected) {
    throw new GrammarFailure(`Expected '${expected}' ${context} but found ${describeAt(cursor)}`, cursor.pos);
  }
  cursor.pos++;
}

/** Describe the character under the cursor for an error message. */
export function describeAt(cursor: Cursor): string {
  const ch = cursor.text[cursor.pos];
  return ch === undefined ? "the end of the text" : `'${ch}'`;
}
