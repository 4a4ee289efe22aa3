import { GrammarFailure } from "./grammar-result.ts";
import type { FilterExpression, FilterLiteralValue, FilterOperand, FilterOperator, JsonPathAst } from "./jsonpath-ast.ts";
import { describeAt, nested, skipWhitespace, type Cursor } from "./path-cursor.ts";

/** Parses a path that may start with `@`; injected to keep the filter and path parsers acyclic. */
export type NestedPathParser = (cursor: Cursor) => JsonPathAst;

const SYMBOL_OPERATORS: readonly FilterOperator[] = ["===", "!==", "==", "!=", "<=", ">=", "=~", "<", ">"];
const WORD_OPERATORS: readonly FilterOperator[] = ["subsetof", "contains", "noneof", "anyof", "empty", "size", "nin", "in"];
const NUMBER = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const BARE_WORD = /[A-Za-z_][A-Za-z0-9_-]*/y;

/** Parse the boolean expression of a Jayway filter `[?( … )]`, stopping before its closing `)`. */
export function parseFilterExpression(cursor: Cursor, parsePath: NestedPathParser): FilterExpression {
  return parseOr(cursor, parsePath);
}

function parseOr(cursor: Cursor, parsePath: NestedPathParser): FilterExpression {
  let left = parseAnd(cursor, parsePath);
  for (;;) {
    skipWhitespace(cursor);
    if (!cursor.text.startsWith("||", cursor.pos)) return left;
    cursor.pos += 2;
    left = { kind: "or", left, right: parseAnd(cursor, parsePath) };
  }
}

function parseAnd(cursor: Cursor, parsePath: NestedPathParser): FilterExpression {
  let left = parseUnary(cursor, parsePath);
  for (;;) {
    skipWhitespace(cursor);
    if (!cursor.text.startsWith("&&", cursor.pos)) return left;
    cursor.pos += 2;
    left = { kind: "and", left, right: parseUnary(cursor, parsePath) };
  }
}

function parseUnary(cursor: Cursor, parsePath: NestedPathParser): FilterExpression {
  skipWhitespace(cursor);
  const ch = cursor.text[cursor.pos];
  if (ch === "!" && cursor.text[cursor.pos + 1] !== "=") {
    cursor.pos++;
    return { kind: "not", operand: nested(cursor, () => parseUnary(cursor, parsePath)) };
  }
  if (ch === "(") {
    cursor.pos++;
    const inner = nested(cursor, () => parseOr(cursor, parsePath));
    skipWhitespace(cursor);
    if (cursor.text[cursor.pos] !== ")") throw new GrammarFailure(`Expected ')' to close the group but found ${describeAt(cursor)}`, cursor.pos);
    cursor.pos++;
    return inner;
  }
  return parseComparison(cursor, parsePath);
}

function parseComparison(cursor: Cursor, parsePath: NestedPathParser): FilterExpression {
  const leftStart = cursor.pos;
  const left = parseOperand(cursor, parsePath);
  skipWhitespace(cursor);
  const operator = readOperator(cursor);
  if (operator === null) {
    if (left.kind !== "path") throw new GrammarFailure("A filter condition needs a comparison operator after a literal", cursor.pos);
    return { kind: "exists", operand: left };
  }
  const right = parseOperand(cursor, parsePath);
  if (operator === "=~" && right.kind !== "regex") throw new GrammarFailure("The operator '=~' needs a regular expression /…/ on its right", leftStart);
  return { kind: "compare", operator, left, right };
}

function readOperator(cursor: Cursor): FilterOperator | null {
  for (const op of SYMBOL_OPERATORS) {
    if (cursor.text.startsWith(op, cursor.pos)) {
      cursor.pos += op.length;
      return op;
    }
  }
  for (const op of WORD_OPERATORS) {
    const after = cursor.text[cursor.pos + op.length];
    if (cursor.text.startsWith(op, cursor.pos) && (after === undefined || !/[A-Za-z0-9_]/.test(after))) {
      cursor.pos += op.length;
      return op;
    }
  }
  return null;
}

function parseOperand(cursor: Cursor, parsePath: NestedPathParser): FilterOperand {
  skipWhitespace(cursor);
  const ch = cursor.text[cursor.pos];
  if (ch === "@" || ch === "$") return { kind: "path", path: parsePath(cursor) };
  if (ch === "/") return readRegex(cursor);
  return { kind: "literal", value: readLiteral(cursor) };
}

