import { StatesError, isStatesError } from "../errors.ts";
import { HistoryLimitReached } from "./history.ts";

/**
 * A failure whose `Error` or `Cause` may be absent (a Fail state without Error/Cause, an
 * integration that gave none). AWS omits absent fields from ExecutionFailed and the Error Output,
 * which a plain {@link StatesError} (always a string) cannot express.
 */
export class PartialStatesError extends StatesError {
  constructor(
    error: string | undefined,
    cause: string | undefined,
    /** False when the failure has no `Error` at all. */
    readonly hasError: boolean = error !== undefined,
    /** False when the failure has no `Cause` at all. */
    readonly hasCause: boolean = cause !== undefined,
  ) {
    super(error ?? "", cause ?? "");
  }
}

/**
 * A Task's TimeoutSeconds expired: `States.Timeout` with no `Cause` at all (AWS records
 * `{"error":"States.Timeout"}` in TaskTimedOut, LambdaFunctionTimedOut and ExecutionFailed).
 */
export function taskTimeout(): StatesError {
  return new PartialStatesError("States.Timeout", undefined);
}

/**
 * A Task's HeartbeatSeconds expired. AWS reports it as `States.Timeout` with no `Cause` (recorded:
 * test_heartbeat_timeout, test_heartbeat_path_timeout), while Retry and Catch may still name it
 * `States.HeartbeatTimeout` (AWS's error-name table); the class keeps that second name matchable.
 */
export class HeartbeatTimeoutError extends PartialStatesError {
  constructor() {
    super("States.Timeout", undefined);
  }
}

/** The `Error` of a failure, or undefined when it has none. */
export function failureError(e: StatesError): string | undefined {
  return e instanceof PartialStatesError && !e.hasError ? undefined : e.error;
}

/** The `Cause` of a failure, or undefined when it has none. */
export function failureCause(e: StatesError): string | undefined {
  return e instanceof PartialStatesError && !e.hasCause ? undefined : e.cause;
}

/** The Error Output a Catcher receives: `{Error, Cause}` with absent fields left out. */
export function errorOutput(e: StatesError): Record<string, string> {
  const out: Record<string, string> = {};
  const error = failureError(e);
  const cause = failureCause(e);
  if (error !== undefined) out["Error"] = error;
  if (cause !== undefined) out["Cause"] = cause;
  return out;
}

/** Any thrown value as a StatesError; a non-StatesError is a bug in a handler or the runtime. */
export function toStatesError(e: unknown): StatesError {
  if (isStatesError(e)) return e;
  const message = e instanceof Error ? e.message : String(e);
  return new StatesError("States.Runtime", message);
}

/** Error names Retry and Catch never match, even when listed (AWS: not recoverable). */
export const UNRECOVERABLE = new Set(["States.Runtime"]);

/** Errors that AWS reports with the "An error occurred while executing the state" prefix. */
const PREFIXED = new Set(["States.Runtime", "States.QueryEvaluationError"]);

/** Marks errors whose cause already carries the state prefix (nested states must not re-prefix). */
const prefixed = new WeakSet<StatesError>();

/** Adds AWS's `An error occurred while executing the state …` prefix to runtime failures. */
export function withStatePrefix(e: StatesError, stateName: string, enteredEventId: number): StatesError {
  if (!PREFIXED.has(e.error) || prefixed.has(e) || e instanceof HistoryLimitReached) return e;
  const out = new StatesError(
    e.error,
    `An error occurred while executing the state '${stateName}' (entered at the event id #${enteredEventId}). ${e.cause}`,
  );
  prefixed.add(out);
  return out;
}
