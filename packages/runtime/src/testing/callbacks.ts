import type { CallbackRegistry, PendingTask } from "../integrations/callback-registry.ts";
import { waitForCallback } from "../integrations/callback-resolver.ts";
import { resolvedTask } from "../tasks/resolve.ts";
import type { TaskResolver } from "../tasks/types.ts";
import { taskShape } from "../mocks/task-shape.ts";

/** A `.waitForTaskToken` task waiting for the test to answer it. */
export interface PendingCallback {
  readonly token: string;
  readonly stateName: string;
  readonly resource: string;
  /** The task's effective input (what the service would have been sent). */
  readonly input: unknown;
}

/** Thrown when a test answers a callback that is not waiting. */
export class CallbackNotWaitingError extends Error {
  override readonly name = "CallbackNotWaitingError";
}

/**
 * The test's side of the runtime's one {@link CallbackRegistry}: callback tasks nothing is bound
 * to wait there, and the test answers them by state name (or token). The engine expires a token
 * when its attempt ends (timeout, aborted branch, stopped execution); those are remembered so an
 * error can say nobody answered them.
 */
export class TestCallbacks {
  private readonly dropped: PendingCallback[] = [];

  constructor(readonly registry: CallbackRegistry) {}

  /** Wraps `base`: callback resources it has no binding for wait for the test instead. */
  wrap(base: TaskResolver, isBound: (resource: string) => boolean): TaskResolver {
    return (resource, stateName) => {
      if (!resource.endsWith(".waitForTaskToken") || isBound(resource)) return base(resource, stateName);
      const shape = taskShape(resource);
      return resolvedTask(shape.kind, shape.resourceType, shape.resourceAction, (input, ctx) => {
        const token = ctx.taskToken;
        // Listening before the registry does: when the attempt ends unanswered, it still waits here.
        if (token !== undefined) {
          (ctx.attemptSignal ?? ctx.signal).addEventListener(
            "abort",
            () => {
              const task = this.registry.get(token);
              if (task !== undefined) this.dropped.push(view(task));
            },
            { once: true },
          );
        }
        return waitForCallback(this.registry, undefined, input, ctx);
      });
    };
  }

  /** Callbacks waiting now, oldest first. */
  pending(): PendingCallback[] {
    return this.registry.pending().map(view);
  }

  /** SendTaskSuccess: the task succeeds with `output` (JSON data, copied). */
  succeed(stateOrToken: string, output: unknown): void {
    const token = this.find(stateOrToken);
    try {
      JSON.stringify(output ?? null);
    } catch (e) {
      throw new TypeError(`sendTaskSuccess('${stateOrToken}', …): the output must be JSON data (${e instanceof Error ? e.message : String(e)})`);
    }
    this.registry.sendTaskSuccess(token, output ?? null);
  }

  /** SendTaskFailure: the task fails with `error` and `cause` (either may be left out, as in AWS). */
  fail(stateOrToken: string, error?: string, cause?: string): void {
    this.registry.sendTaskFailure(this.find(stateOrToken), error, cause);
  }

  /** SendTaskHeartbeat for the callback of a state (or a token). */
  heartbeat(stateOrToken: string): void {
    this.registry.sendTaskHeartbeat(this.find(stateOrToken));
  }

  /** Whether `stateOrToken` names exactly one waiting callback (by token, or by its state's name). */
  isWaiting(stateOrToken: string): boolean {
    const waiting = this.registry.pending();
    return waiting.some((w) => w.token === stateOrToken) || waiting.filter((w) => w.stateName === stateOrToken).length === 1;
  }

  /** Callbacks still waiting when their attempt or the execution ended (nobody answered them). */
  unanswered(): PendingCallback[] {
    return [...this.dropped];
  }

  private find(stateOrToken: string): string {
    const waiting = this.registry.pending();
    if (waiting.some((w) => w.token === stateOrToken)) return stateOrToken;
    const byState = waiting.filter((w) => w.stateName === stateOrToken);
    if (byState.length === 1) return byState[0]!.token;
    if (byState.length > 1) {
      throw new CallbackNotWaitingError(
        `${byState.length} callbacks of state '${stateOrToken}' are waiting (Map iterations or Parallel branches): answer one by its token: ${byState.map((w) => w.token).join(", ")}`,
      );
    }
    const list = waiting.map((w) => `'${w.stateName}' (token ${w.token})`).join(", ");
    throw new CallbackNotWaitingError(
      `No callback task is waiting for '${stateOrToken}' (${list === "" ? "none is waiting" : `waiting: ${list}`}). ` +
        `Callbacks wait only while their state runs: await handle.waitForState('${stateOrToken}') first, and check the resource ends in .waitForTaskToken and has no handler or mock.`,
    );
  }
}

function view(task: PendingTask): PendingCallback {
  return { token: task.token, stateName: task.stateName, resource: task.resource, input: task.input };
}

