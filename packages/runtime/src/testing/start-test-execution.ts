import type { HistoryEvent } from "../engine/history.ts";
import type { Execution } from "../engine/execution.ts";
import { CallbackRegistry } from "../integrations/callback-registry.ts";
import { TestCallbacks } from "./callbacks.ts";
import type { PendingCallback } from "./callbacks.ts";
import { formatTrace } from "./format-trace.ts";
import { checkInputNow } from "./input-schema.ts";
import type { TraceOptions } from "./format-trace.ts";
import { readHistory } from "./read-history.ts";
import type { StateVisit } from "./read-history.ts";
import { prepareForTest } from "./setup.ts";
import type { DefinitionSource } from "./setup.ts";
import { settle, TestClock } from "./test-clock.ts";
import type { OutputOf, TestExecutionOptions } from "./test-execution.ts";
import { statesOf, testResult } from "./test-result.ts";
import type { StateRecord, TestExecutionResult } from "./test-result.ts";

/** Options of a controlled test execution (it brings its own clock). */
export type StartTestExecutionOptions = Omit<TestExecutionOptions, "clock">;

/** Turns of the event loop with nothing able to move before a wait is declared stuck. */
const STUCK_TURNS = 20;
/** Event-loop turns an answer waits for its callback to be registered (a handler's send is a few promise steps). */
const ANSWER_TURNS = 50;

/** A running test execution whose time and callbacks the test controls. */
export interface TestExecutionHandle<Out = unknown> {
  readonly execution: Execution;
  readonly clock: TestClock;
  /** The execution's current virtual time. */
  now(): Date;
  /**
   * Lets time skip ahead until state `name` has been entered (its `visit`-th time, 1-based), then
   * holds time still and resolves with that visit. Rejects, with the trace, if the execution ends
   * first or can only go on once the test answers a callback. @default visit 1
   */
  waitForState(name: string, options?: { readonly visit?: number }): Promise<StateVisit>;
  /** Moves virtual time forward, firing Waits, retry back-offs and timeouts due on the way; time then stays held. */
  advanceTime(seconds: number): Promise<void>;
  /** Callback tasks (`.waitForTaskToken`, with no handler or mock) waiting for the test. */
  pendingCallbacks(): PendingCallback[];
  /** SendTaskSuccess for the callback of a state (or a task token). */
  sendTaskSuccess(stateOrToken: string, output?: unknown): Promise<void>;
  /** SendTaskFailure for the callback of a state (or a task token). */
  sendTaskFailure(stateOrToken: string, error?: string, cause?: string): Promise<void>;
  /** SendTaskHeartbeat for the callback of a state (or a task token). */
  sendTaskHeartbeat(stateOrToken: string): Promise<void>;
  /** History so far. */
  history(): readonly HistoryEvent[];
  /** Visited states so far. */
  states(): Readonly<Record<string, StateRecord>>;
  /** The trace so far. */
  trace(options?: TraceOptions): string;
  /** Lets time skip again and waits for the end; rejects if only a callback answer could end it. */
  result(): Promise<TestExecutionResult<Out>>;
  /** StopExecution, then the result. */
  abort(error?: string, cause?: string): Promise<TestExecutionResult<Out>>;
  /**
   * RedriveExecution: the ended (failed, aborted, timed-out) execution continues from the state
   * that did not succeed, with time held still. Then drive it as before: `waitForState`,
   * `advanceTime`, `result()`.
   * Throws `ExecutionNotRedrivableError` as AWS refuses.
   */
  redrive(): Promise<void>;
}

/**
 * Starts an execution the test drives: wait for a state, move time by hand, answer callbacks.
 * @example
 * const run = startTestExecution(definition, { orderId: 1 });
 * await run.waitForState("Approve");          // a .waitForTaskToken task
 * await run.advanceTime(3600);                 // an hour passes; nothing timed out yet
 * await run.sendTaskSuccess("Approve", { approved: true });
 * const result = await run.result();
 */
