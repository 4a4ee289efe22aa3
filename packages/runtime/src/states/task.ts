import { randomUUID } from "node:crypto";
import { StatesError } from "../errors.ts";
import { compileReferencePath, noResultsForPath, NOT_FOUND } from "../engine/data-bridge.ts";
import { failureCause, failureError, toStatesError } from "../engine/failure.ts";
import type { Clock } from "../engine/clock.ts";
import { historyEventType } from "../engine/history.ts";
import type { HistoryEventType } from "../engine/history.ts";
import type { Frame } from "../engine/frame.ts";
import { andThen } from "../engine/run-block.ts";
import type { PendingStep, StateBody } from "../engine/state-shell.ts";
import type { ResolvedTask } from "../tasks/types.ts";
import { taskSplit } from "../tasks/resolve.ts";
import type { TaskSplit } from "../tasks/resolve.ts";
import { haltReason } from "../engine/types.ts";
import type { HaltFlag } from "../engine/types.ts";
import { commitAssign } from "../engine/state-assign.ts";
import type { StateCompileContext } from "./context.ts";
import { compileJsonataField } from "./jsonata-field.ts";
import { withDeadlines } from "./task-deadlines.ts";
import { withRetryAndCatch } from "./guarded.ts";
import { outputGrowthCheck } from "./output-growth.ts";
import type { AbortSignalLike } from "../abort-signal.ts";

/** Event types of the task families (bare Lambda ARN, service integration, activity). */
interface TaskEvents {
  readonly scheduled: HistoryEventType;
  readonly started: HistoryEventType;
  readonly succeeded: HistoryEventType;
  readonly failed: HistoryEventType;
  readonly timedOut: HistoryEventType;
}

/** `<prefix>Scheduled`, `<prefix>Started`, … as history event codes. */
function taskEvents(prefix: string): TaskEvents {
  const event = (suffix: string): HistoryEventType => historyEventType(`${prefix}${suffix}`);
  return { scheduled: event("Scheduled"), started: event("Started"), succeeded: event("Succeeded"), failed: event("Failed"), timedOut: event("TimedOut") };
}

const LAMBDA_EVENTS = taskEvents("LambdaFunction");
const SERVICE_EVENTS = taskEvents("Task");
const ACTIVITY_EVENTS = taskEvents("Activity");

