import { StatesError } from "../errors.ts";
import type { EvaluationScope } from "./scope.ts";

/** A scope for tests: a context object and a fixed set of variables. */
export function testScope(context: unknown = {}, variables: Record<string, unknown> = {}): EvaluationScope {
  return { context, variables: { read: (name) => (Object.hasOwn(variables, name) ? variables[name] : undefined) } };
}

/** Runs `fn` and returns the StatesError it throws; fails the test if it throws nothing or anything else. */
export function statesErrorOf(fn: () => unknown): StatesError {
  try {
    fn();
  } catch (error) {
    if (error instanceof StatesError) return error;
    throw error;
  }
  throw new Error("expected a StatesError");
}
