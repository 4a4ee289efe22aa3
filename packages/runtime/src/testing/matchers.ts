// `import "@stepcraft/runtime/vitest"` registers these matchers with vitest's expect and types them.
import { expect } from "vitest";
import type { MatcherState } from "vitest";
import type { HistoryEvent } from "../engine/history.ts";
import { formatTrace } from "./format-trace.ts";
import { readHistory } from "./read-history.ts";
// Workflow coverage: records only when a WorkflowCoverageReporter runs (see coverage-vitest.ts).
import "./coverage-vitest.ts";
import type { ExecutionReading, StateVisit } from "./read-history.ts";

/** What the matchers accept: a test result, an Execution, or a history. */
export type ExecutionLike = { readonly history: readonly HistoryEvent[] } | readonly HistoryEvent[];

/** The matchers, typed for `expect(run)`. */
export interface StepcraftMatchers<R = unknown> {
  /** The execution SUCCEEDED. */
  toHaveSucceeded(): R;
  /** The execution FAILED (or TIMED_OUT) with this error, and this cause when given (a string, RegExp or asymmetric matcher). */
  toHaveFailedWith(error: string, cause?: string | RegExp | unknown): R;
  /** The state was entered at least once (inside Map iterations and Parallel branches too). */
  toHaveVisited(state: string): R;
  /** These states were entered in this order (others may come between them). */
  toHaveVisitedInOrder(states: readonly string[]): R;
  /** The state's latest visit output equals `expected` (deep equality, asymmetric matchers allowed). */
  toHaveStateOutput(state: string, expected: unknown): R;
  /** The state's latest visit output matches `expected` like toMatchObject (a subset). */
  toHaveStateOutputMatching(state: string, expected: unknown): R;
}

declare module "vitest" {
  // The type parameter must repeat vitest's own declaration (`T = any`) for the interfaces to merge.
  interface Matchers<T = any> extends StepcraftMatchers<T> {}
}

/** A matcher's verdict (vitest's MatchResult, which it does not export). */
interface MatchResult {
  readonly pass: boolean;
  readonly message: () => string;
  readonly actual?: unknown;
  readonly expected?: unknown;
}

/** Reads what a matcher was given, or says what it expected instead. */
function readingOf(received: unknown): ExecutionReading {
  if (Array.isArray(received)) return readHistory(received as HistoryEvent[]);
  if (received !== null && typeof received === "object" && Array.isArray((received as { history?: unknown }).history)) {
    return readHistory((received as { history: HistoryEvent[] }).history);
  }
  throw new TypeError(
    `stepcraft matchers take a testExecution() result, an Execution or its history; got ${received === null ? "null" : typeof received}. ` +
      "Did you forget to await testExecution(…)?",
  );
}

function traceOf(reading: ExecutionReading, received: unknown): string {
  return `${unboundNote(received)}\n\nTrace:\n${formatTrace(reading)}`;
}

/** A test result's invocations that nothing was bound to: often why a run took the wrong path. */
function unboundNote(received: unknown): string {
  const unbound = (received as { unbound?: unknown } | null)?.unbound;
  if (!Array.isArray(unbound) || unbound.length === 0) return "";
  const list = (unbound as { state: string; resource: string; error: string }[]).map((u) => `'${u.state}' (${u.resource}: ${u.error})`);
  return `\n\nNothing was bound or mocked for: ${list.join(", ")}. Mock them (mocks: { '<state>': { result: … } }) or bind them (tasks: { … }).`;
}

function outcomeOf(reading: ExecutionReading): string {
  if (reading.status === "SUCCEEDED" || reading.status === "RUNNING") return reading.status;
  const failure = [reading.error, reading.cause].filter((s) => s !== undefined).join(": ");
  return `${reading.status}${failure === "" ? "" : ` with ${failure}`}`;
}

function visitsInOrder(reading: ExecutionReading): StateVisit[] {
  return [...reading.allVisits].sort((a, b) => a.eventId - b.eventId);
}

function latestVisit(reading: ExecutionReading, state: string): StateVisit | undefined {
  const visits = reading.allVisits.filter((v) => v.name === state);
  return visits[visits.length - 1];
}

function causeMatches(state: MatcherState, cause: string | undefined, expected: unknown): boolean {
  if (expected instanceof RegExp) return cause !== undefined && expected.test(cause);
  return state.equals(cause, expected);
}