/** Task: effective input → bound handler → result, with Retry/Catch and TimeoutSeconds. */
export function compileTask(ctx: StateCompileContext): StateBody {
  const flow = ctx.dataFlow({ parameters: "Parameters", resultStage: true, resultSelector: true });
  const next = ctx.next();
  const resource = String(ctx.def["Resource"]);
  const task = ctx.resolveTask(resource, ctx.name);
  const events = task.kind === "lambda-function" ? LAMBDA_EVENTS : task.kind === "activity" ? ACTIVITY_EVENTS : SERVICE_EVENTS;
  const timeout = ctx.language === "JSONata" ? compileJsonataTimeout(ctx.def, "TimeoutSeconds") : compileTimeout(ctx.def, "TimeoutSeconds");
  const heartbeat =
    ctx.language === "JSONata" ? compileJsonataTimeout(ctx.def, "HeartbeatSeconds") : compileTimeout(ctx.def, "HeartbeatSeconds");
  const assign = ctx.assign(ctx.def["Assign"], "Assign");

  const callback = resource.endsWith(".waitForTaskToken");
  // Without any TimeoutSeconds/HeartbeatSeconds field (or its Path form) both readers return
  // undefined: the deadlines are known now, and a visit whose effective input is ready skips the
  // readers and the two continuation closures (a task chain pays them on every visit).
  const staticDeadlines = DEADLINE_FIELDS.some((field) => Object.hasOwn(ctx.def, field)) ? undefined : NO_DEADLINES;
  // Without Retry/Catch (and outside Parallel/Map groups, checked per visit) the attempt's
  // promise goes straight to the block runner, so the task may leave its completion to it
  // (frame.pendingStep) instead of chaining a then of its own: one promise step less per task.
  const deferrable = !Object.hasOwn(ctx.def, "Retry") && !Object.hasOwn(ctx.def, "Catch");
  // A built-in Lambda binding can also leave its result check to that same step (TaskSplit).
  const split = deferrable && task.kind !== "activity" ? taskSplit(task) : undefined;
  // The Scheduled event's details of a split (bare Lambda) task without deadlines: the same on
  // every visit, so made once (history only reads them).
  const splitScheduled: Readonly<Record<string, unknown>> = Object.freeze({ resource });
  // The result was checked as it came back; a ResultSelector, ResultPath or Output may still grow it.
  const grown = outputGrowthCheck(ctx, ["ResultSelector"]);
  const finish = (input: unknown, result: unknown, frame: Frame): unknown => {
    frame.next = next;
    if (assign === undefined) return grown === undefined ? flow.output(input, result, frame) : grown(flow.output(input, result, frame));
    const values = assign({ jsonPathInput: result, input, result }, frame);
    const output = flow.output(input, result, frame);
    return commitAssign(values, grown === undefined ? output : grown(output), frame);
  };
  const attempt: StateBody = (input, frame) => {
    if (callback) {
      // The token exists from the moment the task is scheduled: Parameters may read $$.Task.Token.
      const factory = frame.exec.taskToken;
      frame.taskToken =
        factory === undefined
          ? randomUUID()
          : factory({ executionArn: String(frame.exec.contextExecution["Id"]), stateName: frame.stateName, enteredEventId: frame.enteredEventId, retryCount: frame.retryCount });
      frame.invalidateContext();
    }
    const effectiveInput = flow.effectiveInput(input, frame);
    if (staticDeadlines !== undefined && !(effectiveInput instanceof Promise)) {
      if (split !== undefined && frame.halt.parent === undefined) {
        return invokeSplit(split, events, resource, splitScheduled, effectiveInput, frame, finish, input);
      }
      return invoke(task, events, resource, effectiveInput, frame, staticDeadlines, (result) => finish(input, result, frame), deferrable);
    }
    return andThen(effectiveInput, (effective) =>
      andThen(readDeadlines(timeout, heartbeat, input, frame), (deadlines) =>
        // The continuation runs in the same promise step as the task's completion.
        // Not deferrable: this may run in a later promise step, after the state shell returned.
        invoke(task, events, resource, effective, frame, deadlines, (result) => finish(input, result, frame), false),
      ),
    );
  };
  return withRetryAndCatch(attempt, ctx, flow, (frame, error) => {
    // Inside a Parallel branch or Map iteration, AWS also marks a task whose failure ends the
    // branch as aborted (recorded: TaskFailed then TaskStateAborted).
    if (frame.halt.parent !== undefined && !ABORTED.has(error) && error.error !== "States.Runtime") {
      frame.lastEventId = frame.exec.history.add("TaskStateAborted", frame.lastEventId);
    }
  }, true);
}

type TimeoutReader = (input: unknown, frame: Frame) => number | undefined | Promise<number | undefined>;

/** TimeoutSeconds and HeartbeatSeconds of one task visit. */
interface Deadlines {
  readonly timeout: number | undefined;
  readonly heartbeat: number | undefined;
}

const NO_DEADLINES: Deadlines = { timeout: undefined, heartbeat: undefined };

/** The fields that give a task deadlines, in either query language. */
const DEADLINE_FIELDS = ["TimeoutSeconds", "TimeoutSecondsPath", "HeartbeatSeconds", "HeartbeatSecondsPath"];

function readDeadlines(timeout: TimeoutReader, heartbeat: TimeoutReader, input: unknown, frame: Frame): Deadlines | Promise<Deadlines> {
  const t = timeout(input, frame);
  const h = heartbeat(input, frame);
  if (t === undefined && h === undefined) return NO_DEADLINES;
  if (t instanceof Promise || h instanceof Promise) return Promise.all([t, h]).then(([timeout, heartbeat]) => ({ timeout, heartbeat }));
  return { timeout: t, heartbeat: h };
}

function compileJsonataTimeout(def: Readonly<Record<string, unknown>>, field: "TimeoutSeconds" | "HeartbeatSeconds"): TimeoutReader {
  if (def[field] === undefined) return () => undefined;
  const compiled = compileJsonataField(def[field], field, "positiveInteger");
  return (input, frame) => compiled(input, frame) as Promise<number>;
}

function compileTimeout(def: Readonly<Record<string, unknown>>, field: "TimeoutSeconds" | "HeartbeatSeconds"): TimeoutReader {
  const seconds = def[field];
  if (typeof seconds === "number") return () => seconds;
  const pathText = def[`${field}Path`];
  if (typeof pathText !== "string") return () => undefined;
  const path = compileReferencePath(pathText);
  return (input, frame) => {
    const value = path.evaluate(input, frame);
    if (value === NOT_FOUND) {
      throw noResultsForPath(pathText, input);
    }
    if (typeof value !== "number" || !Number.isInteger(value) || value <= 0) {
      throw new StatesError(
        "States.Runtime",
        `The ${field}Path parameter does not reference a positive integer: ${pathText} == ${JSON.stringify(value)}`,
      );
    }
    return value;
  };
}

