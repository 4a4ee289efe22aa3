/**
 * An error as Step Functions names it: `error` is the name matched by Retry/Catch `ErrorEquals`
 * (`States.Runtime`, `States.TaskFailed`, a Lambda's `errorType`, …) and `cause` the text AWS puts
 * in the `Cause` field. Every failure inside the runtime is raised as one of these so that the
 * interpreter can route it through Retry/Catch exactly like AWS does.
 */
export class StatesError extends Error {
  override readonly name = "StatesError";

  constructor(
    /** The error name, e.g. `States.IntrinsicFailure`. */
    readonly error: string,
    /** The cause text exactly as AWS words it (may be empty); it replaces `Error.cause`. */
    override readonly cause: string = "",
  ) {
    super(cause === "" ? error : `${error}: ${cause}`);
  }
}

/** True for a {@link StatesError}, including ones raised by another copy of this module. */
export function isStatesError(value: unknown): value is StatesError {
  return value instanceof StatesError || (value instanceof Error && value.name === "StatesError" && "error" in value);
}
