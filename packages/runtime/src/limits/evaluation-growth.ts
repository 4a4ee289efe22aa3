// Bounds on what one evaluation may build. A string or array whose size the input controls
// ($pad('x', $states.input.n), a recursive $append) must fail the execution, never allocate
// gigabytes: V8 aborts the whole process (every other execution with it) when the heap runs out.

/**
 * Longest string an evaluation may build: far beyond any 256 KiB payload, far below what
 * endangers the process (V8 strings stop near 2^29 characters, the heap long before).
 */
export const MAX_EVALUATED_STRING_LENGTH = 10_000_000;

/** Longest array an evaluation may build: JSONata's own bound on `[a..b]` (D2014) and `$range`. */
export const MAX_EVALUATED_ARRAY_LENGTH = 10_000_000;

/**
 * An error shaped like JSONata's uncoded ones (`{message}`): AWS reports those as
 * `States.QueryEvaluationError` with `…threw an error during evaluation: <message>`.
 */
export interface EvaluationLimitError {
  readonly message: string;
}

/** The error for a result of `what` that would be `size` long, over `limit`. */
export function growthLimitError(what: string, size: number, limit: number, unit: string): EvaluationLimitError {
  return { message: `${what} would be ${size} ${unit} long, more than the ${limit} an expression may build` };
}

/** Throws when `length` (of a string about to be built by `what`) is over the bound. */
export function checkStringLength(what: string, length: number): void {
  if (length > MAX_EVALUATED_STRING_LENGTH) throw growthLimitError(what, length, MAX_EVALUATED_STRING_LENGTH, "characters");
}

/** Throws when `length` (of an array about to be built by `what`) is over the bound. */
export function checkArrayLength(what: string, length: number): void {
  if (length > MAX_EVALUATED_ARRAY_LENGTH) throw growthLimitError(what, length, MAX_EVALUATED_ARRAY_LENGTH, "items");
}

/**
 * Checks a value an evaluation step just produced. Strings built by concatenation are ropes in V8
 * (cheap until flattened), and an array over the bound was built by one step at most twice the
 * bound: catching either here, before the next step grows it again, keeps memory bounded.
 */
export function checkEvaluatedValue(value: unknown): void {
  if (typeof value === "string") {
    if (value.length > MAX_EVALUATED_STRING_LENGTH) throw growthLimitError("A string", value.length, MAX_EVALUATED_STRING_LENGTH, "characters");
  } else if (Array.isArray(value) && value.length > MAX_EVALUATED_ARRAY_LENGTH) {
    throw growthLimitError("An array", value.length, MAX_EVALUATED_ARRAY_LENGTH, "items");
  }
}
