// Our own JSONPath parser, deliberately not a library: Step Functions speaks Jayway's dialect
// (reference paths, the `$$` and `$var` roots, its filter syntax and functions, paths inside
// intrinsic functions) and words its errors its own way; RFC 9535 parsers and jsonpath-plus accept
// and reject different paths, and the validator and the runtime must agree with AWS exactly.
import { parseFilterExpression } from "./filter-parser.ts";
import { GrammarFailure, grammarFail, grammarOk, type GrammarResult } from "./grammar-result.ts";
import type { JsonPathAst, JsonPathFunctionName, JsonPathRoot, JsonPathSegment, JsonPathSelector } from "./jsonpath-ast.ts";
import { describeAt, expectChar, isWhitespace, nested, skipWhitespace, type Cursor } from "./path-cursor.ts";

const FUNCTION_NAMES: ReadonlySet<string> = new Set<JsonPathFunctionName>(["length", "size", "min", "max", "avg", "stddev", "sum", "keys", "first", "last"]);
const VARIABLE_NAME = /[A-Za-z0-9_]+/y;
const INTEGER = /-?\d+/y;
// Characters that end a dot-notation name. Jayway reads names up to `.`, `[` or `(`; the rest
// end a name because they delimit paths inside filters and intrinsic-function arguments.
const NAME_TERMINATORS = new Set([".", "[", "]", "(", ")", ",", "'", '"', "=", "<", ">", "!", "&", "|", "*", "?"]);

/** A parsed path plus the offset of each segment, for diagnostics that point into the text. */
export interface LocatedJsonPath {
  readonly ast: JsonPathAst;
  /** `segmentOffsets[i]` is where `ast.segments[i]` starts in the text. */
  readonly segmentOffsets: readonly number[];
}

/** Parse a JSONPath expression (Jayway syntax as AWS Step Functions uses it); surrounding whitespace is ignored. */
export function parseJsonPath(text: string): GrammarResult<JsonPathAst> {
  const located = parseLocatedJsonPath(text);
  return located.ok ? grammarOk(located.value.ast) : located;
}

/** Parse a JSONPath expression and keep where each segment starts. */
export function parseLocatedJsonPath(text: string): GrammarResult<LocatedJsonPath> {
  try {
    const cursor: Cursor = { text, pos: 0 };
    // Jayway trims the path text; AWS accepts published definitions with a trailing space.
    skipWhitespace(cursor);
    const located = readPath(cursor, false);
    skipWhitespace(cursor);
    if (cursor.pos < text.length) {
      throw new GrammarFailure(`Unexpected ${describeAt(cursor)} in the path`, cursor.pos);
    }
    return grammarOk(located);
  } catch (error) {
    if (error instanceof GrammarFailure) return grammarFail(error.message, error.offset);
    throw error;
  }
}

/**
 * Read a path that starts at `cursor.pos` and stops at the first character that cannot continue
 * it (used by the intrinsic-function parser for path arguments). Throws {@link GrammarFailure}.
 */
export function readJsonPathAt(cursor: Cursor): JsonPathAst {
  return readPath(cursor, false).ast;
}

function readPath(cursor: Cursor, insideFilter: boolean): LocatedJsonPath {
  const start = cursor.pos;
  const root = readRoot(cursor, insideFilter);
  const segments: JsonPathSegment[] = [];
  const segmentOffsets: number[] = [];
  const { text } = cursor;
  for (;;) {
    const segmentStart = cursor.pos;
    const ch = text[cursor.pos];
    let segment: JsonPathSegment;
    if (ch === "[") {
      segment = { kind: "child", selector: readBracket(cursor) };
    } else if (ch === "." && text[cursor.pos + 1] === ".") {
      cursor.pos += 2;
      segment = { kind: "descendant", selector: readAfterDeepScan(cursor) };
    } else if (ch === ".") {
      cursor.pos++;
      segment = readAfterDot(cursor);
    } else {
      break;
    }
    if (segments.at(-1)?.kind === "function") {
      throw new GrammarFailure("A function such as length() must be the last step of a path", segmentStart);
    }
    segments.push(segment);
    segmentOffsets.push(segmentStart);
  }
  return { ast: { text: text.slice(start, cursor.pos), root, segments }, segmentOffsets };
}

