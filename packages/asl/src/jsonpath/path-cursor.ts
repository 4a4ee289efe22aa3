import { GrammarFailure } from "./grammar-result.ts";

/** A read position in a text, shared by the recursive-descent parsers of this package. */
export interface Cursor {
  readonly text: string;
  pos: number;
  /** How many groups, negations and filters enclose the position (see {@link nested}). */
  depth?: number;
}

/**
 * Deepest nesting of filters, groups and negations a path may have. Jayway sets none; ours keeps
 * every recursive parser and evaluator far inside the stack, and no real definition comes near it.
 */
export const MAX_GRAMMAR_NESTING = 100;

/** Runs `parse` one nesting level deeper, failing with a diagnostic past MAX_GRAMMAR_NESTING. */
export function nested<T>(cursor: Cursor, parse: () => T): T {
  const depth = (cursor.depth ?? 0) + 1;
  if (depth > MAX_GRAMMAR_NESTING) {
    throw new GrammarFailure(`Filters, groups and negations can be nested at most ${MAX_GRAMMAR_NESTING} deep; simplify the expression`, cursor.pos);
  }
  cursor.depth = depth;
  try {
    return parse();
  } finally {
    cursor.depth = depth - 1;
  }
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
