import { describe, expect, it } from "vitest";
import { prepareStateMachine } from "../engine/machine.ts";
import { createTaskResolver } from "../tasks/resolve.ts";
import type { TaskHandler, TaskResolver } from "../tasks/types.ts";

// A bare-Lambda Task without Retry/Catch/deadlines (outside Parallel/Map) is finished by the
// block runner in the handler's own promise step (TaskSplit + PendingStep) instead of through
// `invoke`'s then-chain. Wrapping the resolved task's `invoke` hides the split, which forces the
// general path on the same definition: results and histories must be identical.
const FN = "arn:aws:lambda:us-east-1:123456789012:function:f";

type Mode = "value" | "throw" | "big";

function handler(async: boolean): TaskHandler {
  return (input) => {
    const event = input as { n: number; mode?: Mode };
    let result: unknown;
    if (event.mode === "throw") {
      const error = new TypeError("no");
      error.stack = "TypeError: no";
      if (async) return Promise.reject(error);
      throw error;
    }
    // Over 256 KiB: the result check fails with States.DataLimitExceeded.
    if (event.mode === "big") result = { s: "x".repeat(300 * 1024) };
    else result = event.n === 3 ? event : { n: event.n + 1, mode: event.mode };
    return async ? Promise.resolve(result) : result;
  };
}

function definition(mode: Mode, guard: "none" | "catch" | "retry") {
  const task = (next: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
    Type: "Task",
    Resource: FN,
    Parameters: { "n.$": "$.n", "mode.$": "$.mode" },
    ResultSelector: { "n.$": "$.n", "mode.$": "$.mode" },
    ...extra,
    ...next,
  });
  const guardFields =
    guard === "catch"
      ? { Catch: [{ ErrorEquals: ["States.ALL"], ResultPath: "$.err", Next: "Done" }] }
      : guard === "retry"
        ? { Retry: [{ ErrorEquals: ["States.ALL"], MaxAttempts: 1, IntervalSeconds: 1 }] }
        : {};
  return {
    StartAt: "A",
    States: {
      A: task({ Next: "B" }),
      B: task({ Next: "C" }, { ResultPath: "$.b", OutputPath: "$.b" }),
      C: task({ Next: "Done" }, guardFields),
      Done: { Type: "Pass", Parameters: { "last.$": "$" }, End: true },
    },
    _mode: mode,
  };
}

async function run(mode: Mode, guard: "none" | "catch" | "retry", async: boolean, split: boolean) {
  const base = createTaskResolver({ tasks: { [FN]: handler(async) }, lambdaErrorFormat: "nodejs", region: "us-east-1", accountId: "123456789012" });
  const resolveTask: TaskResolver = split
    ? base
    : (resource, stateName) => {
        const task = base(resource, stateName);
        return { ...task, invoke: (input, ctx) => task.invoke(input, ctx) };
      };
  const { _mode: _ignored, ...def } = definition(mode, guard);
  const exec = prepareStateMachine(def, { resolveTask }).start({ n: 1, mode }, { name: "x", startTime: new Date(0) });
  const result = await exec.result;
  return { result, history: exec.history.map((e) => ({ ...e, timestamp: e.timestamp.getTime() })) };
}

describe("Task finished in the handler's promise step (split path)", () => {
  for (const async of [false, true]) {
    for (const guard of ["none", "catch", "retry"] as const) {
      for (const mode of ["value", "throw", "big"] as const) {
        it(`matches the general path: ${async ? "async" : "sync"} handler, ${mode}, ${guard}`, async () => {
          const fast = await run(mode, guard, async, true);
          const general = await run(mode, guard, async, false);
          expect(fast).toEqual(general);
          if (mode === "value") expect(fast.result.status).toBe("SUCCEEDED");
          else if (guard !== "catch") expect(fast.result.status).toBe("FAILED");
        });
      }
    }
  }

  it("returns the handler's frozen event as the state's data (identity handler)", async () => {
    const identity: TaskHandler = async (event) => event;
    const def = { StartAt: "A", States: { A: { Type: "Task", Resource: FN, Next: "B" }, B: { Type: "Task", Resource: FN, End: true } } };
    const exec = prepareStateMachine(def, { tasks: { [FN]: identity } }).start({ a: { b: [1, 2] } });
    expect(await exec.result).toEqual({ status: "SUCCEEDED", output: { a: { b: [1, 2] } } });
    expect(exec.history.map((e) => e.type)).toEqual([
      "ExecutionStarted",
      "TaskStateEntered",
      "LambdaFunctionScheduled",
      "LambdaFunctionStarted",
      "LambdaFunctionSucceeded",
      "TaskStateExited",
      "TaskStateEntered",
      "LambdaFunctionScheduled",
      "LambdaFunctionStarted",
      "LambdaFunctionSucceeded",
      "TaskStateExited",
      "ExecutionSucceeded",
    ]);
  });
});
