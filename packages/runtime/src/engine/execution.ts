import { randomUUID } from "node:crypto";
import { StatesError } from "../errors.ts";
import type { TaskResolver, LambdaErrorFormat } from "../tasks/types.ts";
import { jsonByteSize } from "../tasks/payload-size.ts";
import { checkPayloadSize, copyJsonData } from "./json-copy.ts";
import type { Clock, Timer } from "./clock.ts";
import { RealClock, VirtualClock } from "./clock.ts";
import { failureCause, failureError, toStatesError } from "./failure.ts";
import { VariableScope } from "../variables/index.ts";
import { Frame } from "./frame.ts";
import { HistoryRecorder } from "./history.ts";
import type { HistoryEvent, HistorySizeHint } from "./history.ts";
import type { RandomSource } from "./random.ts";
import { runBlock } from "./run-block.ts";
import { formatContextTimestamp } from "./timestamps.ts";
import type { CompiledBlock, ExecutionRuntime, HaltFlag, TimerRegistry } from "./types.ts";
import type { CallbackRegistry } from "../integrations/callback-registry.ts";

/** How an execution ended (RUNNING until it has). */
export type ExecutionStatus = "RUNNING" | "SUCCEEDED" | "FAILED" | "TIMED_OUT" | "ABORTED";

/** What an execution produced, as DescribeExecution reports it. */
export interface ExecutionResult {
  readonly status: Exclude<ExecutionStatus, "RUNNING">;
  /** The output (SUCCEEDED only). */
  readonly output?: unknown;
  /** The error name (FAILED, TIMED_OUT, ABORTED), when there is one. */
  readonly error?: string;
  readonly cause?: string;
}

/** Everything an execution needs that does not change between executions of a machine. */
export interface ExecutionSetup {
  readonly block: CompiledBlock;
  readonly stateMachineArn: string;
  readonly stateMachineName: string;
  readonly roleArn: string;
  /** `$$.StateMachine`, shared by every execution of the machine. */
  readonly contextStateMachine: Readonly<Record<string, unknown>>;
  readonly region: string;
  readonly accountId: string;
  readonly timeoutSeconds: number | undefined;
  /** An Express machine: `express:` execution ARNs and no `$$.Execution.RedriveCount`. */
  readonly express: boolean;
  readonly tasks: TaskResolver;
  readonly lambdaErrorFormat: LambdaErrorFormat;
  readonly random: RandomSource;
  readonly history: boolean;
  readonly maxHistoryEvents: number;
  readonly maxPayloadBytes: number;
  readonly time: "virtual" | "real";
  /** Where this machine's task tokens wait for their answers. */
  readonly callbacks: CallbackRegistry;
  /** Events the machine's last finished execution recorded (see HistorySizeHint). */
  readonly historySize?: HistorySizeHint;
}

/** Per-execution choices. */
export interface StartOptions {
  /** Execution name (default: a random UUID). */
  readonly name?: string;
  /** Execution ARN (default: derived from the machine ARN and the name). */
  readonly executionArn?: string;
  /** When the execution starts (default: now); virtual time starts here. */
  readonly startTime?: Date;
  /** A clock to use instead of a fresh virtual or real one (e.g. shared between executions). */
  readonly clock?: Clock;
}

/** A running (or finished) execution. */
export class Execution {
  /** Execution name (`$$.Execution.Name`; default a random UUID, made when first read). */
  get name(): string {
    return (this.ownName ??= randomUUID());
  }

  /**
   * Execution ARN (`$$.Execution.Id`; default derived from the machine and the name, when first
   * read). An Express execution's ARN is `…:express:<machine>:<name>:<uuid>`, as AWS gives it
   * (recorded: test_express_sync).
   */
  get executionArn(): string {
    const { region, accountId, stateMachineName } = this.setup;
    return (this.ownArn ??= this.setup.express
      ? `arn:aws:states:${region}:${accountId}:express:${stateMachineName}:${this.name}:${randomUUID()}`
      : `arn:aws:states:${region}:${accountId}:execution:${stateMachineName}:${this.name}`);
  }

  // Most executions never read their name or ARN (nor `$$.Execution`): a random UUID (and the
  // ARN text) per execution was a measurable part of a short execution's cost, so both are made
  // on first read. Once read they never change.
  private ownName: string | undefined;
  private ownArn: string | undefined;
  private readonly setup: ExecutionSetup;
  /** Settles when the execution ends; never rejects. */
  readonly result: Promise<ExecutionResult>;
  private status: ExecutionStatus = "RUNNING";
  private readonly recorder: HistoryRecorder;
  private readonly runtime: RuntimeState;

