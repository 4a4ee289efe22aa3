import type { Clock } from "../engine/clock.ts";
import type { AbortSignalLike } from "../abort-signal.ts";

/** The error payload format of the Lambda runtime a function is written for (it becomes the Cause). */
export type LambdaErrorFormat = "nodejs" | "python";

/** What a task handler is told besides its input. */
export interface TaskCallContext {
  /** Name of the Task state invoking the handler. */
  readonly stateName: string;
  /** The state's `Resource`. */
  readonly resource: string;
  /** Aborted when the execution stops (abort, timeout, failure); one signal per execution. */
  readonly signal: AbortSignalLike;
  /**
   * Aborted when this attempt ends without its own result: its TimeoutSeconds or
   * HeartbeatSeconds expired, a sibling branch failed (TaskStateAborted), or the execution
   * stopped. Callback registries expire the attempt's token on it (late answers: TaskTimedOut).
   * Optional for contexts built by wrappers: read it as `ctx.attemptSignal ?? ctx.signal`.
   */
  readonly attemptSignal?: AbortSignalLike;
  /** For `.waitForTaskToken` resources: the token (`$$.Task.Token`); the handler's result is the callback's output. */
  readonly taskToken: string | undefined;
  /**
   * Resets the HeartbeatSeconds clock (SendTaskHeartbeat); a no-op when the state sets none.
   * Optional so that contexts built by wrappers (mocks) stay valid: call it as `ctx.heartbeat?.()`.
   */
  heartbeat?(): void;
  /** The execution's clock (virtual by default): what "now" is for the task. */
  readonly clock?: Clock;
  /**
   * Records `TaskSubmitted` (the service accepted the request: a callback task's send, a `.sync`
   * task's StartExecution response) between TaskStarted and the task's outcome.
   */
  submitted?(output: unknown): void;
  /**
   * Says the task now waits for something outside the engine (a callback answer, a child
   * execution): virtual time may move meanwhile, so sibling Waits and the execution timeout run.
   */
  awaitingExternal?(): void;
  /** Activities: a worker took the task (`ActivityStarted`); TimeoutSeconds counts from here. */
  started?(workerName?: string): void;
}

/** A local stand-in for a Lambda function or any other Task resource. */
export type TaskHandler = (input: unknown, context: TaskCallContext) => unknown;

/** Where a Task resource goes: `Lambda*` history events and error format, or `Task*` ones. */
export interface ResolvedTask {
  /**
   * `lambda-function` for a bare Lambda ARN; `service` for `arn:aws:states:::…` integrations;
   * `activity` for an activity ARN (`Activity*` history events).
   */
  readonly kind: "lambda-function" | "service" | "activity";
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
