import type { TaskHandler } from "../tasks/types.ts";
import { deepFreeze } from "../tasks/freeze.ts";
import type { Mock, MockResponse } from "./types.ts";

/** One invocation's outcome, checked and copied once. */
export type Outcome =
  /** Runs through the built-in binding, exactly as a bound handler would. */
  | { readonly kind: "run"; readonly handler: TaskHandler }
  /** Becomes the Task's result as is. */
  | { readonly kind: "verbatim"; readonly value: unknown }
  | { readonly kind: "fail"; readonly error: string; readonly cause: string | undefined };

/** What a mock answers per 0-based invocation number. */
export interface MockPlan {
  /** How errors name this mock, e.g. `the mock of state 'Charge'`. */
  readonly label: string;
  /** The outcome of invocation `n`, or undefined when the mock defines none. */
  at(n: number): Outcome | undefined;
  /** Which invocations are defined, for error messages (e.g. `0, 1-2, 3`). */
  readonly defined: string;
}

/** Thrown for a mock that is not one of the accepted shapes. */
export class InvalidMockError extends TypeError {
  override readonly name = "InvalidMockError";
}

/** Checks a user-written mock and turns it into a plan. */
export function planOf(mock: Mock, label: string): MockPlan {
  if (Array.isArray(mock)) {
    const list = mock as readonly MockResponse[];
    if (list.length === 0) {
      throw new InvalidMockError(`${label} is an empty list: give at least one response (a list answers invocation 0, 1, … in turn).`);
    }
    const outcomes = list.map((r, i) => outcomeOf(r, `${label}, response ${i}`));
    const defined = outcomes.length === 1 ? "0" : `0-${outcomes.length - 1}`;
    return { label, at: (n) => outcomes[n], defined };
  }
  const only = outcomeOf(mock as MockResponse, label);
  return { label, at: () => only, defined: "every invocation" };
}

/** Checks one response (a function, `{ result }`, `{ taskResult }` or `{ error, cause? }`). */
export function outcomeOf(response: MockResponse, label: string): Outcome {
  if (typeof response === "function") return { kind: "run", handler: response };
  if (response === null || typeof response !== "object" || Array.isArray(response)) {
    throw new InvalidMockError(`${label}: expected ${SHAPES}, got ${describe(response)}.`);
  }
  const keys = Object.keys(response);
  const known = keys.filter((k) => k === "result" || k === "taskResult" || k === "error");
  if (known.length !== 1) {
    throw new InvalidMockError(
      `${label}: expected exactly one of 'result', 'taskResult' or 'error', got ${keys.length === 0 ? "an empty object" : `keys ${keys.map((k) => `'${k}'`).join(", ")}`} (${SHAPES}).`,
    );
  }
  const extra = keys.filter((k) => k !== known[0] && !(known[0] === "error" && k === "cause"));
  if (extra.length > 0) {
    throw new InvalidMockError(`${label}: unexpected ${extra.map((k) => `'${k}'`).join(", ")} next to '${known[0]}' (${SHAPES}).`);
  }
  const r = response as unknown as Record<string, unknown>;
  if (known[0] === "error") {
    const error = r["error"];
    const cause = r["cause"];
    if (typeof error !== "string" || error === "") {
      throw new InvalidMockError(`${label}: 'error' must be a non-empty string (the Error name Retry and Catch match), got ${describe(error)}.`);
    }
    if (cause !== undefined && typeof cause !== "string") {
      throw new InvalidMockError(`${label}: 'cause' must be a string (use JSON.stringify for structured causes), got ${describe(cause)}.`);
    }
    return { kind: "fail", error, cause };
  }
  const value = jsonCopy(known[0] === "result" ? r["result"] : r["taskResult"], label);
  if (known[0] === "result") return { kind: "run", handler: () => value };
  return { kind: "verbatim", value };
}

const SHAPES = "{ result }, { taskResult }, { error, cause? } or a handler function";

/** A frozen JSON copy: the caller's object stays theirs, and no state can change the mock. */
function jsonCopy(value: unknown, label: string): unknown {
  if (value === undefined) return null;
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch (e) {
    throw new InvalidMockError(`${label}: the value is not JSON data (${e instanceof Error ? e.message : String(e)}).`);
  }
  if (text === undefined) throw new InvalidMockError(`${label}: the value is not JSON data (got ${describe(value)}).`);
  return deepFreeze(JSON.parse(text) as unknown);
}

/** A short description of a bad value for messages. */
export function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  if (typeof value === "string") return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return `${typeof value} ${String(value)}`;
}
