import type { TaskHandler } from "../tasks/types.ts";

/**
 * What the bound function or service returns; it goes through the same path as a real handler's
 * result (a Lambda mocked behind `lambda:invoke` gets the `{ StatusCode, Payload, … }` wrapper).
 */
export interface MockResult {
  readonly result: unknown;
}

/** The Task's result verbatim, with no Lambda wrapper added (what Step Functions Local's `Return` means). */
export interface MockTaskResult {
  readonly taskResult: unknown;
}

/** The task fails with this Error and Cause (no Cause: the Error Output has none), as TestState's `errorOutput`. */
export interface MockError {
  readonly error: string;
  readonly cause?: string;
}

/** One invocation's outcome: a result, a verbatim task result, an error, or a handler to run. */
export type MockResponse = MockResult | MockTaskResult | MockError | TaskHandler;

/**
 * A mock for a state or resource: one response answers every invocation; a list answers
 * invocation 0, 1, 2, … in turn (retries included) and fails the execution when it runs out.
 */
export type Mock = MockResponse | readonly MockResponse[];

/** Mocks keyed by Task state name, and by resource (Resource ARN, Lambda function name or ARN). */
export interface MockSet {
  /** By Task state name (takes precedence over `resources`). @default {} */
  readonly states?: Readonly<Record<string, Mock>>;
  /** By Task `Resource`, or by Lambda function name/ARN (bare-ARN resources and `lambda:invoke`'s `FunctionName`). @default {} */
  readonly resources?: Readonly<Record<string, Mock>>;
}