export function startTestExecution<S extends DefinitionSource>(
  source: S,
  input?: unknown,
  options: StartTestExecutionOptions = {},
): TestExecutionHandle<OutputOf<S>> {
  checkInputNow(source, input, options);
  const clock = new TestClock(options.startTime?.getTime());
  // The machine's one registry: run.execution.sendTaskSuccess(token, …) answers the same tasks.
  const registry = options.callbacks ?? new CallbackRegistry({ now: () => clock.now() });
  const callbacks = new TestCallbacks(registry);
  const { machine, mockResolvers, unbound } = prepareForTest(source, { ...options, callbacks: registry }, {
    base: (base, isBound) => callbacks.wrap(base, isBound),
  });
  const { clock: _ignored, ...startOptions } = options as TestExecutionOptions;
  void _ignored;
  const execution = machine.start(input, { ...startOptions, clock });
  const trace = (o?: TraceOptions): string => formatTrace(execution.history, { ...options.trace, ...o });
  const endedText = (): string => {
    const unanswered = callbacks.unanswered();
    if (unanswered.length === 0) return "";
    return ` Nobody answered the callback${unanswered.length === 1 ? "" : "s"} of ${unanswered.map((c) => `'${c.stateName}'`).join(", ")}: answer with handle.sendTaskSuccess('${unanswered[0]!.stateName}', output) before letting time run.`;
  };
  const waitingText = (): string => {
    const list = callbacks.pending();
    return list.length === 0
      ? "nothing can move: no timer is due and no handler is running"
      : `the execution waits for the test to answer ${list.map((c) => `'${c.stateName}'`).join(", ")} (handle.sendTaskSuccess('${list[0]!.stateName}', output) or sendTaskFailure)`;
  };

  /** Polls until `done()` says so, the execution ends, or nothing but the test could move it. */
  const until = async (done: () => boolean, onEnd: () => Error, onStuck: () => Error): Promise<void> => {
    let idleTurns = 0;
    for (;;) {
      if (done()) return;
      if (execution.currentStatus !== "RUNNING") throw onEnd();
      idleTurns = clock.idle && !clock.isPaused ? idleTurns + 1 : 0;
      if (idleTurns >= STUCK_TURNS) throw onStuck();
      await settle(1);
    }
  };

  /**
   * `waitForState` returns at TaskStateEntered, but the task token is registered only once the
   * task's own send (the SQS message, the Lambda invoke) has run, a few promise turns later. So an
   * answer given right after `waitForState` lets the execution run those turns first — with virtual
   * time still paused — and only then looks the callback up (which names what is waiting if it
   * still isn't there).
   */
  const untilWaiting = async (stateOrToken: string): Promise<void> => {
    if (callbacks.isWaiting(stateOrToken)) return;
    const wasPaused = clock.isPaused;
    clock.pause(); // only promise turns run: an answer never lets the execution move in time
    try {
      for (let turn = 0; turn < ANSWER_TURNS && !callbacks.isWaiting(stateOrToken); turn++) {
        if (execution.currentStatus !== "RUNNING") return;
        await settle(1);
      }
    } finally {
      if (!wasPaused) clock.resume();
    }
  };

  const handle: TestExecutionHandle<OutputOf<S>> = {
    execution,
    clock,
    now: () => new Date(clock.now()),
    async waitForState(name, { visit = 1 } = {}) {
      if (!Number.isInteger(visit) || visit < 1) throw new RangeError(`waitForState('${name}', { visit }): visit counts from 1, got ${visit}`);
      const find = (): StateVisit | undefined => readHistory(execution.history).allVisits.filter((v) => v.name === name)[visit - 1];
      let found = find();
      if (found !== undefined) {
        clock.pause();
        return found;
      }
      // The gate stops time before it moves past the moment the state is entered.
      const removeGate = clock.addGate(() => (found ??= find()) !== undefined);
      clock.resume();
      const which = visit === 1 ? `'${name}'` : `visit ${visit} of '${name}'`;
      try {
        await until(
          () => (found ??= find()) !== undefined,
          () => new Error(`The execution ended (${execution.currentStatus}) before entering ${which}.${endedText()}\n${trace()}`),
          () => new Error(`The execution cannot reach ${which}: ${waitingText()}.\n${trace()}`),
        );
      } finally {
        removeGate();
      }
      clock.pause();
      return found!;
    },
    async advanceTime(seconds) {
      if (typeof seconds !== "number" || !Number.isFinite(seconds) || seconds < 0) {
        throw new RangeError(`advanceTime(seconds): a finite number of seconds ≥ 0, got ${String(seconds)}`);
      }
      await clock.advance(seconds * 1000);
    },
    pendingCallbacks: () => callbacks.pending(),
    async sendTaskSuccess(stateOrToken, output) {
      await untilWaiting(stateOrToken);
      callbacks.succeed(stateOrToken, output);
      await settle();
    },
    async sendTaskFailure(stateOrToken, error, cause) {
      await untilWaiting(stateOrToken);
      callbacks.fail(stateOrToken, error, cause);
      await settle();
    },
    async sendTaskHeartbeat(stateOrToken) {
      await untilWaiting(stateOrToken);
      callbacks.heartbeat(stateOrToken);
      await settle();
    },
    history: () => execution.history,
    states: () => statesOf(readHistory(execution.history)),
    trace,
    async result() {
      clock.resume();
      await until(
        () => execution.currentStatus !== "RUNNING",
        () => new Error("unreachable: the loop returns once the execution has ended"),
        () => new Error(`The execution cannot end on its own: ${waitingText()}.\n${trace()}`),
      );
      return testResult<OutputOf<S>>(execution, await execution.result, mockResolvers, unbound, options.trace);
    },
    async abort(error, cause) {
      execution.abort(error, cause);
      return testResult<OutputOf<S>>(execution, await execution.result, mockResolvers, unbound, options.trace);
    },
    async redrive() {
      // Time holds still until the test lets it move (waitForState, advanceTime, result), as at
      // the start: a redriven callback state must not time out before the test can answer it.
      clock.pause();
      void execution.redrive();
      await settle(1);
    },
  };
  return handle;
}