/**
 * What handlers see of one attempt. Its abort signal (per attempt, linked to the execution's) is
 * created only if a handler asks for it.
 */
class TaskCall implements PendingStep {
  constructor(
    private readonly frame: Frame,
    readonly stateName: string,
    readonly resource: string,
    /** `{resourceType, resource}` of Task* events (undefined for Lambda and activity events). */
    private readonly details: Readonly<Record<string, string>> | undefined,
    private readonly events: TaskEvents,
  ) {}

  get taskToken(): string | undefined {
    return this.frame.taskToken;
  }

  /** Set while HeartbeatSeconds applies: resets the heartbeat clock. */
  beat: (() => void) | undefined = undefined;
  /** True while the engine holds the clock for this attempt's pending handler. */
  held = false;
  /** Over: the outcome is recorded; late calls of the handler change nothing. */
  private ended = false;

  /** True once the attempt has its outcome (a result, a failure, a timeout). */
  get isOver(): boolean {
    return this.ended;
  }
  private controller: AbortController | undefined = undefined;
  private unlink: (() => void) | undefined = undefined;
  /** Activities: resolved by `started` (TimeoutSeconds counts from ActivityStarted). */
  onStarted: (() => void) | undefined = undefined;
  /** When deferred (PendingStep): what turns the task's result into the state's output. */
  // (Not named `then`: handlers get this object, and a `then` member would make it a thenable.)
  finishWith: ((result: unknown) => unknown) | undefined = undefined;
  /**
   * Set by invokeSplit instead of `finishWith`: the state's compiled finish and the visit's input
   * (two fields rather than a closure over them made on every visit).
   */
  finishState: ((input: unknown, result: unknown, frame: Frame) => unknown) | undefined = undefined;
  stateInput: unknown = undefined;

  /** Set by invokeSplit: the task's result check and error wording, left to `settled`/`rejected`. */
  split: TaskSplit | undefined = undefined;

  // PendingStep: the same as invoke's own then-callbacks (and, with a split task, the callbacks
  // its `invoke` would have chained first), run by the block runner instead.
  settled(raw: unknown, frame: Frame): unknown {
    let result = raw;
    if (this.split !== undefined) {
      try {
        result = this.split.settle(raw);
      } catch (e) {
        this.end(true);
        return failed(frame, this.events, this.details, e);
      }
    }
    this.end(false);
    const output = succeeded(frame, this.events, this.details, result);
    return this.finishState !== undefined ? this.finishState(this.stateInput, output, frame) : this.finishWith!(output);
  }

  rejected(error: unknown, frame: Frame): never {
    this.end(true);
    return failed(frame, this.events, this.details, this.split === undefined ? error : splitFailure(this.split, error));
  }

  heartbeat(): void {
    this.beat?.();
  }

  get clock(): Clock {
    return this.frame.exec.clock;
  }

  get signal(): AbortSignalLike {
    return this.frame.exec.signal;
  }

  get attemptSignal(): AbortSignalLike {
    if (this.controller !== undefined) return this.controller.signal;
    const controller = new AbortController();
    this.controller = controller;
    const outer = this.frame.exec.signal;
    if (outer.aborted) {
      controller.abort();
    } else if (!this.ended) {
      const abort = (): void => controller.abort();
      outer.addEventListener("abort", abort, { once: true });
      this.unlink = () => outer.removeEventListener("abort", abort);
    }
    return controller.signal;
  }

  submitted(output: unknown): void {
    if (this.ended) return;
    const details = this.details === undefined ? undefined : { resourceType: this.details["resourceType"], resource: this.details["resource"] };
    this.frame.lastEventId = this.frame.exec.history.add("TaskSubmitted", this.frame.lastEventId, undefined, output, details);
  }

  started(workerName?: string): void {
    if (this.ended || this.onStarted === undefined) return;
    this.frame.lastEventId = this.frame.exec.history.add(this.events.started, this.frame.lastEventId, undefined, undefined, workerName === undefined ? {} : { workerName });
    const go = this.onStarted;
    this.onStarted = undefined;
    go();
  }

  /** Set once the handler said it waits outside the engine: the engine then takes no hold. */
  external = false;

  awaitingExternal(): void {
    this.external = true;
    this.release();
  }

