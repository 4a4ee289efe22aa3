import { StatesError } from "../errors.ts";

/** AWS's limit on any state or task input/output: 256 KiB of UTF-8. */
export const MAX_PAYLOAD_BYTES = 256 * 1024;

/** UTF-8 size of a JSON text, computed only when the text could be over the limit. */
export function jsonTextExceedsLimit(text: string, limit: number = MAX_PAYLOAD_BYTES): boolean {
  // A UTF-16 code unit is at most 3 UTF-8 bytes, so short texts skip the exact count.
  if (text.length * 3 <= limit) return false;
  return Buffer.byteLength(text, "utf8") > limit;
}

/** Subtrees smaller than this are not memoised. */
const MEMO_MIN_BYTES = 512;

/** Sizes of frozen (hence immutable) objects, so shared subtrees are measured once. */
const sizes = new WeakMap<object, number>();

/** UTF-8 size of the compact JSON text of `value` (JSON data), memoised for frozen objects. */
export function jsonByteSize(value: unknown): number {
  switch (typeof value) {
    case "string":
      return stringSize(value);
    case "number":
      return Number.isFinite(value) ? String(value).length : 4;
    case "boolean":
      return value ? 4 : 5;
    case "object":
      break;
    default:
      return 4;
  }
  if (value === null) return 4;
  const memo = sizes.get(value);
  if (memo !== undefined) return memo;
  let size = 2;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) size += (i > 0 ? 1 : 0) + jsonByteSize(value[i]);
  } else {
    let first = true;
    for (const key of Object.keys(value)) {
      const v = (value as Record<string, unknown>)[key];
      if (v === undefined || typeof v === "function") continue;
      size += (first ? 0 : 1) + stringSize(key) + 1 + jsonByteSize(v);
      first = false;
    }
  }
  // Only large frozen subtrees are worth remembering: small spines are cheaper to re-measure
  // than to store in a WeakMap.
  if (size >= MEMO_MIN_BYTES && Object.isFrozen(value)) sizes.set(value, size);
  return size;
}

function stringSize(s: string): number {
  // Plain ASCII without characters JSON escapes is the common case: its size is its length + quotes.
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c > 0x7e || c === 0x22 || c === 0x5c) return Buffer.byteLength(JSON.stringify(s), "utf8");
  }
  return s.length + 2;
}

/** States.DataLimitExceeded for a state or task whose result is over the limit, in AWS's words. */
export function dataLimitExceeded(who: string): StatesError {
  return new StatesError(
    "States.DataLimitExceeded",
    `The state/task '${who}' returned a result with a size exceeding the maximum number of bytes service limit.`,
  );
}

/**
 * Fails a state whose assembled result (a Map's or a Parallel's outputs together) is over the
 * limit, as AWS fails it: with States.DataLimitExceeded, which Retry and Catch see.
 */
export function checkStateResult(result: unknown, who: string, limit: number): void {
  if (limit !== Number.POSITIVE_INFINITY && jsonByteSize(result) > limit) throw dataLimitExceeded(who);
}
