import { randomUUID } from "node:crypto";
import { cachedDigest, HASH_ALGORITHM_NAMES, nodeHashAlgorithm } from "../data/digest.ts";
import { parseJsonCached } from "../data/intrinsic/parse-json-safely.ts";
import { javaRandomFirstDouble } from "./seeded-random.ts";
import { MAX_EVALUATED_ARRAY_LENGTH } from "../limits/evaluation-growth.ts";

/** Sources of randomness behind `$random()` and `$uuid()`, injectable so tests are repeatable. */
export interface RandomSources {
  /** Unseeded `$random()`: a number in [0, 1). Defaults to `Math.random`. */
  readonly random?: () => number;
  /** `$uuid()`: a version 4 UUID. Defaults to `crypto.randomUUID`. */
  readonly uuid?: () => string;
}

/** One function Step Functions adds to JSONata, with its JSONata signature. */
export interface AddedFunction {
  readonly implementation: (...args: never[]) => unknown;
  readonly signature: string;
}

/** Largest sequence `$range` builds; JSONata's own `..` operator stops at the same size (D2014). */
const MAX_RANGE_LENGTH = MAX_EVALUATED_ARRAY_LENGTH;

/**
 * An error shaped like JSONata's own (an object with `message`, no `code`): uncoded errors are
 * reported by AWS as `…threw an error during evaluation: <message>`.
 */
function fail(message: string): never {
  throw { message };
}

/** `$partition(array, size)`: consecutive chunks of `size` items, the last one possibly shorter. */
export function partition(array: readonly unknown[], size: number): unknown[][] {
  const chunk = Math.floor(size);
  if (!(chunk >= 1)) fail(`The partition size must be a positive integer, but was ${size}`);
  const chunks: unknown[][] = [];
  for (let start = 0; start < array.length; start += chunk) chunks.push(array.slice(start, start + chunk));
  return chunks;
}

/**
 * `$range(start, end, step)`: `start, start+step, …` while the value has not passed `end` (end
 * included when a step lands on it). Returned as a JSONata sequence, because AWS collapses a
 * one-element range to its value (`$range(1, 9, 9)` is `1`) and an empty one to nothing.
 */
export function range(start: number, end: number, step: number): unknown[] {
  const [first, last, increment] = [Math.floor(start), Math.floor(end), Math.floor(step)];
  if (increment === 0) fail("The step of $range must not be zero");
  const length = Math.max(0, Math.floor((last - first) / increment) + 1);
  if (length > MAX_RANGE_LENGTH) fail(`The size of the sequence allocated by $range must not exceed ${MAX_RANGE_LENGTH}`);
  const values: number[] = [];
  for (let index = 0; index < length; index++) values.push(first + index * increment);
  return asSequence(values);
}

/** `$hash(value, algorithm)`: lowercase hex digest of the UTF-8 bytes of `value`. */
export function hash(value: string, algorithm: string): string {
  const nodeAlgorithm = nodeHashAlgorithm(algorithm);
  if (nodeAlgorithm === undefined) {
    fail(`The hash algorithm '${algorithm}' is not supported; use one of ${HASH_ALGORITHM_NAMES.join(", ")}`);
  }
  return cachedDigest(nodeAlgorithm, value);
}

/** `$parse(text)`: the JSON value of a JSON text (AWS's replacement for `$eval`). */
export function parse(text: string): unknown {
  // Parsed values are shared between callers (payloads are immutable); JSON.parse runs again
  // only to word the error.
  const parsed = parseJsonCached(text);
  if (parsed.ok) return parsed.value;
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    return fail(`Unable to parse the JSON string: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The six functions AWS adds to JSONata, bound to the given randomness sources. */
export function addedFunctions(sources: RandomSources = {}): Readonly<Record<string, AddedFunction>> {
  const unseeded = sources.random ?? Math.random;
  const uuid = sources.uuid ?? randomUUID;
  return {
    partition: { implementation: partition, signature: "<an:a>" },
    range: { implementation: range, signature: "<nnn:a>" },
    hash: { implementation: hash, signature: "<ss:s>" },
    parse: { implementation: parse, signature: "<s:x>" },
    // Seeds are rounded down like every integer parameter of these functions.
    random: {
      implementation: (seed?: number) => (seed === undefined ? unseeded() : javaRandomFirstDouble(BigInt(Math.floor(seed)))),
      signature: "<n?:n>",
    },
    uuid: { implementation: () => uuid(), signature: "<:s>" },
  };
}

/** Marks an array as a JSONata sequence (the flag JSONata itself uses to collapse singletons). */
function asSequence(values: unknown[]): unknown[] {
  Object.defineProperty(values, "sequence", { value: true, enumerable: false });
  return values;
}
