import { StatesError } from "../errors.ts";
import { PartialStatesError } from "../engine/failure.ts";
import { jsonByteSize, MAX_PAYLOAD_BYTES } from "../tasks/payload-size.ts";
import { invalidOutput, invalidToken, taskDoesNotExist, taskTimedOut } from "./callback-errors.ts";
import type { AbortSignalLike } from "../abort-signal.ts";

/** A task waiting for SendTaskSuccess/SendTaskFailure. */
export interface PendingTask {
  readonly token: string;
  readonly stateName: string;
  readonly resource: string;
  /** What the task was sent (its effective input). */
  readonly input: unknown;
  /** When it started waiting (epoch ms, on the registry's clock). */
  readonly since: number;
  /** When it last sent a heartbeat (epoch ms), if it has. */
  readonly lastHeartbeat: number | undefined;
}

/** What a waiting task is registered with. */
export interface CallbackWaitOptions {
  readonly stateName: string;
  readonly resource: string;
  readonly input: unknown;
  /** Aborted when the execution stops: the token then answers TaskTimedOut. */
  readonly signal?: AbortSignalLike;
  /** Resets the engine's HeartbeatSeconds timer (the task context's `heartbeat`). */
  readonly heartbeat?: (() => void) | undefined;
}

/** Options of a {@link CallbackRegistry}. */
export interface CallbackRegistryOptions {
  /** Clock for `since` and heartbeat times (a VirtualClock's `now` keeps them virtual). @default Date.now */
  readonly now?: () => number;
  /** Largest accepted output; larger ones are InvalidOutput. @default 262144 (256 KiB, like AWS) */
  readonly maxPayloadBytes?: number;
}

interface Waiter {
  task: PendingTask;
  readonly resolve: (output: unknown) => void;
  readonly reject: (error: unknown) => void;
  readonly heartbeat: (() => void) | undefined;
  readonly detach: () => void;
}

type Listener<T> = (value: T) => void;

/** AWS accepts tokens of 1 to 2,048 characters. */
const MAX_TOKEN_LENGTH = 2048;

/**
 * Task tokens waiting for an answer, as Step Functions keeps them: `.waitForTaskToken` tasks of
 * any service and activity tasks register here, and SendTaskSuccess/Failure/Heartbeat answer
 * them by token. One registry serves a runtime (or a test); it knows nothing of the engine, so
 * the engine can later own one and call it directly.
 */
export class CallbackRegistry {
  private readonly waiting = new Map<string, Waiter>();
  /** Tokens whose task ended: answering them is TaskTimedOut, as in AWS. */
  private readonly closed = new Set<string>();
  private readonly pendingListeners = new Set<Listener<PendingTask>>();
  private readonly heartbeatListeners = new Set<Listener<PendingTask>>();
  private readonly now: () => number;
  private readonly maxPayloadBytes: number;

  constructor(options: CallbackRegistryOptions = {}) {
    this.now = options.now ?? Date.now;
    this.maxPayloadBytes = options.maxPayloadBytes ?? MAX_PAYLOAD_BYTES;
  }

  /**
   * Registers a task under `token` and returns the promise of its answer: the output of
   * SendTaskSuccess, or a StatesError from SendTaskFailure. A malformed token throws at once
   * (InvalidToken): it is a caller bug, not a task outcome.
   */
  wait(token: string, options: CallbackWaitOptions): Promise<unknown> {
    checkToken(token);
    if (this.waiting.has(token) || this.closed.has(token)) {
      return Promise.reject(new StatesError("States.Runtime", `The task token '${token}' is already in use`));
    }
    if (options.signal?.aborted === true) {
      this.closed.add(token);
      return Promise.reject(new StatesError("States.Runtime", "The execution stopped before the task could wait"));
    }
    return new Promise<unknown>((resolve, reject) => {
      const onAbort = (): void => this.end(token)?.reject(new StatesError("States.Runtime", "The execution stopped while the task waited"));
      options.signal?.addEventListener("abort", onAbort, { once: true });
      const task: PendingTask = { token, stateName: options.stateName, resource: options.resource, input: options.input, since: this.now(), lastHeartbeat: undefined };
      this.waiting.set(token, { task, resolve, reject, heartbeat: options.heartbeat, detach: () => options.signal?.removeEventListener("abort", onAbort) });
      for (const l of [...this.pendingListeners]) l(task);
    });
  }

  /** SendTaskSuccess: `output` (JSON data, copied) becomes the task's result. */
  sendTaskSuccess(token: string, output: unknown): void {
    this.live(token);
    const copy = this.checkedOutput(output);
    this.end(token)!.resolve(copy);
  }

