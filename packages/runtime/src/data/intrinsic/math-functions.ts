import { seededRandom } from "../../engine/random.ts";
import { integerArgument, intrinsicFailure, type IntrinsicImplementation } from "./intrinsic-failure.ts";

const INT_MIN = -(2 ** 31);
const INT_MAX = 2 ** 31 - 1;

/** States.MathAdd(a, b): both rounded to integers (Java Math.round) and within the 32-bit range. */
export const mathAdd: IntrinsicImplementation = (args, call) => {
  const left = int32Argument(args, 0, call);
  const right = int32Argument(args, 1, call);
  return left + right;
};

/** States.MathRandom(start, end[, seed]): an integer in [start, end); the same seed gives the same value. */
export const mathRandom: IntrinsicImplementation = (args, call, scope) => {
  const start = int32Argument(args, 0, call);
  const end = int32Argument(args, 1, call);
  if (end <= start) throw intrinsicFailure(call, `the end (${end}) must be greater than the start (${start})`);
  const random = args.length > 2 ? seededRandom(int32Argument(args, 2, call)) : (scope.random ?? Math.random);
  return start + Math.floor(random() * (end - start));
};

function int32Argument(args: readonly unknown[], index: number, call: Parameters<IntrinsicImplementation>[1]): number {
  const value = integerArgument(args, index, call);
  if (value < INT_MIN || value > INT_MAX) {
    throw intrinsicFailure(call, `argument ${index + 1} (${value}) is outside the integer range ${INT_MIN}..${INT_MAX}`);
  }
  return value;
}