  /** Gives back the engine's hold on the clock (once). */
  release(): void {
    if (!this.held) return;
    this.held = false;
    this.frame.exec.clock.release();
  }

  /** The attempt is over; `abandoned`: without its own result (timed out, aborted), so the signal fires. */
  end(abandoned: boolean): void {
    this.ended = true;
    this.release();
    this.unlink?.();
    this.unlink = undefined;
    if (abandoned) this.controller?.abort();
  }
}

/**
 * Schedules and runs the task, recording Scheduled/Started and then Succeeded, Failed or TimedOut.
 * Returns the raw result, synchronously when the handler is synchronous.
 */
function invoke(
  task: ResolvedTask,
  events: TaskEvents,
  resource: string,
  effective: unknown,
  frame: Frame,
  deadlines: Deadlines,
  then: (result: unknown) => unknown,
  /** The returned promise goes straight to the block runner (see compileTask). */
  deferrable: boolean,
): unknown {
  const timeoutSeconds = deadlines.timeout;
  const exec = frame.exec;
  const history = exec.history;
  const activity = task.kind === "activity";
  const serviceDetails = task.kind === "service" ? task.eventDetails : undefined;
  const scheduledExtra: Record<string, unknown> =
    task.kind === "service" ? { resourceType: task.resourceType, resource: task.resourceAction, region: exec.region } : { resource };
  if (timeoutSeconds !== undefined) scheduledExtra["timeoutInSeconds"] = timeoutSeconds;
  if (deadlines.heartbeat !== undefined) scheduledExtra["heartbeatInSeconds"] = deadlines.heartbeat;
  frame.lastEventId = history.add(events.scheduled, frame.lastEventId, undefined, effective, scheduledExtra);
  // An activity starts when a worker takes it (ctx.started), not when it is scheduled.
  if (!activity) frame.lastEventId = history.add(events.started, frame.lastEventId, undefined, undefined, serviceDetails);

  let call: unknown;
  const taskCall = new TaskCall(frame, frame.stateName, resource, serviceDetails, events);
  let startGate: Promise<void> | undefined;
  if (activity) startGate = new Promise<void>((resolve) => (taskCall.onStarted = resolve));
  try {
    call = task.invoke(effective, taskCall);
  } catch (e) {
    taskCall.end(true);
    return failed(frame, events, serviceDetails, e);
  }
  if (!(call instanceof Promise)) {
    taskCall.started();
    taskCall.end(false);
    return then(succeeded(frame, events, serviceDetails, call));
  }
  const clock = exec.clock;
  // Inside a Parallel branch or Map iteration, a failing sibling aborts this task at once.
  const pending = frame.halt.parent !== undefined ? abortable(call, frame, taskCall) : call;
  if (timeoutSeconds === undefined && deadlines.heartbeat === undefined && !activity) {
    // Virtual time must not jump while the handler does real work (until it says it waits for
    // something outside the engine: ctx.awaitingExternal()).
    if (!taskCall.external) {
      clock.hold();
      taskCall.held = true;
    }
    if (deferrable && pending === call) {
      // The block runner finishes the task when the handler's promise settles (PendingStep).
      taskCall.finishWith = then;
      frame.pendingStep = taskCall;
      return call;
    }
    return pending.then(
      (result: unknown) => {
        taskCall.end(false);
        return then(succeeded(frame, events, serviceDetails, result));
      },
      (e: unknown) => {
        taskCall.end(true);
        return failed(frame, events, serviceDetails, e);
      },
    );
  }
  // With deadlines, time may move while the handler is pending: a handler that never settles
  // (or stops heart-beating) times out as soon as nothing else can make progress. An activity
  // waits for a worker (time moves) and its deadlines count from ActivityStarted.
  const guarded =
    timeoutSeconds === undefined && deadlines.heartbeat === undefined ? pending : withDeadlines(pending, clock, timeoutSeconds, deadlines.heartbeat, taskCall, startGate);
  return guarded.then(
    (result: unknown) => {
      // A handler that answered without a worker taking it (a stand-in) still started.
      taskCall.started();
      taskCall.end(false);
      return then(succeeded(frame, events, serviceDetails, result));
    },
    (e: unknown) => {
      if (!isDeadline(e)) taskCall.started();
      taskCall.end(true);
      return failed(frame, events, serviceDetails, e);
    },
  );
}

/**
 * `invoke` for a task without deadlines (not an activity) whose promise goes straight to the
 * block runner, with a built-in binding split in parts (TaskSplit): the handler's own promise is
 * returned and everything after it runs in the block runner's single `then` (TaskCall as
 * PendingStep). Records exactly what `invoke` records, in the same order.
 */
