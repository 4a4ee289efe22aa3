/** The error payload format of the Lambda runtime a function is written for (it becomes the Cause). */
export type LambdaErrorFormat = "nodejs" | "python";

/** What a task handler is told besides its input. */
export interface TaskCallContext {
  /** Name of the Task state invoking the handler. */
  readonly stateName: string;
  /** The state's `Resource`. */
  readonly resource: string;
  /** Aborted when the execution stops (abort, timeout, a failed sibling branch). */
  readonly signal: AbortSignal;
  /** For `.waitForTaskToken` resources: the token (`$$.Task.Token`); the handler's result is the callback's output. */
  readonly taskToken: string | undefined;
  /**
   * Resets the HeartbeatSeconds clock (SendTaskHeartbeat); a no-op when the state sets none.
   * Optional so that contexts built by wrappers (mocks) stay valid: call it as `ctx.heartbeat?.()`.
   */
  heartbeat?(): void;
}

/** A local stand-in for a Lambda function or any other Task resource. */
export type TaskHandler = (input: unknown, context: TaskCallContext) => unknown;

/** Where a Task resource goes: `Lambda*` history events and error format, or `Task*` ones. */
export interface ResolvedTask {
  /** `lambda-function` for a bare Lambda ARN; `service` for `arn:aws:states:::…` integrations. */
  readonly kind: "lambda-function" | "service";
  /** For service integrations: the service (`lambda`) and action (`invoke`) named in history. */
  readonly resourceType: string;
  readonly resourceAction: string;
  /** `{resourceType, resource}` as Task* history events show them (built once). */
  readonly eventDetails: Readonly<Record<string, string>>;
  /**
   * Runs the task on its effective input: its raw result (or a promise of it); a failure is a
   * StatesError, thrown or rejected.
   */
  invoke(input: unknown, context: TaskCallContext): unknown;
}

/** Binds a Task `Resource` to something that runs it; the seam a fuller task story plugs into. */
export type TaskResolver = (resource: string, stateName: string) => ResolvedTask;
