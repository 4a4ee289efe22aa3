import { GrammarFailure, grammarFail, grammarOk, type GrammarResult } from "../jsonpath/grammar-result.ts";
import { readJsonPathAt } from "../jsonpath/jsonpath-parser.ts";
import { describeAt, skipWhitespace, type Cursor } from "../jsonpath/path-cursor.ts";
import type { IntrinsicArgument, IntrinsicCall } from "./intrinsic-ast.ts";

/** AWS allows intrinsic calls nested up to 10 deep in one field. */
export const MAX_INTRINSIC_NESTING = 10;

const PREFIX = "States.";
const FUNCTION_NAME = /[A-Za-z0-9_.]+/y;
const NUMBER = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const KEYWORD = /(?:true|false|null)(?![A-Za-z0-9_])/y;
// The only escapes AWS accepts inside string arguments (`\"` is rejected at definition time).
const ESCAPABLE = new Set(["'", "{", "}", "\\"]);

/** True when a `.$` value should be read as an intrinsic function call rather than a path. */
export function looksLikeIntrinsic(text: string): boolean {
  return text.startsWith(PREFIX);
}

/** Parse an intrinsic function call such as `States.Format('{}', $.name)`. */
export function parseIntrinsic(text: string): GrammarResult<IntrinsicCall> {
  try {
    const cursor: Cursor = { text, pos: 0 };
    const call = readCall(cursor, 1);
    skipWhitespace(cursor);
    if (cursor.pos < text.length) throw new GrammarFailure(`Unexpected ${describeAt(cursor)} after the end of the call`, cursor.pos);
    return grammarOk(call);
  } catch (error) {
    if (error instanceof GrammarFailure) return grammarFail(error.message, error.offset);
    throw error;
  }
}

function readCall(cursor: Cursor, depth: number): IntrinsicCall {
  const offset = cursor.pos;
  if (!cursor.text.startsWith(PREFIX, offset)) {
    throw new GrammarFailure(`An intrinsic function call must start with '${PREFIX}'`, offset);
  }
  if (depth > MAX_INTRINSIC_NESTING) {
    throw new GrammarFailure(`Intrinsic functions can be nested at most ${MAX_INTRINSIC_NESTING} deep`, offset);
  }
  FUNCTION_NAME.lastIndex = offset + PREFIX.length;
  const match = FUNCTION_NAME.exec(cursor.text);
  if (match === null) throw new GrammarFailure(`Expected a function name after '${PREFIX}'`, offset + PREFIX.length);
  cursor.pos = offset + PREFIX.length + match[0].length;
  const name = PREFIX + match[0];
  if (cursor.text[cursor.pos] !== "(") {
    throw new GrammarFailure(`Expected '(' after '${name}' but found ${describeAt(cursor)}`, cursor.pos);
  }
  cursor.pos++;
  const args: IntrinsicArgument[] = [];
  skipWhitespace(cursor);
  if (cursor.text[cursor.pos] === ")") {
    cursor.pos++;
    return { name, args, offset };
  }
  for (;;) {
    skipWhitespace(cursor);
    args.push(readArgument(cursor, depth));
    skipWhitespace(cursor);
    const ch = cursor.text[cursor.pos];
    if (ch === ")") {
      cursor.pos++;
      return { name, args, offset };
    }
    if (ch !== ",") throw new GrammarFailure(`Expected ',' or ')' in the arguments of ${name} but found ${describeAt(cursor)}`, cursor.pos);
    cursor.pos++;
  }
}

function readArgument(cursor: Cursor, depth: number): IntrinsicArgument {
  const offset = cursor.pos;
  const ch = cursor.text[offset];
  if (ch === "'") return readString(cursor);
  if (ch === "$") return { kind: "path", path: readJsonPathAt(cursor), offset };
  if (cursor.text.startsWith(PREFIX, offset)) return { kind: "call", call: readCall(cursor, depth + 1), offset };
  NUMBER.lastIndex = offset;
  const number = NUMBER.exec(cursor.text);
  if (number !== null) {
    cursor.pos += number[0].length;
    return { kind: "number", value: Number(number[0]), offset };
  }
  KEYWORD.lastIndex = offset;
  const keyword = KEYWORD.exec(cursor.text);
  if (keyword !== null) {
    cursor.pos += keyword[0].length;
    return keyword[0] === "null" ? { kind: "null", offset } : { kind: "boolean", value: keyword[0] === "true", offset };
  }
  throw new GrammarFailure(
    `Expected an argument ('string', number, true, false, null, a path or a States.* call) but found ${describeAt(cursor)}`,
    offset,
  );
}

function readString(cursor: Cursor): IntrinsicArgument {
  const { text } = cursor;
  const offset = cursor.pos;
  let pos = offset + 1;
  let value = "";
  while (pos < text.length) {
    const ch = text[pos] as string;
    if (ch === "'") {
      cursor.pos = pos + 1;
      return { kind: "string", value, raw: text.slice(offset + 1, pos), offset };
    }
    if (ch === "\\") {
      const escaped = text[pos + 1];
      if (escaped === undefined || !ESCAPABLE.has(escaped)) {
        throw new GrammarFailure(
          `Invalid escape '\\${escaped ?? ""}' in a string argument: only \\' \\{ \\} and \\\\ are allowed`,
          pos,
        );
      }
      value += escaped;
      pos += 2;
      continue;
    }
    value += ch;
    pos++;
  }
  throw new GrammarFailure("Unterminated string argument: expected a closing '", offset);
}
