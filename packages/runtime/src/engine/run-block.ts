import { BOUNDS_ON } from "../limits/measurement-switch.ts";
import type { Frame } from "./frame.ts";
import type { PendingStep, StateExit } from "./state-shell.ts";
import type { CompiledBlock, CompiledState } from "./types.ts";

/**
 * Runs a block from its start state (or `from`, where a redrive restarts it) to its end. States
 * that finish synchronously are chained in a plain loop; only a state that returns a promise
 * makes the rest of the block asynchronous.
 */
export function runBlock(block: CompiledBlock, input: unknown, frame: Frame, from: CompiledState = block.start): unknown {
  let state: CompiledState = from;
  let value = input;
  for (;;) {
    frame.next = null;
    const out = state.run(value, frame);
    if (out instanceof Promise) return new AsyncBlockRun(frame).wait(out);
    const next = frame.next;
    if (next === null) return out;
    value = out;
    state = next;
    // `frame.next` still names the next state: the block resumes there after the pause.
    if (mustYield(frame)) return new AsyncBlockRun(frame).wait(yieldToEventLoop(frame, value));
  }
}

/**
 * Transitions of one execution between two turns of the event loop. States that finish
 * synchronously, or in promise steps only (JSONata), never give timers, I/O or other executions
 * a turn: an endless Choice→Pass loop would hold the process forever. Every this many, the
 * execution pauses for one macrotask (an execution shorter than this never does, so it stays
 * synchronous and deterministic).
 */
export const TRANSITIONS_PER_TURN = 1024;

function mustYield(frame: Frame): boolean {
  if (!BOUNDS_ON) return false;
  const pace = frame.exec.pace;
  if (++pace.transitions < TRANSITIONS_PER_TURN) return false;
  pace.transitions = 0;
  return true;
}

/**
 * Resolves with `value` after one macrotask. The execution is busy, not waiting: virtual time
 * must not jump to its next deadline (a long but finite loop would time out at once), so the
 * clock is held during the pause; but it moves by the real time the execution computed since its
 * last pause, so that a deadline (TimeoutSeconds) still ends an endless loop.
 */
function yieldToEventLoop(frame: Frame, value: unknown): Promise<unknown> {
  const { clock, pace } = frame.exec;
  if (pace.resumedAt !== undefined) clock.elapse?.(performance.now() - pace.resumedAt);
  clock.hold();
  return new Promise((resolve) =>
    setImmediate(() => {
      clock.release();
      pace.resumedAt = performance.now();
      resolve(value);
    }),
  );
}

/**
 * The rest of a block once one of its states went asynchronous. One promise (and one pair of
 * callbacks) per block run, and exactly one `then` per awaited state: the state's exit (its
 * StateExited event, failure wording) runs in the same promise step as the body's completion,
 * and the next states continue in the same loop. Chaining `then(resume)` per state instead costs
 * two more promise steps per state, plus two per nesting level when the block ends (each
 * resume returned the promise of the rest of the block, which its parent had to adopt); on a
 * 100-task chain that was most of the per-task cost before the JIT warms up.
 */
class AsyncBlockRun {
  readonly promise: Promise<unknown>;
  private resolve!: (value: unknown) => void;
  private reject!: (error: unknown) => void;
  /** The exit of the state whose body is pending. */
  private exit: StateExit | undefined = undefined;
  /** What finishes the pending body itself, if it left that to us (see PendingStep). */
  private pending: PendingStep | undefined = undefined;
  // Made once per block run, not per awaited state.
  private readonly onValue = (value: unknown): void => this.step(value);
  private readonly onError = (error: unknown): void => this.failed(error);

  constructor(private readonly frame: Frame) {
    this.promise = new Promise<unknown>((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
  }

  /** Waits for a state body's promise (the state left its exit in `frame.pendingExit`). */
  wait(body: Promise<unknown>): Promise<unknown> {
    this.exit = this.frame.pendingExit;
    this.frame.pendingExit = undefined;
    this.pending = this.frame.pendingStep;
    this.frame.pendingStep = undefined;
    body.then(this.onValue, this.onError);
    return this.promise;
  }

  private step(result: unknown): void {
    const frame = this.frame;
    const pending = this.pending;
    if (pending !== undefined) {
      // The body's own last step, in this same promise step (see PendingStep); its failure is
      // the state's, as if its promise had rejected.
      this.pending = undefined;
      try {
        result = pending.settled(result, frame);
      } catch (e) {
        this.failed(e);
        return;
      }
    }
    let value: unknown;
    try {
      value = this.exit === undefined ? result : this.exit.exited(result, frame);
      for (;;) {
        const next = frame.next;
        if (next === null) break;
        // Counts states that finished in promise steps too (JSONata): those never reach a macrotask.
        if (mustYield(frame)) {
          this.pauseThen(value);
          return;
        }
        frame.next = null;
        const out = next.run(value, frame);
        if (out instanceof Promise) {
          this.exit = frame.pendingExit;
          frame.pendingExit = undefined;
          this.pending = frame.pendingStep;
          frame.pendingStep = undefined;
          out.then(this.onValue, this.onError);
          return;
        }
        value = out;
      }
    } catch (e) {
      this.reject(e);
      return;
    }
    this.resolve(value);
  }

  /** Continues with `value` at `frame.next` after one turn of the event loop. */
  private pauseThen(value: unknown): void {
    this.exit = undefined;
    this.pending = undefined;
    yieldToEventLoop(this.frame, value).then(this.onValue, this.onError);
  }

  private failed(error: unknown): void {
    const pending = this.pending;
    if (pending !== undefined) {
      this.pending = undefined;
      try {
        pending.rejected(error, this.frame);
      } catch (e) {
        error = e;
      }
    }
    const exit = this.exit;
    if (exit === undefined) {
      this.reject(error);
      return;
    }
    try {
      exit.failed(error, this.frame);
    } catch (e) {
      this.reject(e);
    }
  }
}

/** Applies `f` to a value that may be a promise, staying synchronous when it is not. */
export function andThen<T, R>(value: T | Promise<T>, f: (v: T) => R): R | Promise<Awaited<R>> {
  if (value instanceof Promise) return value.then(f) as Promise<Awaited<R>>;
  return f(value);
}
