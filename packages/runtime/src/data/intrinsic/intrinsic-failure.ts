import { StatesError } from "../../errors.ts";
import { isJsonObject } from "../json-values.ts";

import type { EvaluationScope } from "../scope.ts";

/** What an intrinsic function implementation knows about its call site (built once per call site). */
export interface IntrinsicCallContext {
  /** The function's full name, for error causes. */
  readonly name: string;
}

/**
 * A scope that may also carry the random source for States.MathRandom (so executions can be
 * replayed with a fixed seed); without one, Math.random is used.
 */
export interface IntrinsicScope extends EvaluationScope {
  readonly random?: () => number;
}

/** An intrinsic function: evaluated arguments in, JSON value out. */
export type IntrinsicImplementation = (args: readonly unknown[], call: IntrinsicCallContext, scope: IntrinsicScope) => unknown;

/** The error every intrinsic function raises when its arguments are unusable. */
export function intrinsicFailure(call: IntrinsicCallContext, problem: string): StatesError {
  return new StatesError("States.IntrinsicFailure", `Invalid arguments in the intrinsic function call ${call.name}: ${problem}`);
}

/** Describe a JSON value's type for error causes. */
export function jsonTypeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (isJsonObject(value)) return "object";
  return typeof value;
}

/** The argument at `index`, required to be an array. */
export function arrayArgument(args: readonly unknown[], index: number, call: IntrinsicCallContext): readonly unknown[] {
  const value = args[index];
  if (!Array.isArray(value)) throw intrinsicFailure(call, `argument ${index + 1} must be an array but was ${jsonTypeName(value)}`);
  return value;
}

/** The argument at `index`, required to be a string. */
export function stringArgument(args: readonly unknown[], index: number, call: IntrinsicCallContext): string {
  const value = args[index];
  if (typeof value !== "string") throw intrinsicFailure(call, `argument ${index + 1} must be a string but was ${jsonTypeName(value)}`);
  return value;
}

/** The argument at `index`, required to be a JSON object. */
export function objectArgument(args: readonly unknown[], index: number, call: IntrinsicCallContext): Record<string, unknown> {
  const value = args[index];
  if (!isJsonObject(value)) throw intrinsicFailure(call, `argument ${index + 1} must be a JSON object but was ${jsonTypeName(value)}`);
  return value;
}

/**
 * The argument at `index` as an integer. AWS rounds non-integers the way Java's Math.round does
 * (half up towards +∞: 1.5 → 2, -1.5 → -1, -0.5 → 0), as the recorded MathAdd cases show.
 */
export function integerArgument(args: readonly unknown[], index: number, call: IntrinsicCallContext): number {
  const value = args[index];
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw intrinsicFailure(call, `argument ${index + 1} must be a number but was ${jsonTypeName(value)}`);
  }
  return javaRound(value);
}

/** Java's Math.round: floor(x + 0.5), without JavaScript's negative zero. */
export function javaRound(value: number): number {
  return Math.floor(value + 0.5) + 0;
}
