/** Where and why a grammar (JSONPath, intrinsic function) rejected a text. */
export interface GrammarError {
  /** What is wrong, in words a person can act on. */
  readonly message: string;
  /** Zero-based character offset into the parsed text where the problem starts. */
  readonly offset: number;
}

/** The outcome of parsing: the value, or the first error found. */
export type GrammarResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: GrammarError };

/** Wrap a successfully parsed value. */
export function grammarOk<T>(value: T): GrammarResult<T> {
  return { ok: true, value };
}

/** Wrap a grammar error. */
export function grammarFail<T>(message: string, offset: number): GrammarResult<T> {
  return { ok: false, error: { message, offset } };
}

/**
 * Thrown inside recursive-descent parsers and caught at their public boundary, so that deep
 * recursion does not have to thread results through every level.
 */
export class GrammarFailure extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}