function stateOutput(state: MatcherState, received: unknown, name: string, expected: unknown, subset: boolean): MatchResult {
  const reading = readingOf(received);
  const visit = latestVisit(reading, name);
  const { printExpected, printReceived } = state.utils;
  const how = subset ? "match" : "equal";
  if (visit === undefined) {
    return {
      pass: false,
      message: () => `expected state '${name}' to have an output that would ${how} ${printExpected(expected)}, but it was never entered${traceOf(reading, received)}`,
    };
  }
  const pass = visit.exitedAt !== undefined && (subset ? state.equals(visit.output, expected, [state.utils.iterableEquality, state.utils.subsetEquality]) : state.equals(visit.output, expected, [state.utils.iterableEquality]));
  const got = visit.exitedAt === undefined ? `no output (it ${visit.status === "running" ? "is still running" : `${visit.status}${visit.error === undefined ? "" : ` with ${visit.error}`}`})` : printReceived(visit.output);
  return {
    pass,
    message: () =>
      pass
        ? `expected state '${name}' output not to ${how} ${printExpected(expected)}${traceOf(reading, received)}`
        : `expected state '${name}' output to ${how} ${printExpected(expected)}\nreceived ${got}${visit.exitedAt === undefined ? "" : `\n\n${state.utils.diff(expected, visit.output) ?? ""}`}${traceOf(reading, received)}`,
    actual: visit.output,
    expected,
  };
}

/** The matcher implementations (registered on import; exported for `expect.extend` by hand). */
export const stepcraftMatchers = {
  toHaveSucceeded(this: MatcherState, received: unknown): MatchResult {
    const reading = readingOf(received);
    const pass = reading.status === "SUCCEEDED";
    return {
      pass,
      message: () => (pass ? "expected the execution not to succeed, but it SUCCEEDED" : `expected the execution to succeed, but it ${outcomeOf(reading)}`) + traceOf(reading, received),
    };
  },

  toHaveFailedWith(this: MatcherState, received: unknown, error: string, ...rest: unknown[]): MatchResult {
    const reading = readingOf(received);
    const checkCause = rest.length > 0;
    const failed = reading.status === "FAILED" || reading.status === "TIMED_OUT";
    const pass = failed && reading.error === error && (!checkCause || causeMatches(this, reading.cause, rest[0]));
    const wanted = `${error}${checkCause ? ` and cause ${this.utils.printExpected(rest[0])}` : ""}`;
    return {
      pass,
      message: () => (pass ? `expected the execution not to fail with ${wanted}` : `expected the execution to fail with ${wanted}, but it ${outcomeOf(reading)}`) + traceOf(reading, received),
    };
  },

  toHaveVisited(this: MatcherState, received: unknown, state: string): MatchResult {
    const reading = readingOf(received);
    const count = reading.allVisits.filter((v) => v.name === state).length;
    const visited = [...new Set(visitsInOrder(reading).map((v) => v.name))];
    return {
      pass: count > 0,
      message: () =>
        (count > 0
          ? `expected state '${state}' not to be visited, but it was entered ${count === 1 ? "once" : `${count} times`}`
          : `expected state '${state}' to be visited; visited: ${visited.length === 0 ? "none" : visited.join(", ")}`) + traceOf(reading, received),
    };
  },

  toHaveVisitedInOrder(this: MatcherState, received: unknown, states: readonly string[]): MatchResult {
    if (!Array.isArray(states) || states.some((s) => typeof s !== "string")) {
      throw new TypeError("toHaveVisitedInOrder takes an array of state names, e.g. ['Validate', 'Charge']");
    }
    const reading = readingOf(received);
    const order = visitsInOrder(reading).map((v) => v.name);
    let next = 0;
    for (const name of order) if (next < states.length && name === states[next]) next++;
    const pass = next === states.length;
    return {
      pass,
      message: () =>
        (pass
          ? `expected states not to be visited in the order ${states.join(" → ")}`
          : `expected states to be visited in the order ${states.join(" → ")}, but ${states[next] === undefined ? "" : `'${states[next]}' was not entered after ${next === 0 ? "the start" : `'${states[next - 1]}'`}`}\nvisited: ${order.join(" → ")}`) +
        traceOf(reading, received),
    };
  },

  toHaveStateOutput(this: MatcherState, received: unknown, state: string, expected: unknown): MatchResult {
    return stateOutput(this, received, state, expected, false);
  },

  toHaveStateOutputMatching(this: MatcherState, received: unknown, state: string, expected: unknown): MatchResult {
    return stateOutput(this, received, state, expected, true);
  },
};

expect.extend(stepcraftMatchers);