function readRoot(cursor: Cursor, insideFilter: boolean): JsonPathRoot {
  const { text } = cursor;
  const ch = text[cursor.pos];
  if (ch === "@") {
    if (!insideFilter) throw new GrammarFailure("'@' (the current node) is only allowed inside a filter", cursor.pos);
    cursor.pos++;
    return { kind: "current" };
  }
  if (ch !== "$") throw new GrammarFailure(`A path must start with '$' but found ${describeAt(cursor)}`, cursor.pos);
  cursor.pos++;
  if (text[cursor.pos] === "$") {
    cursor.pos++;
    return { kind: "context" };
  }
  VARIABLE_NAME.lastIndex = cursor.pos;
  const name = VARIABLE_NAME.exec(text);
  if (name === null) return { kind: "input" };
  cursor.pos += name[0].length;
  const next = text[cursor.pos];
  if (next !== undefined && !NAME_TERMINATORS.has(next) && !isWhitespace(next.charCodeAt(0))) {
    throw new GrammarFailure(`A variable name may contain only letters, digits and '_' but found '${next}'`, cursor.pos);
  }
  return { kind: "variable", name: name[0] };
}

function readAfterDot(cursor: Cursor): JsonPathSegment {
  const ch = cursor.text[cursor.pos];
  // Jayway accepts `$.[0]` and `$.['a']` as if the dot were absent; published workflows use it.
  if (ch === "[") return { kind: "child", selector: readBracket(cursor) };
  if (ch === "*") {
    cursor.pos++;
    return { kind: "child", selector: { kind: "wildcard" } };
  }
  const nameStart = cursor.pos;
  const name = readName(cursor, "after '.'");
  if (cursor.text[cursor.pos] !== "(") return { kind: "child", selector: { kind: "member", name } };
  if (!FUNCTION_NAMES.has(name)) throw new GrammarFailure(`Unknown path function '${name}()'`, nameStart);
  cursor.pos++;
  skipWhitespace(cursor);
  expectChar(cursor, ")", `to close '${name}(' (path functions take no arguments)`);
  return { kind: "function", name: name as JsonPathFunctionName };
}

function readAfterDeepScan(cursor: Cursor): JsonPathSelector {
  const ch = cursor.text[cursor.pos];
  if (ch === "[") return readBracket(cursor);
  if (ch === "*") {
    cursor.pos++;
    return { kind: "wildcard" };
  }
  return { kind: "member", name: readName(cursor, "after '..'") };
}

function readName(cursor: Cursor, where: string): string {
  const { text } = cursor;
  const start = cursor.pos;
  while (cursor.pos < text.length) {
    const ch = text[cursor.pos] as string;
    if (NAME_TERMINATORS.has(ch) || isWhitespace(ch.charCodeAt(0))) break;
    cursor.pos++;
  }
  if (cursor.pos === start) throw new GrammarFailure(`Expected a member name ${where} but found ${describeAt(cursor)}`, start);
  return text.slice(start, cursor.pos);
}