  private resolveResult!: (r: ExecutionResult) => void;
  private timeoutTimer: Timer | undefined;
  private readonly maxPayloadBytes: number;
  private finalHistory: HistoryEvent[] | undefined;
  private readonly startMs: number;
  private readonly callbacks: CallbackRegistry;

  constructor(setup: ExecutionSetup, input: unknown, options: StartOptions = {}) {
    this.callbacks = setup.callbacks;
    this.result = new Promise((resolve) => (this.resolveResult = resolve));
    this.setup = setup;
    this.ownName = options.name;
    this.ownArn = options.executionArn;
    const clock = options.clock ?? (setup.time === "real" ? new RealClock() : new VirtualClock(options.startTime?.getTime()));
    const startMs = options.clock === undefined && options.startTime !== undefined ? options.startTime.getTime() : clock.now();
    this.startMs = startMs;
    this.recorder = new HistoryRecorder(() => clock.now(), setup.history, setup.maxHistoryEvents, setup.historySize);
    const ownInput = toJsonData(input === undefined ? {} : input, setup.maxPayloadBytes);
    this.runtime = new RuntimeState(this, setup, clock, this.recorder, ownInput, startMs);
    this.maxPayloadBytes = setup.maxPayloadBytes;
    this.run(setup, ownInput);
  }

  /** The events so far, shaped like GetExecutionHistory (empty when history is off). */
  get history(): HistoryEvent[] {
    if (this.finalHistory !== undefined) return this.finalHistory;
    const events = this.recorder.materialize();
    // A finished execution's history no longer changes: build it once.
    if (this.status !== "RUNNING") this.finalHistory = events;
    return events;
  }

  /** RUNNING until the execution ends. */
  get currentStatus(): ExecutionStatus {
    return this.status;
  }

  /**
   * SendTaskSuccess: the task waiting with `token` (`$$.Task.Token`) succeeds with `output`.
   * Throws TaskCallbackError (TaskTimedOut for a task that ended, TaskDoesNotExist, InvalidToken,
   * InvalidOutput) as AWS would. Tokens are the machine's: any of its executions' can be answered.
   */
  sendTaskSuccess(token: string, output: unknown): void {
    this.callbacks.sendTaskSuccess(token, output);
  }

  /** SendTaskFailure: the waiting task fails with `error` and `cause` (either may be left out). */
  sendTaskFailure(token: string, error?: string, cause?: string): void {
    this.callbacks.sendTaskFailure(token, error, cause);
  }

  /** SendTaskHeartbeat: resets the waiting task's HeartbeatSeconds. */
  sendTaskHeartbeat(token: string): void {
    this.callbacks.sendTaskHeartbeat(token);
  }

  /** Stops the execution (status ABORTED), like StopExecution. */
  abort(error?: string, cause?: string): void {
    if (this.status !== "RUNNING") return;
    const details: Record<string, unknown> = {};
    if (error !== undefined) details["error"] = error;
    if (cause !== undefined) details["cause"] = cause;
    this.end({ status: "ABORTED", ...(error === undefined ? {} : { error }), ...(cause === undefined ? {} : { cause }) }, "ExecutionAborted", details);
  }

  private run(setup: ExecutionSetup, input: unknown): void {
    try {
      this.recorder.add("ExecutionStarted", 0, undefined, input, { roleArn: setup.roleArn });
    } catch (e) {
      this.fail(e);
      return;
    }
    // AWS gives the first state's event previousEventId 0, not the ExecutionStarted id (observed).
    const frame = new Frame(this.runtime, 0, this.runtime.halt, () => VariableScope.root());
    let out: unknown;
    try {
      out = runBlock(setup.block, input, frame);
    } catch (e) {
      this.fail(e);
      return;
    }
    if (out instanceof Promise) {
      // Only an execution that goes asynchronous can run out of time (virtual time does not move
      // synchronously), so only such an execution pays for a timeout timer.
      if (setup.timeoutSeconds !== undefined) this.armTimeout(setup.timeoutSeconds * 1000 - (this.runtime.clock.now() - this.startMs));
      out.then(
        (v: unknown) => this.succeed(v, frame),
        (e: unknown) => this.fail(e),
      );
    } else {
      this.succeed(out, frame);
    }
  }

  private armTimeout(ms: number): void {
    const timer = this.runtime.clock.sleep(ms);
    this.timeoutTimer = timer;
    void timer.done.then(() => {
      if (this.status !== "RUNNING") return;
      this.end({ status: "TIMED_OUT", error: "States.Timeout" }, "ExecutionTimedOut", { error: "States.Timeout" });
    });
  }

