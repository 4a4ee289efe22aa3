import { StatesError } from "../errors.ts";
import { taskShape } from "../mocks/task-shape.ts";
import { resolvedTask } from "../tasks/resolve.ts";
import type { ResolvedTask, TaskCallContext, TaskResolver } from "../tasks/types.ts";
import type { CallbackRegistry } from "./callback-registry.ts";

/** Options of {@link callbackResolver}. */
export interface CallbackResolverOptions {
  /**
   * A `.waitForTaskToken` resource with no handler: `wait` for an answer anyway (nothing is
   * sent; a test or worker answers through the registry) or `fail` as an unbound task.
   * @default "wait"
   */
  readonly unbound?: "wait" | "fail";
}

/**
 * Wraps a resolver so `.waitForTaskToken` tasks of any service wait for their callback: the
 * bound handler (the SQS send, the Lambda invoke…) runs first with `ctx.taskToken` — its failure
 * fails the task — and then the registry's answer, not the handler's return value, is the result.
 */
export function callbackResolver(registry: CallbackRegistry, base: TaskResolver, options: CallbackResolverOptions = {}): TaskResolver {
  return (resource, stateName) => {
    const inner = base(resource, stateName);
    if (!resource.endsWith(".waitForTaskToken")) return inner;
    // The built-in binding marks resources it has no handler for as `unbound`.
    const unbound = inner.resourceType === "unbound";
    if (unbound && options.unbound === "fail") return inner;
    const shape = unbound ? taskShape(resource) : inner;
    const send = unbound ? undefined : inner;
    return resolvedTask(shape.kind, shape.resourceType, shape.resourceAction, (input, ctx) => waitForCallback(registry, send, input, ctx));
  };
}

/**
 * Wraps a resolver so `.waitForTaskToken` tasks nothing is bound to wait for SendTaskSuccess /
 * SendTaskFailure on the registry (the engine's default). Bound handlers keep their meaning: their
 * result is the callback's output. `isBound` says which are bound (default: not the built-in
 * binding's `unbound` stand-in).
 */
export function unboundCallbacks(
  registry: CallbackRegistry,
  base: TaskResolver,
  isBound: (resource: string, task: ResolvedTask) => boolean = (_resource, task) => task.resourceType !== "unbound",
): TaskResolver {
  return (resource, stateName) => {
    const inner = base(resource, stateName);
    if (!resource.endsWith(".waitForTaskToken") || isBound(resource, inner)) return inner;
    const shape = taskShape(resource);
    return resolvedTask(shape.kind, shape.resourceType, shape.resourceAction, (input, ctx) => waitForCallback(registry, undefined, input, ctx));
  };
}

/** Registers the token, runs the sending handler, then waits for SendTaskSuccess/Failure. */
export function waitForCallback(registry: CallbackRegistry, send: ResolvedTask | undefined, input: unknown, ctx: TaskCallContext): Promise<unknown> {
  const token = ctx.taskToken;
  if (token === undefined) {
    return Promise.reject(new StatesError("States.Runtime", `The Task state '${ctx.stateName}' has no task token: only .waitForTaskToken resources get one`));
  }
  // Registered before the handler runs: a handler may answer at once (a worker listening in-process).
  const answer = registry.wait(token, {
    stateName: ctx.stateName,
    resource: ctx.resource,
    input,
    signal: ctx.attemptSignal ?? ctx.signal,
    heartbeat: () => ctx.heartbeat?.(),
  });
  let sent: unknown;
  try {
    sent = send?.invoke(input, ctx);
  } catch (e) {
    registry.cancel(token);
    answer.catch(() => undefined);
    return Promise.reject(e);
  }
  return Promise.resolve(sent).then(
    (response: unknown) => {
      // The send went through (TaskSubmitted); from now on the task waits for someone outside
      // the engine, so virtual time may move (sibling Waits, TimeoutSeconds, the execution timeout).
      if (send !== undefined) ctx.submitted?.(response ?? {});
      ctx.awaitingExternal?.();
      return answer;
    },
    (e: unknown) => {
      registry.cancel(token);
      answer.catch(() => undefined);
      throw e;
    },
  );
}
