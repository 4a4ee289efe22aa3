/**
 * Typed data functions. Each compiles to an intrinsic function in JSONPath (`States.Format`) and
 * to its JSONata equivalent in JSONata (`$string`, `&`), so one workflow source serves both.
 * Raw JSONata and JSONPath with a declared result type are the explicit escape hatch.
 */
import type { ComparisonType, Expr, FunctionName } from "../ir/expr-node.ts";
import type { RefOps } from "./data-ref.ts";
import type { Json } from "./json.ts";
import { captureSite } from "./call-site.ts";
import { refProxy, toExpr } from "./ref-proxy.ts";
import { isValue, valueOf, type Value, type ValueOr } from "./value.ts";

function call<T>(name: FunctionName, args: readonly unknown[], type?: ComparisonType): Value<T> {
  return valueOf<T>({ kind: "function", name, args: args.map(toExpr) }, type);
}

/** What `fn.format` takes for each `{}`. */
export type FormatArg = ValueOr<string | number | boolean | null>;

/**
 * The arguments of a `fn.format` template: one per `{}` in a literal template (as the compiler
 * splits it), any number when the template is only known as `string`.
 */
export type FormatArgs<S extends string> = string extends S ? readonly FormatArg[] : PlaceholderArgs<S, []>;
// Tail-recursive with an accumulator, so a long template stays within TypeScript's limits.
type PlaceholderArgs<S extends string, Acc extends readonly FormatArg[]> = S extends `${string}{}${infer Rest}` ? PlaceholderArgs<Rest, [...Acc, FormatArg]> : Acc;

/** Checks a format template's `{}` count against its arguments where the types could not (a `string` template, JavaScript). */
function placeholdersMatch(template: string, args: readonly unknown[]): string {
  const placeholders = template.split("{}").length - 1;
  if (placeholders !== args.length) {
    throw new TypeError(`fn.format(${JSON.stringify(template)}) has ${placeholders} {} but ${args.length} argument${args.length === 1 ? "" : "s"} (${captureSite().text}); pass one argument per {}`);
  }
  return template;
}

export type HashAlgorithm = "MD5" | "SHA-1" | "SHA-256" | "SHA-384" | "SHA-512";