function readLiteral(cursor: Cursor): FilterLiteralValue {
  skipWhitespace(cursor);
  const start = cursor.pos;
  const ch = cursor.text[start];
  if (ch === "'" || ch === '"') return readQuotedLiteral(cursor, ch);
  if (ch === "[") return readArrayLiteral(cursor);
  if (ch === "{") return readObjectLiteral(cursor);
  NUMBER.lastIndex = start;
  const number = NUMBER.exec(cursor.text);
  if (number !== null) {
    cursor.pos += number[0].length;
    return Number(number[0]);
  }
  BARE_WORD.lastIndex = start;
  const word = BARE_WORD.exec(cursor.text);
  if (word !== null) {
    cursor.pos += word[0].length;
    if (word[0] === "true") return true;
    if (word[0] === "false") return false;
    if (word[0] === "null") return null;
    // Jayway reads an unquoted word as a string; published workflows rely on it (`@.Name==Receipt`).
    return word[0];
  }
  throw new GrammarFailure(`Expected a value in the filter but found ${describeAt(cursor)}`, start);
}

function readQuotedLiteral(cursor: Cursor, quote: string): string {
  const start = cursor.pos;
  let value = "";
  cursor.pos++;
  while (cursor.pos < cursor.text.length) {
    const ch = cursor.text[cursor.pos] as string;
    if (ch === "\\" && cursor.pos + 1 < cursor.text.length) {
      value += cursor.text[cursor.pos + 1];
      cursor.pos += 2;
      continue;
    }
    if (ch === quote) {
      cursor.pos++;
      return value;
    }
    value += ch;
    cursor.pos++;
  }
  throw new GrammarFailure("Unterminated string in the filter", start);
}

function readArrayLiteral(cursor: Cursor): FilterLiteralValue[] {
  const items: FilterLiteralValue[] = [];
  cursor.pos++;
  skipWhitespace(cursor);
  if (cursor.text[cursor.pos] === "]") {
    cursor.pos++;
    return items;
  }
  for (;;) {
    items.push(readLiteral(cursor));
    skipWhitespace(cursor);
    const ch = cursor.text[cursor.pos];
    cursor.pos++;
    if (ch === "]") return items;
    if (ch !== ",") throw new GrammarFailure(`Expected ',' or ']' in the array but found ${ch === undefined ? "the end of the text" : `'${ch}'`}`, cursor.pos - 1);
  }
}

function readObjectLiteral(cursor: Cursor): FilterLiteralValue {
  const start = cursor.pos;
  let depth = 0;
  let inString = false;
  for (; cursor.pos < cursor.text.length; cursor.pos++) {
    const ch = cursor.text[cursor.pos];
    if (inString) {
      if (ch === "\\") cursor.pos++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === "{") depth++;
    else if (ch === "}" && --depth === 0) {
      cursor.pos++;
      try {
        return JSON.parse(cursor.text.slice(start, cursor.pos)) as FilterLiteralValue;
      } catch {
        throw new GrammarFailure("Invalid JSON object in the filter", start);
      }
    }
  }
  throw new GrammarFailure("Unterminated JSON object in the filter", start);
}

function readRegex(cursor: Cursor): FilterOperand {
  const start = cursor.pos;
  cursor.pos++;
  let source = "";
  while (cursor.pos < cursor.text.length && cursor.text[cursor.pos] !== "/") {
    if (cursor.text[cursor.pos] === "\\") source += cursor.text[cursor.pos++];
    source += cursor.text[cursor.pos++] ?? "";
  }
  if (cursor.pos >= cursor.text.length) throw new GrammarFailure("Unterminated regular expression in the filter", start);
  cursor.pos++;
  const flagsStart = cursor.pos;
  while (/[a-z]/.test(cursor.text[cursor.pos] ?? "")) cursor.pos++;
  const flags = cursor.text.slice(flagsStart, cursor.pos);
  if (!/^[imsx]*$/.test(flags)) throw new GrammarFailure(`Unsupported regular expression flags '${flags}'`, flagsStart);
  try {
    new RegExp(source, flags.replace("x", ""));
  } catch {
    throw new GrammarFailure(`Invalid regular expression /${source}/`, start);
  }
  return { kind: "regex", source, flags };
}
