import type { EvaluationScope } from "./scope.ts";

/** What a definite path yields when it selects nothing (JSON has no `undefined`). */
export const NOT_FOUND: unique symbol = Symbol("NOT_FOUND");

/** The type of {@link NOT_FOUND}. */
export type NotFound = typeof NOT_FOUND;

/** A JSONPath compiled once and evaluated many times. */
export interface CompiledPath {
  /** The path as written in the definition. */
  readonly text: string;
  /** True when the path selects at most one node; an indefinite path always yields an array. */
  readonly definite: boolean;
  /** The selected value, {@link NOT_FOUND} (definite paths only), or the array of matches. */
  evaluate(input: unknown, scope: EvaluationScope): unknown;
}

/** One step of a reference path: an object key or an array index. */
export type ReferenceStep = string | number;

/** A reference path (member and index steps only), which can also be written to (ResultPath). */
export interface CompiledReferencePath extends CompiledPath {
  /** Where the path starts: the input, the context object or a variable. */
  readonly root: "input" | "context" | "variable";
  readonly steps: readonly ReferenceStep[];
}