/** Portable data functions (intrinsics in JSONPath, JSONata built-ins in JSONata). */
export const fn = {
  /** `States.Format('Hello {}', name)`; JSONata: string concatenation. One argument per `{}`. */
  format: <const S extends string>(template: S, ...args: FormatArgs<S>): Value<string> => call("format", [placeholdersMatch(template, args), ...args], "string"),
  /** Parses a JSON string. */
  stringToJson: <T = unknown>(json: ValueOr<string>): Value<T> => call("stringToJson", [json]),
  /** Serialises a value to a JSON string. */
  jsonToString: (value: Value<unknown>): Value<string> => call("jsonToString", [value], "string"),
  /** Builds an array from values. */
  array: <const A extends readonly unknown[]>(...items: A): Value<{ -readonly [K in keyof A]: A[K] extends Value<infer T> ? T : A[K] }> =>
    call("array", items),
  /** Splits an array into chunks of `size`. */
  arrayPartition: <T>(array: Value<readonly T[]>, size: ValueOr<number>): Value<T[][]> => call("arrayPartition", [array, size]),
  /** Whether the array contains the value. */
  arrayContains: <T>(array: Value<readonly T[]>, value: ValueOr<T>): Value<boolean> => call("arrayContains", [array, value], "boolean"),
  /** Integers from `start` to `end` by `step`. */
  arrayRange: (start: ValueOr<number>, end: ValueOr<number>, step: ValueOr<number>): Value<number[]> => call("arrayRange", [start, end, step]),
  /** The element at `index`. */
  arrayGetItem: <T>(array: Value<readonly T[]>, index: ValueOr<number>): Value<T> => call("arrayGetItem", [array, index]),
  /** The length of an array. */
  arrayLength: (array: Value<readonly unknown[]>): Value<number> => call("arrayLength", [array], "number"),
  /** The array without duplicates. */
  arrayUnique: <T>(array: Value<readonly T[]>): Value<T[]> => call("arrayUnique", [array]),
  /** Base64-encodes a string. */
  base64Encode: (value: ValueOr<string>): Value<string> => call("base64Encode", [value], "string"),
  /** Base64-decodes a string. */
  base64Decode: (value: ValueOr<string>): Value<string> => call("base64Decode", [value], "string"),
  /** Hex digest of a string. */
  hash: (data: ValueOr<string>, algorithm: HashAlgorithm): Value<string> => call("hash", [data, algorithm], "string"),
  /** Shallow merge; the second object's fields win. */
  jsonMerge: <A extends object, B extends object>(a: Value<A>, b: Value<B>): Value<{ [K in keyof A | keyof B]: K extends keyof B ? B[K] : K extends keyof A ? A[K] : never }> =>
    call("jsonMerge", [a, b]),
  /**
   * A random integer in [start, end). With a `seed` (an integer), `States.MathRandom(start, end, seed)`
   * returns the same number for the same seed; JSONata's `$random()` takes no seed, so a seed is
   * JSONPath-only (a JSONata workflow reports NOT_EXPRESSIBLE).
   */
  mathRandom: (start: ValueOr<number>, end: ValueOr<number>, seed?: ValueOr<number>): Value<number> =>
    call("mathRandom", seed === undefined ? [start, end] : [start, end, seed], "number"),
  /** The sum of two numbers. */
  mathAdd: (a: ValueOr<number>, b: ValueOr<number>): Value<number> => call("mathAdd", [a, b], "number"),
  /** Splits on every character of `delimiters`, dropping empty tokens. */
  stringSplit: (value: ValueOr<string>, delimiters: string): Value<string[]> => call("stringSplit", [value, delimiters]),
  /** A random v4 UUID. */
  uuid: (): Value<string> => call("uuid", [], "string"),
} as const;

/**
 * A raw JSONata expression with a declared result type, written without `{% %}`; as a tagged
 * template, interpolated references are spelled for you: jsonata<number>`${$.input.a} * 2`.
 * Without a type it is untyped `Json`: what an expression yields is not known.
 */
export function jsonata<T = Json>(source: string | TemplateStringsArray, ...values: readonly Value<unknown>[]): RefOps<T> {
  const strings = typeof source === "string" ? [source] : [...source];
  const parts: (string | Expr)[] = [];
  strings.forEach((text, i) => {
    if (text !== "") parts.push(text);
    const value = values[i];
    if (value !== undefined) parts.push(toExpr(value));
  });
  return refProxy({ kind: "jsonata", parts }) as RefOps<T>;
}

/**
 * A raw JSONPath path or intrinsic-function call with a declared result type: jsonPath<number>("$.a[0]").
 * Without a type it is untyped `Json`, since nothing says what the path reads.
 */
export function jsonPath<T = Json>(source: string): RefOps<T> {
  return refProxy({ kind: "jsonPath", source }) as RefOps<T>;
}

/** Declares that a value compares as a number (needed when comparing two references in JSONPath). */
export function asNumber(value: Value<number>): Value<number> {
  return valueOf(toExpr(value), "number");
}

/** Declares that a value compares as a string. */
export function asString(value: Value<string>): Value<string> {
  return valueOf(toExpr(value), "string");
}

/** Declares that a value compares as a boolean. */
export function asBoolean(value: Value<boolean>): Value<boolean> {
  return valueOf(toExpr(value), "boolean");
}

/** A literal value, typed (useful where a template would otherwise widen it). */
export function literal<const T>(value: T): Value<T> {
  if (isValue(value)) return value as Value<T>;
  return valueOf<T>(toExpr(value));
}
