import { randomUUID } from "node:crypto";
import { StatesError } from "../errors.ts";
import type { TaskResolver, LambdaErrorFormat } from "../tasks/types.ts";
import { deepFreeze } from "../tasks/freeze.ts";
import { jsonByteSize } from "../tasks/payload-size.ts";
import { checkPayloadSize, copyJsonData } from "./json-copy.ts";
import type { NestingSubject } from "../limits/json-nesting.ts";
import type { Clock, Timer } from "./clock.ts";
import { RealClock, VirtualClock } from "./clock.ts";
import { failureCause, failureError, toStatesError } from "./failure.ts";
import { assignVariables, VariableScope } from "../variables/index.ts";
import { Frame } from "./frame.ts";
import { HistoryRecorder } from "./history.ts";
import type { HistoryEvent, HistorySizeHint } from "./history.ts";
import type { RandomSource } from "./random.ts";
import { ExecutionNotRedrivableError, MAX_DURATION_SECONDS, notRedrivableReason, type RedriveStatus } from "./redrive.ts";
import { runBlock } from "./run-block.ts";
import { formatContextTimestamp } from "./timestamps.ts";
import type { CompiledBlock, CompiledState, ExecutionRuntime, HaltFlag, RedriveMemo, TaskTokenFactory, TimerRegistry } from "./types.ts";
import type { CallbackRegistry } from "../integrations/callback-registry.ts";
import type { MapRunObserver } from "./map-run-observer.ts";
import type { AbortSignalLike } from "../abort-signal.ts";

/** StartExecution refuses input that is not JSON data with InvalidExecutionInput. */
const INPUT: NestingSubject = { error: "InvalidExecutionInput", what: "The execution input" };
const OUTPUT: NestingSubject = { error: "States.Runtime", what: "The execution output" };

/** How an execution ended (RUNNING until it has). */
export type ExecutionStatus = "RUNNING" | "SUCCEEDED" | "FAILED" | "TIMED_OUT" | "ABORTED";

/** What an execution produced, as DescribeExecution reports it: a frozen snapshot, output included. */
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
  /**
   * Variables already in scope when the first state runs (TestState's `variables`: testing one
   * state of a workflow that assigned them earlier). @default none
   */
  readonly variables?: Readonly<Record<string, unknown>>;
  /**
   * Makes callback task tokens (default: random UUIDs). A host that replays executions after a
   * restart makes them from the site, so a token handed out before the restart stays valid.
   */
  readonly taskToken?: TaskTokenFactory;
  /** Called after each history event is recorded with its id (a durable host persists it). */
  readonly onHistoryEvent?: (id: number) => void;
  /** Watches the execution's Distributed Map Runs (a host serving DescribeMapRun keeps them). */
  readonly mapRuns?: MapRunObserver;
}

/**
 * The execution's top-level variables, holding the given ones from the start: assigned as an
 * Assign would (names and sizes checked), so a bad one fails the first state that reads variables.
 */
