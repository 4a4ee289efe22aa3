import { describe, expect, it } from "vitest";
import { prepareStateMachine } from "../engine/machine.ts";
import type { HistoryEvent } from "../engine/history.ts";

// A Task without TimeoutSeconds/HeartbeatSeconds (and with a synchronous effective input) skips
// the deadline readers: it must behave exactly like the general path, which a TimeoutSeconds
// that never expires forces (its only trace is `timeoutInSeconds` in the Scheduled event).
const FN = "arn:aws:lambda:us-east-1:123456789012:function:f";

function machine(withTimeout: boolean) {
  const state = (next: Record<string, unknown>) => ({
    Type: "Task",
    Resource: FN,
    Parameters: { "n.$": "$.n", "ctx.$": "$$.State.Name" },
    ResultSelector: { "m.$": "$.m" },
    ResultPath: "$.r",
    Assign: { "last.$": "$.m" },
    ...(withTimeout ? { TimeoutSeconds: 999999 } : {}),
    ...next,
  });
  return {
    StartAt: "A",
    States: {
      A: state({ Next: "B" }),
      B: state({ Catch: [{ ErrorEquals: ["States.ALL"], ResultPath: "$.err", Next: "C" }], Parameters: { fail: true }, Next: "C" }),
      C: state({ End: true }),
    },
  };
}

const handlers = (async: boolean) => ({
  [FN]: (input: unknown): unknown => {
    const event = input as { n?: number; fail?: boolean };
    if (event.fail === true) {
      const error = new Error("no");
      error.stack = "Error: no";
      if (async) return Promise.reject(error);
      throw error;
    }
    const result = { m: (event.n ?? 0) + 1 };
    return async ? Promise.resolve(result) : result;
  },
});

function withoutTimeoutDetail(history: HistoryEvent[]): unknown[] {
  return history.map((e) => {
    const out: Record<string, unknown> = { ...e, timestamp: e.timestamp.getTime() };
    const details = out["lambdaFunctionScheduledEventDetails"] as Record<string, unknown> | undefined;
    if (details !== undefined) {
      const { timeoutInSeconds: _ignored, ...rest } = details;
      out["lambdaFunctionScheduledEventDetails"] = rest;
    }
    return out;
  });
}

describe("Task without deadlines (fast path)", () => {
  for (const async of [false, true]) {
    it(`matches the general path (${async ? "asynchronous" : "synchronous"} handler)`, async () => {
      const run = async (withTimeout: boolean) => {
        const exec = prepareStateMachine(machine(withTimeout), { tasks: handlers(async) }).start({ n: 1 }, { name: "x", startTime: new Date(0) });
        return { result: await exec.result, history: withoutTimeoutDetail(exec.history) };
      };
      const fast = await run(false);
      const general = await run(true);
      expect(fast.result).toMatchObject({ status: "SUCCEEDED" });
      expect(fast).toEqual(general);
    });
  }
});
