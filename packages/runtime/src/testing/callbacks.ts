import { randomUUID } from "node:crypto";
import { StatesError } from "../errors.ts";
import { PartialStatesError } from "../engine/failure.ts";
import { resolvedTask } from "../tasks/resolve.ts";
import type { TaskResolver } from "../tasks/types.ts";
import { taskShape } from "../mocks/task-shape.ts";
import type { TestClock } from "./test-clock.ts";

/** A `.waitForTaskToken` task waiting for the test to answer it. */
export interface PendingCallback {
  readonly token: string;
  readonly stateName: string;
  readonly resource: string;
  /** The task's effective input (what the service would have been sent). */
  readonly input: unknown;
}

interface Waiter extends PendingCallback {
  /** This state's how-manieth callback invocation (0-based): its n-th task attempt in history. */
  readonly invocation: number;
  readonly resolve: (output: unknown) => void;
  readonly reject: (error: unknown) => void;
}

/** Thrown when a test answers a callback that is not waiting. */
export class CallbackNotWaitingError extends Error {
  override readonly name = "CallbackNotWaitingError";
}

/**
 * Callback tasks (`.waitForTaskToken`) the test answers itself, as SendTaskSuccess and
 * SendTaskFailure would. The engine's callback seam today is the handler: its result is the
 * callback's output, so a pending handler promise stands for the waiting task.
 */
export class CallbackRegistry {
  private readonly waiting: Waiter[] = [];
  private readonly dropped: PendingCallback[] = [];
  private readonly invocations = new Map<string, number>();

  constructor(private readonly clock: TestClock) {}

  /** Wraps `base`: callback resources it has no binding for wait for the test instead. */
  wrap(base: TaskResolver, isBound: (resource: string) => boolean): TaskResolver {
    return (resource, stateName) => {
      if (!resource.endsWith(".waitForTaskToken") || isBound(resource)) return base(resource, stateName);
      const shape = taskShape(resource);
      return resolvedTask(shape.kind, shape.resourceType, shape.resourceAction, (input, ctx) => {
        // The engine gives every callback task a token; a fallback keeps answering by state name possible.
        const token = ctx.taskToken ?? randomUUID();
        const invocation = this.invocations.get(stateName) ?? 0;
        this.invocations.set(stateName, invocation + 1);
        const pending = new Promise<unknown>((resolve, reject) => {
          const waiter: Waiter = { token, stateName, resource, input, invocation, resolve, reject };
          this.waiting.push(waiter);
          ctx.signal.addEventListener(
            "abort",
            () => {
              if (this.remove(waiter)) this.dropped.push({ token, stateName, resource, input });
            },
            { once: true },
          );
        });
        this.clock.expectCallbackHold(token);
        return pending;
      });
    };
  }

  /** Callbacks waiting now, oldest first. */
  pending(): PendingCallback[] {
    return this.waiting.map(({ token, stateName, resource, input }) => ({ token, stateName, resource, input }));
  }

  /** SendTaskSuccess: the task succeeds with `output` (JSON data, copied). */
  succeed(stateOrToken: string, output: unknown): void {
    const waiter = this.find(stateOrToken);
    let copy: unknown;
    try {
      copy = JSON.parse(JSON.stringify(output ?? null)) as unknown;
    } catch (e) {
      throw new TypeError(`sendTaskSuccess('${stateOrToken}', …): the output must be JSON data (${e instanceof Error ? e.message : String(e)})`);
    }
    this.remove(waiter);
    this.clock.callbackSettled(waiter.token);
    waiter.resolve(copy);
  }

  /** SendTaskFailure: the task fails with `error` and `cause` (either may be left out, as in AWS). */
  fail(stateOrToken: string, error?: string, cause?: string): void {
    const waiter = this.find(stateOrToken);
    this.remove(waiter);
    this.clock.callbackSettled(waiter.token);
    waiter.reject(error !== undefined && cause !== undefined ? new StatesError(error, cause) : new PartialStatesError(error, cause));
  }

  private find(stateOrToken: string): Waiter {
    const byToken = this.waiting.find((w) => w.token === stateOrToken);
    if (byToken !== undefined) return byToken;
    const byState = this.waiting.filter((w) => w.stateName === stateOrToken);
    if (byState.length === 1) return byState[0]!;
    const list = this.waiting.map((w) => `'${w.stateName}' (token ${w.token})`).join(", ");
    if (byState.length > 1) {
      throw new CallbackNotWaitingError(
        `${byState.length} callbacks of state '${stateOrToken}' are waiting (Map iterations or Parallel branches): answer one by its token: ${byState.map((w) => w.token).join(", ")}`,
      );
    }
    throw new CallbackNotWaitingError(
      `No callback task is waiting for '${stateOrToken}' (${list === "" ? "none is waiting" : `waiting: ${list}`}). ` +
        `Callbacks wait only while their state runs: await handle.waitForState('${stateOrToken}') first, and check the resource ends in .waitForTaskToken and has no handler or mock.`,
    );
  }

  /**
   * Forgets callbacks whose task no longer waits (it timed out, or its branch was aborted): the
   * engine abandons the handler's promise without telling it, so the history decides.
   * `isRunning(state, n)` says whether the state's n-th task attempt is still running.
   */
  prune(isRunning: (stateName: string, invocation: number) => boolean): void {
    for (const waiter of [...this.waiting]) {
      if (!isRunning(waiter.stateName, waiter.invocation)) {
        this.remove(waiter);
        this.dropped.push({ token: waiter.token, stateName: waiter.stateName, resource: waiter.resource, input: waiter.input });
      }
    }
  }

  /** Callbacks still waiting when the execution stopped (nobody answered them). */
  unanswered(): PendingCallback[] {
    return [...this.dropped];
  }

  private remove(waiter: Waiter): boolean {
    const i = this.waiting.indexOf(waiter);
    if (i < 0) return false;
    this.waiting.splice(i, 1);
    return true;
  }
}
