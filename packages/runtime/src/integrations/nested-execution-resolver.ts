import { randomUUID } from "node:crypto";
import { StatesError } from "../errors.ts";
import { resolvedTask } from "../tasks/resolve.ts";
import type { TaskCallContext, TaskResolver } from "../tasks/types.ts";
import { startExecutionRequest } from "./start-execution-input.ts";
import type { NestedExecution, StateMachineRegistry } from "./state-machine-registry.ts";

const START_EXECUTION = /^arn:aws[a-zA-Z-]*:states:::states:startExecution(\.sync(:2)?|\.waitForTaskToken)?$/;

/**
 * Binds `states:startExecution` Tasks to the registry's machines and everything else to `base`.
 * Request-response (and `.waitForTaskToken`, whose waiting a callback wrapper adds) answers once
 * the child has started; `.sync`/`.sync:2` wait for it and fail with States.TaskFailed when it
 * does not succeed.
 */
export function nestedExecutionResolver(registry: StateMachineRegistry, base: TaskResolver): TaskResolver {
  return (resource, stateName) => {
    const m = START_EXECUTION.exec(resource);
    if (m === null) return base(resource, stateName);
    const suffix = m[1] ?? "";
    const action = `startExecution${suffix}`;
    if (suffix === ".sync" || suffix === ".sync:2") {
      const form = suffix === ".sync:2" ? "json" : "text";
      return resolvedTask("service", "states", action, (input, ctx) => runToCompletion(start(registry, input, resource, ctx), ctx, form));
    }
    return resolvedTask("service", "states", action, (input, ctx) => startResponse(start(registry, input, resource, ctx)));
  };
}

function start(registry: StateMachineRegistry, parameters: unknown, resource: string, ctx: TaskCallContext): NestedExecution {
  const request = startExecutionRequest(parameters, resource);
  // The child keeps the parent's time (one virtual timeline for the whole tree).
  return registry.start(request.stateMachineArn, request.input, request.name, ctx.clock);
}

/** StartExecution's response as the optimized integration returns it. */
function startResponse(child: NestedExecution): Record<string, unknown> {
  const requestId = randomUUID();
  return {
    ExecutionArn: child.executionArn,
    SdkHttpMetadata: {
      AllHttpHeaders: { "x-amzn-RequestId": [requestId], "Content-Type": ["application/x-amz-json-1.0"] },
      HttpHeaders: { "Content-Type": "application/x-amz-json-1.0", "x-amzn-RequestId": requestId },
      HttpStatusCode: 200,
    },
    SdkResponseMetadata: { RequestId: requestId },
    StartDate: child.startDate,
  };
}

/** `.sync`: the child's description once it ends; stopping the parent stops the child, as AWS does. */
async function runToCompletion(child: NestedExecution, ctx: TaskCallContext, form: "text" | "json"): Promise<unknown> {
  const stop = (): void => child.execution.abort();
  // The attempt ending (timeout, an aborted branch, the parent stopping) stops the child, as AWS does.
  const signal = ctx.attemptSignal ?? ctx.signal;
  signal.addEventListener("abort", stop, { once: true });
  ctx.submitted?.(startResponse(child));
  // The child runs on its own: the parent's time must not stand still while it does.
  ctx.awaitingExternal?.();
  const result = await child.result;
  signal.removeEventListener("abort", stop);
  const description = child.describe(form);
  if (result.status === "SUCCEEDED") return description;
  throw new StatesError("States.TaskFailed", JSON.stringify(description));
}
