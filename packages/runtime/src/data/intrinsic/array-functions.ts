import { jsonEquals } from "../json-values.ts";
import { arrayArgument, integerArgument, intrinsicFailure, type IntrinsicImplementation } from "./intrinsic-failure.ts";

/** States.ArrayRange creates at most this many elements. */
export const MAX_ARRAY_RANGE_LENGTH = 1000;

/** States.Array(…): its arguments, in order. */
export const array: IntrinsicImplementation = (args) => args.slice();

/** States.ArrayPartition(array, size): chunks of `size`, the last one possibly shorter. */
export const arrayPartition: IntrinsicImplementation = (args, call) => {
  const items = arrayArgument(args, 0, call);
  const size = integerArgument(args, 1, call);
  if (size <= 0) throw intrinsicFailure(call, `the chunk size must be a positive integer but was ${String(args[1])}`);
  const chunks: unknown[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
};

/** States.ArrayContains(array, value): deep equality, so arrays and objects can be looked for. */
export const arrayContains: IntrinsicImplementation = (args, call) => {
  const items = arrayArgument(args, 0, call);
  const wanted = args[1];
  return items.some((item) => jsonEquals(item, wanted));
};

/** States.ArrayRange(start, end, step): start, start+step, … up to and including end. */
export const arrayRange: IntrinsicImplementation = (args, call) => {
  const start = integerArgument(args, 0, call);
  const end = integerArgument(args, 1, call);
  const step = integerArgument(args, 2, call);
  if (step === 0) throw intrinsicFailure(call, "the step must not be 0");
  const count = Math.floor((end - start) / step) + 1;
  if (count > MAX_ARRAY_RANGE_LENGTH) {
    throw intrinsicFailure(call, `the range would have ${count} elements but at most ${MAX_ARRAY_RANGE_LENGTH} are allowed`);
  }
  const out: number[] = [];
  for (let i = 0; i < count; i++) out.push(start + i * step);
  return out;
};

/** States.ArrayGetItem(array, index). */
export const arrayGetItem: IntrinsicImplementation = (args, call) => {
  const items = arrayArgument(args, 0, call);
  const index = integerArgument(args, 1, call);
  if (index < 0 || index >= items.length) {
    throw intrinsicFailure(call, `the index ${index} is out of bounds for an array of length ${items.length}`);
  }
  return items[index];
};

/** States.ArrayLength(array). */
export const arrayLength: IntrinsicImplementation = (args, call) => arrayArgument(args, 0, call).length;

/** States.ArrayUnique(array): duplicates (deep equality) removed, first occurrences kept in order. */
export const arrayUnique: IntrinsicImplementation = (args, call) => {
  const items = arrayArgument(args, 0, call);
  const unique: unknown[] = [];
  const seenPrimitives = new Set<unknown>();
  for (const item of items) {
    if (typeof item !== "object" || item === null) {
      if (seenPrimitives.has(item)) continue;
      seenPrimitives.add(item);
    } else if (unique.some((kept) => jsonEquals(kept, item))) {
      continue;
    }
    unique.push(item);
  }
  return unique;
};
