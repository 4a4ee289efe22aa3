// What a matcher works with, whichever test runner registers it (vitest or jest).

/**
 * What a matcher uses of its `this`: the part of vitest's MatcherState and jest's MatcherContext
 * that both provide (declared here so neither test runner is needed to type the matchers).
 */
export interface MatcherState {
  equals(a: unknown, b: unknown, customTesters?: readonly unknown[]): boolean;
  readonly utils: {
    printExpected(value: unknown): string;
    printReceived(value: unknown): string;
    diff(a: unknown, b: unknown): string | null | undefined;
    readonly iterableEquality: unknown;
    readonly subsetEquality: unknown;
  };
}

/** A matcher's verdict (what vitest's and jest's `expect.extend` take back). */
export interface MatchResult {
  readonly pass: boolean;
  readonly message: () => string;
  readonly actual?: unknown;
  readonly expected?: unknown;
}