  private succeed(output: unknown, frame: Frame): void {
    if (this.status !== "RUNNING") return;
    let own: unknown;
    try {
      own = toJsonData(output, this.maxPayloadBytes);
      this.recorder.add("ExecutionSucceeded", frame.lastEventId, undefined, own);
    } catch (e) {
      this.fail(e);
      return;
    }
    this.finish({ status: "SUCCEEDED", output: own });
  }

  private fail(e: unknown): void {
    if (this.status !== "RUNNING") return;
    const err = toStatesError(e);
    const error = failureError(err);
    const cause = failureCause(err);
    const details: Record<string, unknown> = {};
    if (error !== undefined) details["error"] = error;
    if (cause !== undefined) details["cause"] = cause;
    this.end(
      { status: "FAILED", ...(error === undefined ? {} : { error }), ...(cause === undefined ? {} : { cause }) },
      "ExecutionFailed",
      details,
    );
  }

  private end(result: ExecutionResult, eventType: string, details: Record<string, unknown>): void {
    try {
      this.recorder.add(eventType, this.recorder.count, undefined, undefined, details);
    } catch {
      // The closing event may not fit under the history limit; the result still stands.
    }
    this.runtime.halt.reason = new StatesError(result.error ?? "States.Runtime", result.cause ?? "");
    this.finish(result);
  }

  private finish(result: ExecutionResult): void {
    this.status = result.status;
    this.recorder.noteSize();
    this.timeoutTimer?.cancel();
    const timers = this.runtime.timers.set;
    if (timers !== undefined) {
      for (const t of timers) t.cancel();
      timers.clear();
    }
    if (result.status !== "SUCCEEDED") this.runtime.stop();
    this.resolveResult(result);
  }
}

/**
 * The per-execution state every frame shares. A class (not an object literal with getters,
 * which V8 builds slowly) whose context object and abort signal are made on first use.
 */
class RuntimeState implements ExecutionRuntime {
  readonly random: RandomSource;
  readonly tasks: TaskResolver;
  readonly lambdaErrorFormat: LambdaErrorFormat;
  readonly region: string;
  readonly accountId: string;
  readonly contextStateMachine: Readonly<Record<string, unknown>>;
  readonly halt: HaltFlag = { reason: undefined, parent: undefined };
  readonly timers: TimerRegistry = { set: undefined };
  private contextCache: Readonly<Record<string, unknown>> | undefined;
  private controller: AbortController | undefined;
  /** Set when the execution ended other than by succeeding: handlers' signals are aborted. */
  private stopped = false;

  constructor(
    private readonly execution: Execution,
    private readonly setup: ExecutionSetup,
    readonly clock: Clock,
    readonly history: HistoryRecorder,
    private readonly input: unknown,
    private readonly startMs: number,
  ) {
    this.random = setup.random;
    this.tasks = setup.tasks;
    this.lambdaErrorFormat = setup.lambdaErrorFormat;
    this.region = setup.region;
    this.accountId = setup.accountId;
    this.contextStateMachine = setup.contextStateMachine;
  }

  get contextExecution(): Readonly<Record<string, unknown>> {
    return (this.contextCache ??= executionContext(this.execution.executionArn, this.input, this.startMs, this.execution.name, this.setup.roleArn, this.setup.express ? undefined : 0));
  }

  get signal(): AbortSignal {
    this.controller ??= new AbortController();
    if (this.stopped) this.controller.abort();
    return this.controller.signal;
  }

  /** The execution stopped (failed, timed out, aborted): tell handlers still running. */
  stop(): void {
    this.stopped = true;
    this.controller?.abort();
  }
}

/**
 * `$$.Execution` (a plain data object: paths and `$$` output read it like any payload). Express
 * executions cannot be redriven and their context has no `RedriveCount` (recorded: test_express_sync).
 */
function executionContext(id: string, input: unknown, startMs: number, name: string, roleArn: string, redriveCount: number | undefined): Record<string, unknown> {
  const context: Record<string, unknown> = { Id: id, Input: input, StartTime: formatContextTimestamp(startMs), Name: name, RoleArn: roleArn };
  if (redriveCount !== undefined) context["RedriveCount"] = redriveCount;
  return context;
}

/**
 * Own JSON copy of data crossing the API boundary: callers may mutate what they passed or got
 * back without touching the execution (or the prepared machine's literals).
 */
function toJsonData(value: unknown, limit: number): unknown {
  const copy = copyJsonData(value);
  checkPayloadSize(copy, limit, jsonByteSize);
  return copy;
}
