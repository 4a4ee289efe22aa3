import { describe, expect, it } from "vitest";
import { prepareStateMachine } from "./machine.ts";
import type { HistoryEvent } from "./history.ts";

// The block runner has a synchronous loop and, once a state goes asynchronous, a flat
// continuation (one promise step per awaited state; the state's exit runs in that step). The
// same machine with synchronous and with asynchronous handlers must give identical results and
// identical histories.
const FN = "arn:aws:lambda:us-east-1:123456789012:function:f";
const definition = {
  StartAt: "T1",
  States: {
    T1: { Type: "Task", Resource: FN, Parameters: { "n.$": "$.n", step: 1 }, ResultPath: "$.a", Next: "P" },
    P: { Type: "Pass", Parameters: { "n.$": "$.n", "a.$": "$.a", "items.$": "$.items" }, Next: "T2" },
    T2: {
      Type: "Task",
      Resource: FN,
      Parameters: { "n.$": "$.n", step: 2, fail: true },
      Catch: [{ ErrorEquals: ["States.ALL"], ResultPath: "$.err", Next: "W" }],
      Next: "W",
    },
    W: { Type: "Wait", Seconds: 5, Next: "Par" },
    Par: {
      Type: "Parallel",
      Branches: [
        // One branch each: concurrent branches interleave differently when they go asynchronous.
        { StartAt: "B1", States: { B1: { Type: "Task", Resource: FN, Parameters: { n: 1, step: 3 }, ResultPath: "$.b", Next: "B2" }, B2: { Type: "Pass", End: true } } },
      ],
      Next: "M",
    },
    M: {
      Type: "Map",
      ItemsPath: "$[0].items",
      MaxConcurrency: 1,
      ItemSelector: { "i.$": "$$.Map.Item.Index" },
      ItemProcessor: { StartAt: "MT", States: { MT: { Type: "Task", Resource: FN, Parameters: { "n.$": "$.i", step: 4 }, End: true } } },
      End: true,
    },
  },
};

function handler(async: boolean) {
  return (input: unknown): unknown => {
    const event = input as { n: number; step: number; fail?: boolean };
    if (event.fail === true) {
      const error = new Error("boom");
      error.name = "Custom";
      error.stack = "Custom: boom"; // the Cause carries the trace: keep it the same for both
      if (async) return Promise.reject(error);
      throw error;
    }
    const result = { seen: event.n * 10 + event.step };
    return async ? Promise.resolve(result) : result;
  };
}

/** History without timestamps that depend on nothing but the virtual clock (kept) — ids, types and details. */
function shape(history: HistoryEvent[]): unknown[] {
  return history.map((e) => ({ ...e, timestamp: e.timestamp.getTime() }));
}

describe("runBlock", () => {
  it("gives identical results and histories whether states finish synchronously or not", async () => {
    const startTime = new Date("2024-01-01T00:00:00Z");
    const run = async (async: boolean) => {
      const exec = prepareStateMachine(definition, { tasks: { [FN]: handler(async) } }).start({ n: 4, items: [1, 2, 3] }, { name: "x", startTime });
      return { result: await exec.result, history: shape(exec.history) };
    };
    const sync = await run(false);
    const async = await run(true);
    expect(sync.result).toMatchObject({ status: "SUCCEEDED", output: [{ seen: 4 }, { seen: 14 }, { seen: 24 }] });
    expect(async).toEqual(sync);
  });

  it("words an asynchronous failure like a synchronous one and fails the execution", async () => {
    const def = { StartAt: "T", States: { T: { Type: "Task", Resource: FN, Parameters: { n: 1, step: 1, fail: true }, End: true } } };
    const run = async (async: boolean) => {
      const exec = prepareStateMachine(def, { tasks: { [FN]: handler(async) } }).start({}, { name: "x", startTime: new Date(0) });
      return { result: await exec.result, history: shape(exec.history) };
    };
    const sync = await run(false);
    expect(sync.result).toMatchObject({ status: "FAILED", error: "Custom" });
    expect(await run(true)).toEqual(sync);
  });
});