function readBracket(cursor: Cursor): JsonPathSelector {
  const open = cursor.pos;
  cursor.pos++;
  skipWhitespace(cursor);
  const ch = cursor.text[cursor.pos];
  let selector: JsonPathSelector;
  if (ch === "*") {
    cursor.pos++;
    selector = { kind: "wildcard" };
  } else if (ch === "?") {
    cursor.pos++;
    skipWhitespace(cursor);
    expectChar(cursor, "(", "after '[?' to open the filter");
    const expression = nested(cursor, () => parseFilterExpression(cursor, (inner) => readPath(inner, true).ast));
    skipWhitespace(cursor);
    expectChar(cursor, ")", "to close the filter");
    selector = { kind: "filter", expression };
  } else if (ch === "'" || ch === '"') {
    selector = readQuotedNames(cursor);
  } else if (ch === ":" || ch === "-" || (ch !== undefined && ch >= "0" && ch <= "9")) {
    selector = readIndexesOrSlice(cursor);
  } else {
    throw new GrammarFailure(`Expected an index, a quoted name, '*', a slice or a filter after '[' but found ${describeAt(cursor)}`, cursor.pos);
  }
  skipWhitespace(cursor);
  if (cursor.text[cursor.pos] !== "]") {
    throw new GrammarFailure(`Expected ']' to close the '[' at offset ${open} but found ${describeAt(cursor)}`, cursor.pos);
  }
  cursor.pos++;
  return selector;
}

function readQuotedNames(cursor: Cursor): JsonPathSelector {
  const names = [readQuotedName(cursor)];
  for (;;) {
    skipWhitespace(cursor);
    if (cursor.text[cursor.pos] !== ",") break;
    cursor.pos++;
    skipWhitespace(cursor);
    const ch = cursor.text[cursor.pos];
    if (ch !== "'" && ch !== '"') throw new GrammarFailure(`Expected a quoted name after ',' but found ${describeAt(cursor)}`, cursor.pos);
    names.push(readQuotedName(cursor));
  }
  const [first] = names;
  return names.length === 1 && first !== undefined ? { kind: "member", name: first } : { kind: "member-union", names };
}

function readQuotedName(cursor: Cursor): string {
  const { text } = cursor;
  const quote = text[cursor.pos];
  const start = cursor.pos + 1;
  let pos = start;
  while (pos < text.length && text[pos] !== quote) {
    // A backslash only stops the next character from closing the name; AWS keeps it in the
    // name (`$['a\"b']` reads the key `a\"b`), as the recorded ESCAPE_SEQUENCES_JSONPATH case shows.
    pos += text[pos] === "\\" ? 2 : 1;
  }
  if (pos >= text.length) throw new GrammarFailure("Unterminated quoted name", cursor.pos);
  cursor.pos = pos + 1;
  return text.slice(start, pos);
}

function readIndexesOrSlice(cursor: Cursor): JsonPathSelector {
  const first = readOptionalInteger(cursor);
  skipWhitespace(cursor);
  if (cursor.text[cursor.pos] === ":") {
    cursor.pos++;
    skipWhitespace(cursor);
    const end = readOptionalInteger(cursor);
    skipWhitespace(cursor);
    let step: number | null = null;
    if (cursor.text[cursor.pos] === ":") {
      cursor.pos++;
      skipWhitespace(cursor);
      const stepStart = cursor.pos;
      step = readOptionalInteger(cursor);
      if (step === 0) throw new GrammarFailure("A slice step cannot be 0", stepStart);
    }
    return { kind: "slice", start: first, end, step };
  }
  if (first === null) throw new GrammarFailure(`Expected an index but found ${describeAt(cursor)}`, cursor.pos);
  const indexes = [first];
  while (cursor.text[cursor.pos] === ",") {
    cursor.pos++;
    skipWhitespace(cursor);
    const next = readOptionalInteger(cursor);
    if (next === null) throw new GrammarFailure(`Expected an index after ',' but found ${describeAt(cursor)}`, cursor.pos);
    indexes.push(next);
    skipWhitespace(cursor);
  }
  return indexes.length === 1 ? { kind: "index", index: first } : { kind: "index-union", indexes };
}

function readOptionalInteger(cursor: Cursor): number | null {
  INTEGER.lastIndex = cursor.pos;
  const match = INTEGER.exec(cursor.text);
  if (match === null) {
    if (cursor.text[cursor.pos] === "-") throw new GrammarFailure("Expected digits after '-'", cursor.pos);
    return null;
  }
  cursor.pos += match[0].length;
  return Number(match[0]);
}
