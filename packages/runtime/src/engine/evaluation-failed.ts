import type { StatesError } from "../errors.ts";
import { toStatesError, withStatePrefix } from "./failure.ts";
import type { Frame } from "./frame.ts";

/** Failures whose EvaluationFailed event is already in the history. */
const recorded = new WeakSet<object>();

/**
 * AWS writes an `EvaluationFailed` event {error, cause, location, state} when a JSONata
 * evaluation fails, before the state's failure events. `original` is the error as raised (it may
 * carry the field `location`), `err` the prefixed one.
 */
export function noteEvaluationFailed(original: unknown, err: StatesError, frame: Frame): void {
  if (err.error !== "States.QueryEvaluationError" || recorded.has(original as object) || recorded.has(err)) return;
  recorded.add(err);
  if (typeof original === "object" && original !== null) recorded.add(original);
  const details: Record<string, unknown> = { error: err.error, cause: err.cause, state: frame.stateName };
  const location = (original as { location?: unknown } | null)?.location;
  if (typeof location === "string") details["location"] = location;
  frame.lastEventId = frame.exec.history.add("EvaluationFailed", frame.lastEventId, undefined, undefined, details);
}

/** Runs an evaluation and records EvaluationFailed right where it fails (before e.g. MapStateFailed). */
export function recordEvaluationFailure<T>(evaluate: () => T | Promise<T>, frame: Frame): T | Promise<T> {
  const onError = (e: unknown): never => {
    const err = withStatePrefix(toStatesError(e), frame.stateName, frame.enteredEventId);
    noteEvaluationFailed(e, err, frame);
    throw err;
  };
  let out: T | Promise<T>;
  try {
    out = evaluate();
  } catch (e) {
    return onError(e);
  }
  return out instanceof Promise ? out.then(undefined, onError) : out;
}