function rootScope(variables: Readonly<Record<string, unknown>> | undefined): VariableScope {
  const scope = VariableScope.root();
  if (variables !== undefined) assignVariables(scope, copyJsonData(variables) as Record<string, unknown>);
  return scope;
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
  /** Settles when the execution ends (after a redrive, when the redriven run ends); never rejects. */
  get result(): Promise<ExecutionResult> {
    return this.currentResult;
  }
  private currentResult: Promise<ExecutionResult>;
  private status: ExecutionStatus = "RUNNING";
  /** The machine's top-level block run: a redrive continues it from its failed state. */
  private topFrame: Frame | undefined;
  private stoppedAt: number | undefined;
  /** `$$.Execution.RedriveCount` / DescribeExecution `redriveCount`. */
  redriveCount = 0;
  /** When the execution was last redriven (`redriveDate`), if it was. */
  redriveDate: Date | undefined;
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
    this.currentResult = new Promise((resolve) => (this.resolveResult = resolve));
    this.setup = setup;
    this.ownName = options.name;
    this.ownArn = options.executionArn;
    const clock = options.clock ?? (setup.time === "real" ? new RealClock() : new VirtualClock(options.startTime?.getTime()));
    const startMs = options.clock === undefined && options.startTime !== undefined ? options.startTime.getTime() : clock.now();
    this.startMs = startMs;
    this.recorder = new HistoryRecorder(() => clock.now(), setup.history, setup.maxHistoryEvents, setup.historySize, options.onHistoryEvent);
    const ownInput = toJsonData(input === undefined ? {} : input, setup.maxPayloadBytes, INPUT);
    this.runtime = new RuntimeState(this, setup, clock, this.recorder, ownInput, startMs, options.taskToken, options.mapRuns);
    this.maxPayloadBytes = setup.maxPayloadBytes;
    this.run(setup, ownInput, options.variables);
  }

  /** The events so far, shaped like GetExecutionHistory (empty when history is off); frozen once the execution has ended. */
  get history(): HistoryEvent[] {
    if (this.finalHistory !== undefined) return this.finalHistory;
    const events = this.recorder.materialize();
    // A finished execution's history no longer changes: build it once, frozen, so no reader can
    // rewrite what the next one sees (Dates excepted: JavaScript cannot freeze their time).
    if (this.status !== "RUNNING") this.finalHistory = deepFreeze(events);
    return events;
  }

  /** Events with ids from `firstId` on (1-based), shaped like GetExecutionHistory. */
  historyFrom(firstId: number): HistoryEvent[] {
    return this.recorder.materialize(firstId);
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

  /** Counts top-level runs: a run that a redrive replaced must not end the execution when it settles. */
  private runGeneration = 0;

  private run(setup: ExecutionSetup, input: unknown, variables: Readonly<Record<string, unknown>> | undefined): void {
    try {
      this.recorder.add("ExecutionStarted", 0, undefined, input, { roleArn: setup.roleArn });
    } catch (e) {
      this.fail(e);
      return;
    }
    // AWS gives the first state's event previousEventId 0, not the ExecutionStarted id (observed).
    const frame = new Frame(this.runtime, 0, this.runtime.halt, () => rootScope(variables));
    this.topFrame = frame;
    this.runFrom(setup, frame, input, undefined, setup.timeoutSeconds === undefined ? undefined : setup.timeoutSeconds * 1000 - (this.runtime.clock.now() - this.startMs));
  }

  /** Runs the top-level block (from `from`, or its start) and ends the execution with its outcome. */
  private runFrom(setup: ExecutionSetup, frame: Frame, input: unknown, from: CompiledState | undefined, timeoutMs: number | undefined): void {
    const generation = ++this.runGeneration;
    let out: unknown;
    try {
      out = runBlock(setup.block, input, frame, from);
    } catch (e) {
      this.fail(e);
      return;
    }
    if (out instanceof Promise) {
      // Only an execution that goes asynchronous can run out of time (virtual time does not move
      // synchronously), so only such an execution pays for a timeout timer.
      if (timeoutMs !== undefined) this.armTimeout(timeoutMs);
      out.then(
        (v: unknown) => {
          if (generation === this.runGeneration) this.succeed(v, frame);
        },
        (e: unknown) => {
          if (generation === this.runGeneration) this.fail(e);
        },
      );
    } else {
      this.succeed(out, frame);
    }
  }

  /** DescribeExecution's `redriveStatus`: whether {@link redrive} would be accepted now. */
  get redriveStatus(): RedriveStatus {
    return this.redriveStatusReason === undefined ? "REDRIVABLE" : "NOT_REDRIVABLE";
  }

  /** DescribeExecution's `redriveStatusReason`, in AWS's words, when the execution cannot be redriven. */
  get redriveStatusReason(): string | undefined {
    return notRedrivableReason({
      express: this.setup.express,
      status: this.status,
      stoppedAt: this.stoppedAt,
      now: this.runtime.clock.now(),
      historyLimitReached: this.recorder.count >= this.setup.maxHistoryEvents,
      exceededMaxDuration: this.stoppedAt !== undefined && this.stoppedAt - this.startMs >= MAX_DURATION_SECONDS.STANDARD * 1000,
    });
  }

  /**
   * RedriveExecution: a FAILED, ABORTED or TIMED_OUT Standard execution, within 14 days of
   * stopping, continues from the state that did not succeed, with that state's input and the
   * variables as they were; the states that succeeded are not run again and their events stay.
   * Records `ExecutionRedriven` and raises `$$.Execution.RedriveCount`. Returns the new result
   * (also `execution.result`). Throws {@link ExecutionNotRedrivableError} as AWS refuses.
   */
  redrive(): Promise<ExecutionResult> {
    const reason = this.redriveStatusReason;
    const failed = this.topFrame;
    if (reason !== undefined) throw new ExecutionNotRedrivableError(this.executionArn, reason);
    if (failed === undefined || failed.state === undefined) throw new ExecutionNotRedrivableError(this.executionArn, "Execution failed before entering a state.");
    this.redriveCount++;
    this.redriveDate = new Date(this.runtime.clock.now());
    this.status = "RUNNING";
    this.stoppedAt = undefined;
    this.finalHistory = undefined;
    this.currentResult = new Promise((resolve) => (this.resolveResult = resolve));
    // A fresh halt flag: the stopped run's leftovers (a handler still settling) stay halted.
    this.runtime.restart(this.redriveCount, this.redriveDate.getTime(), failed.state.name);
    let redrivenId: number;
    this.recorder.closed = false;
    try {
      redrivenId = this.recorder.add("ExecutionRedriven", this.recorder.count, undefined, undefined, { redriveCount: this.redriveCount });
    } catch (e) {
      this.fail(e);
      return this.currentResult;
    }
    // The variables are the failed run's, as they were when its state failed.
    const frame = new Frame(this.runtime, redrivenId, this.runtime.halt, failed.variables);
    this.topFrame = frame;
    // The execution's own TimeoutSeconds counts again from the redrive (AWS does not document it).
    const timeout = this.setup.timeoutSeconds === undefined ? undefined : this.setup.timeoutSeconds * 1000;
    this.runFrom(this.setup, frame, failed.stateInput, failed.state, timeout);
    return this.currentResult;
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
      // Frozen: the result and the ExecutionSucceeded event share it, and neither may change.
      own = deepFreeze(toJsonData(output, this.maxPayloadBytes, OUTPUT));
      this.recorder.add("ExecutionSucceeded", frame.lastEventId, undefined, own);
      this.recorder.closed = true;
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
    this.recorder.closed = true;
    this.runtime.halt.reason = new StatesError(result.error ?? "States.Runtime", result.cause ?? "");
    this.finish(result);
  }

  private finish(result: ExecutionResult): void {
    this.status = result.status;
    this.stoppedAt = this.runtime.clock.now();
    this.recorder.noteSize();
    this.timeoutTimer?.cancel();
    const timers = this.runtime.timers.set;
    if (timers !== undefined) {
      for (const t of timers) t.cancel();
      timers.clear();
    }
    if (result.status !== "SUCCEEDED") this.runtime.stop();
    this.resolveResult(Object.freeze(result));
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
  readonly redrive: RedriveMemo = { kept: new Map(), target: undefined };
  /** Raised when the execution ends; a redrive gives the new run a new one. */
  halt: HaltFlag = { reason: undefined, parent: undefined };
  readonly timers: TimerRegistry = { set: undefined };
  readonly pace: { transitions: number; resumedAt?: number } = { transitions: 0 };
  private contextCache: Readonly<Record<string, unknown>> | undefined;
  private controller: AbortController | undefined;
  /** Set when the execution ended other than by succeeding: handlers' signals are aborted. */
  private stopped = false;
  private redriveCount = 0;
  private redriveTime: number | undefined = undefined;

  constructor(
    private readonly execution: Execution,
    private readonly setup: ExecutionSetup,
    readonly clock: Clock,
    readonly history: HistoryRecorder,
    private readonly input: unknown,
    private readonly startMs: number,
    readonly taskToken: TaskTokenFactory | undefined,
    readonly mapRuns: MapRunObserver | undefined,
  ) {
    this.random = setup.random;
    this.tasks = setup.tasks;
    this.lambdaErrorFormat = setup.lambdaErrorFormat;
    this.region = setup.region;
    this.accountId = setup.accountId;
    this.contextStateMachine = setup.contextStateMachine;
  }

  get contextExecution(): Readonly<Record<string, unknown>> {
    return (this.contextCache ??= executionContext(
      this.execution.executionArn,
      this.input,
      this.startMs,
      this.execution.name,
      this.setup.roleArn,
      this.setup.express ? undefined : { count: this.redriveCount, time: this.redriveTime },
    ));
  }

  /**
   * A redrive: the execution runs again from `target`, with a new RedriveCount and RedriveTime in
   * `$$.Execution`; only what a failed `target` (Map or Parallel) kept is reused.
   */
  restart(redriveCount: number, redriveTime: number, target: string): void {
    for (const name of [...this.redrive.kept.keys()]) if (name !== target) this.redrive.kept.delete(name);
    this.redrive.target = target;
    this.redriveCount = redriveCount;
    this.redriveTime = redriveTime;
    this.contextCache = undefined;
    this.stopped = false;
    this.controller = undefined;
    this.halt = { reason: undefined, parent: undefined };
  }

  get signal(): AbortSignalLike {
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
function executionContext(
  id: string,
  input: unknown,
  startMs: number,
  name: string,
  roleArn: string,
  redrive: { readonly count: number; readonly time: number | undefined } | undefined,
): Record<string, unknown> {
  const context: Record<string, unknown> = { Id: id, Input: input, StartTime: formatContextTimestamp(startMs), Name: name, RoleArn: roleArn };
  if (redrive === undefined) return context;
  context["RedriveCount"] = redrive.count;
  // RedriveTime appears once the execution has been redriven (AWS context object reference).
  if (redrive.time !== undefined) context["RedriveTime"] = formatContextTimestamp(redrive.time);
  return context;
}

/**
 * Own JSON copy of data crossing the API boundary: callers may mutate what they passed or got
 * back without touching the execution (or the prepared machine's literals).
 */
function toJsonData(value: unknown, limit: number, subject: NestingSubject): unknown {
  const copy = copyJsonData(value, subject);
  checkPayloadSize(copy, limit, jsonByteSize);
  return copy;
}
