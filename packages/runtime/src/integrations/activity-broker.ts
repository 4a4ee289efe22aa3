import { randomUUID } from "node:crypto";
import { RealClock } from "../engine/clock.ts";
import type { Clock, Timer } from "../engine/clock.ts";
import type { TaskCallContext } from "../tasks/types.ts";
import type { CallbackRegistry } from "./callback-registry.ts";
import type { AbortSignalLike } from "../abort-signal.ts";

/** What GetActivityTask hands a worker. */
export interface ActivityTask {
  readonly taskToken: string;
  /** The task's input as JSON text, as GetActivityTask returns it. */
  readonly input: string;
}

/** A worker took a task: the moment AWS records ActivityStarted. */
export interface ActivityStart {
  readonly activityArn: string;
  readonly taskToken: string;
  readonly stateName: string;
  readonly workerName: string | undefined;
}

/** Options of an {@link ActivityBroker}. */
export interface ActivityBrokerOptions {
  /** Clock the long poll waits on. @default a RealClock */
  readonly clock?: Clock;
  /** How long `getActivityTask` waits for a task before answering `null`. @default 60 (AWS's long poll) */
  readonly pollTimeoutSeconds?: number;
}

interface Queued {
  readonly token: string;
  readonly stateName: string;
  readonly input: unknown;
  /** Tells the engine a worker took the task (ActivityStarted). */
  readonly started: ((workerName?: string) => void) | undefined;
}

interface Poller {
  readonly workerName: string | undefined;
  readonly take: (task: Queued) => void;
}

export { ACTIVITY_ARN } from "../tasks/activity-arn.ts";

/**
 * Activities as Step Functions runs them: a Task on an activity ARN queues its input, a worker
 * takes it with `getActivityTask` (a long poll) and answers through the shared
 * {@link CallbackRegistry} (SendTaskSuccess/Failure/Heartbeat by the token it got).
 */
export class ActivityBroker {
  private readonly queues = new Map<string, Queued[]>();
  private readonly pollers = new Map<string, Poller[]>();
  private readonly startListeners = new Set<(start: ActivityStart) => void>();
  private readonly clock: Clock;
  private readonly pollMs: number;

  constructor(
    readonly callbacks: CallbackRegistry,
    options: ActivityBrokerOptions = {},
  ) {
    this.clock = options.clock ?? new RealClock();
    this.pollMs = (options.pollTimeoutSeconds ?? 60) * 1000;
  }

  /**
   * Queues a task for the activity and resolves with the worker's answer (the engine-facing half).
   * The token is `ctx.taskToken` when the caller made one (a durable host makes it from where the
   * task is, so a restart hands out the same token), else a random UUID.
   */
  schedule(activityArn: string, input: unknown, ctx: TaskCallContext): Promise<unknown> {
    const token = ctx.taskToken ?? randomUUID();
    const answer = this.callbacks.wait(token, {
      stateName: ctx.stateName,
      resource: activityArn,
      input,
      signal: ctx.attemptSignal ?? ctx.signal,
      heartbeat: () => ctx.heartbeat?.(),
    });
    const task: Queued = { token, stateName: ctx.stateName, input, started: ctx.started === undefined ? undefined : (worker) => ctx.started?.(worker) };
    const poller = this.pollers.get(activityArn)?.shift();
    if (poller !== undefined) {
      poller.take(task);
    } else {
      const queue = this.queues.get(activityArn) ?? [];
      queue.push(task);
      this.queues.set(activityArn, queue);
    }
    return answer;
  }

  /**
   * GetActivityTask: the oldest task waiting for this activity, or — once one is scheduled — the
   * next; `null` after the poll timeout. Rejects with the signal's reason when aborted.
   */
  getActivityTask(activityArn: string, workerName?: string, signal?: AbortSignalLike): Promise<ActivityTask | null> {
    if (signal?.aborted === true) return Promise.reject(signal.reason);
    const queued = this.next(activityArn);
    if (queued !== undefined) return Promise.resolve(this.started(activityArn, workerName, queued));
    return new Promise((resolve, reject) => {
      let timer: Timer | undefined = undefined;
      const leave = (): void => {
        const list = this.pollers.get(activityArn) ?? [];
        const i = list.indexOf(poller);
        if (i >= 0) list.splice(i, 1);
        timer?.cancel();
        signal?.removeEventListener("abort", onAbort);
      };
      const onAbort = (): void => {
        leave();
        reject(signal?.reason);
      };
      const poller: Poller = {
        workerName,
        take: (task) => {
          leave();
          resolve(this.started(activityArn, workerName, task));
        },
      };
      const list = this.pollers.get(activityArn) ?? [];
      list.push(poller);
      this.pollers.set(activityArn, list);
      signal?.addEventListener("abort", onAbort, { once: true });
      timer = this.clock.sleep(this.pollMs);
      void timer.done.then(() => {
        leave();
        resolve(null);
      });
    });
  }

  /** Tasks queued and not yet taken (tasks of stopped executions are dropped). */
  queued(activityArn: string): number {
    return (this.queues.get(activityArn) ?? []).filter((t) => this.callbacks.get(t.token) !== undefined).length;
  }

  /** Calls `listener` each time a worker takes a task; returns the unsubscribe function. */
  onTaskStarted(listener: (start: ActivityStart) => void): () => void {
    this.startListeners.add(listener);
    return () => this.startListeners.delete(listener);
  }

  /** The oldest queued task whose execution still waits for it. */
  private next(activityArn: string): Queued | undefined {
    const queue = this.queues.get(activityArn);
    while (queue !== undefined && queue.length > 0) {
      const task = queue.shift()!;
      if (this.callbacks.get(task.token) !== undefined) return task;
    }
    return undefined;
  }

  private started(activityArn: string, workerName: string | undefined, task: Queued): ActivityTask {
    task.started?.(workerName);
    for (const l of [...this.startListeners]) l({ activityArn, taskToken: task.token, stateName: task.stateName, workerName });
    return { taskToken: task.token, input: JSON.stringify(task.input ?? null) };
  }
}