  /** SendTaskFailure: the task fails with `error` and `cause`; either may be left out, as in AWS. */
  sendTaskFailure(token: string, error?: string, cause?: string): void {
    this.live(token);
    // AWS caps Error at 256 and Cause at 32,768 characters; longer ones are refused.
    if (error !== undefined && error.length > 256) throw invalidOutput("error must be at most 256 characters");
    if (cause !== undefined && cause.length > 32_768) throw invalidOutput("cause must be at most 32768 characters");
    this.end(token)!.reject(error !== undefined && cause !== undefined ? new StatesError(error, cause) : new PartialStatesError(error, cause));
  }

  /** SendTaskHeartbeat: records the time, resets the engine's HeartbeatSeconds timer, tells listeners. */
  sendTaskHeartbeat(token: string): void {
    const waiter = this.live(token);
    waiter.task = { ...waiter.task, lastHeartbeat: this.now() };
    waiter.heartbeat?.();
    for (const l of [...this.heartbeatListeners]) l(waiter.task);
  }

  /**
   * Ends a task without an answer (its TimeoutSeconds/HeartbeatSeconds expired, or its branch
   * was aborted): later answers get TaskTimedOut. The engine hook for per-attempt endings.
   */
  expire(token: string): void {
    this.end(token)?.reject(new StatesError("States.Runtime", "The task ended while waiting for its callback"));
    this.closed.add(token);
  }

  /** Forgets a task whose work failed before it could be answered (its token stays closed). */
  cancel(token: string): void {
    const waiter = this.waiting.get(token);
    if (waiter === undefined) return;
    waiter.detach();
    this.waiting.delete(token);
    this.closed.add(token);
  }

  /** Tasks waiting now, oldest first. */
  pending(): PendingTask[] {
    return [...this.waiting.values()].map((w) => w.task);
  }

  /** The waiting task with this token. */
  get(token: string): PendingTask | undefined {
    return this.waiting.get(token)?.task;
  }

  /**
   * Resolves with the first waiting task that matches (a state name, or a predicate), now or once
   * one registers: lets a test or a worker answer a task it cannot know the token of in advance.
   */
  waitForPending(match: string | ((task: PendingTask) => boolean) = () => true, signal?: AbortSignalLike): Promise<PendingTask> {
    const test = typeof match === "string" ? (t: PendingTask) => t.stateName === match : match;
    const found = this.pending().find(test);
    if (found !== undefined) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const stop = (): void => {
        this.pendingListeners.delete(listener);
        reject(signal?.reason ?? new Error("aborted"));
      };
      const listener = (task: PendingTask): void => {
        if (!test(task)) return;
        this.pendingListeners.delete(listener);
        signal?.removeEventListener("abort", stop);
        resolve(task);
      };
      if (signal?.aborted === true) return stop();
      signal?.addEventListener("abort", stop, { once: true });
      this.pendingListeners.add(listener);
    });
  }

  /** Calls `listener` on every heartbeat; returns the unsubscribe function. */
  onHeartbeat(listener: (task: PendingTask) => void): () => void {
    this.heartbeatListeners.add(listener);
    return () => this.heartbeatListeners.delete(listener);
  }

  /** Calls `listener` whenever a task starts waiting; returns the unsubscribe function. */
  onPending(listener: (task: PendingTask) => void): () => void {
    this.pendingListeners.add(listener);
    return () => this.pendingListeners.delete(listener);
  }

  private live(token: string): Waiter {
    checkToken(token);
    const waiter = this.waiting.get(token);
    if (waiter !== undefined) return waiter;
    throw this.closed.has(token) ? taskTimedOut() : taskDoesNotExist(token);
  }

  private end(token: string): Waiter | undefined {
    const waiter = this.waiting.get(token);
    if (waiter === undefined) return undefined;
    waiter.detach();
    this.waiting.delete(token);
    this.closed.add(token);
    return waiter;
  }

  private checkedOutput(output: unknown): unknown {
    let text: string | undefined;
    try {
      text = JSON.stringify(output);
    } catch (e) {
      throw invalidOutput(e instanceof Error ? e.message : String(e));
    }
    if (text === undefined) throw invalidOutput("the output must be JSON data");
    const value = JSON.parse(text) as unknown;
    if (jsonByteSize(value) > this.maxPayloadBytes) throw invalidOutput(`the output is larger than ${this.maxPayloadBytes} bytes`);
    return value;
  }
}

function checkToken(token: unknown): asserts token is string {
  if (typeof token !== "string" || token.length === 0 || token.length > MAX_TOKEN_LENGTH) throw invalidToken();
}