function invokeSplit(
  split: TaskSplit,
  events: TaskEvents,
  resource: string,
  /** `{ resource }`, made once per state. */
  scheduledDetails: Readonly<Record<string, unknown>>,
  effective: unknown,
  frame: Frame,
  finish: (input: unknown, result: unknown, frame: Frame) => unknown,
  input: unknown,
): unknown {
  const history = frame.exec.history;
  frame.lastEventId = history.add(events.scheduled, frame.lastEventId, undefined, effective, scheduledDetails);
  frame.lastEventId = history.add(events.started, frame.lastEventId, undefined, undefined, undefined);
  const taskCall = new TaskCall(frame, frame.stateName, resource, undefined, events);
  let raw: unknown;
  try {
    raw = split.call(effective, taskCall);
  } catch (e) {
    taskCall.end(true);
    return failed(frame, events, undefined, splitFailure(split, e));
  }
  if (!(raw instanceof Promise)) {
    let result: unknown;
    try {
      result = split.settle(raw);
    } catch (e) {
      taskCall.end(true);
      return failed(frame, events, undefined, e);
    }
    taskCall.started();
    taskCall.end(false);
    return finish(input, succeeded(frame, events, undefined, result), frame);
  }
  // Virtual time must not jump while the handler does real work (see invoke).
  if (!taskCall.external) {
    frame.exec.clock.hold();
    taskCall.held = true;
  }
  taskCall.split = split;
  taskCall.finishState = finish;
  taskCall.stateInput = input;
  frame.pendingStep = taskCall;
  return raw;
}

/** What a split task's `invoke` would have failed with, given what its handler threw. */
function splitFailure(split: TaskSplit, error: unknown): unknown {
  try {
    split.fail(error);
  } catch (e) {
    return e;
  }
  return error;
}

function isDeadline(e: unknown): boolean {
  return e instanceof StatesError && (e.error === "States.Timeout" || e.error === "States.HeartbeatTimeout");
}

/** Marks a failure that is the group's halt, already recorded as TaskStateAborted. */
const ABORTED = new WeakSet<object>();

/**
 * Races a pending task against its group's halt flags: when a sibling fails, AWS records
 * TaskStateAborted and the branch stops waiting (the handler itself is not stopped).
 */
function abortable(call: Promise<unknown>, frame: Frame, attempt: { readonly isOver: boolean }): Promise<unknown> {
  const flags: HaltFlag[] = [];
  for (let f: HaltFlag | undefined = frame.halt; f?.parent !== undefined; f = f.parent) flags.push(f);
  let watcher: () => void = () => undefined;
  const aborted = new Promise<never>((_resolve, reject) => {
    watcher = () => {
      // A task that already timed out is over: a sibling's failure after that aborts nothing.
      if (attempt.isOver) return;
      frame.lastEventId = frame.exec.history.add("TaskStateAborted", frame.lastEventId);
      const reason = haltReason(frame.halt) ?? new StatesError("States.Runtime", "aborted");
      ABORTED.add(reason);
      reject(reason);
    };
  });
  for (const f of flags) (f.watchers ??= new Set()).add(watcher);
  const unwatch = () => {
    for (const f of flags) f.watchers?.delete(watcher);
  };
  return Promise.race([call, aborted]).then(
    (v: unknown) => {
      unwatch();
      return v;
    },
    (e: unknown) => {
      unwatch();
      throw e;
    },
  );
}

// Module-level (not per-call closures): these run once per task invocation.
function succeeded(frame: Frame, events: TaskEvents, details: Readonly<Record<string, string>> | undefined, result: unknown): unknown {
  frame.lastEventId = frame.exec.history.add(events.succeeded, frame.lastEventId, undefined, result, details);
  return result;
}

function failed(frame: Frame, events: TaskEvents, serviceDetails: Readonly<Record<string, string>> | undefined, e: unknown): never {
  const err = toStatesError(e);
  if (ABORTED.has(err)) throw err;
  const details: Record<string, unknown> = { ...serviceDetails };
  const error = failureError(err);
  const cause = failureCause(err);
  if (error !== undefined) details["error"] = error;
  if (cause !== undefined && cause !== "") details["cause"] = cause;
  const type = err.error === "States.Timeout" || err.error === "States.HeartbeatTimeout" ? events.timedOut : events.failed;
  frame.lastEventId = frame.exec.history.add(type, frame.lastEventId, undefined, undefined, details);
  throw err;
}
