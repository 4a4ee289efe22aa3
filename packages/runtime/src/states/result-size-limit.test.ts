import { describe, expect, it } from "vitest";
import { runExecution } from "../index.ts";

// A Map's or Parallel's results together may pass 256 KiB although each child's output is small:
// the state fails with States.DataLimitExceeded (catchable), not the execution at its end.

const tooLarge = (state: string) => `The state/task '${state}' returned a result with a size exceeding the maximum number of bytes service limit.`;
const pad = "y".repeat(30 * 1024);
const map = (extra: Record<string, unknown> = {}) => ({
  StartAt: "M",
  States: {
    M: {
      Type: "Map",
      ItemsPath: "$.items",
      ItemSelector: { "pad.$": "$$.Execution.Input.pad" },
      ItemProcessor: { StartAt: "P", States: { P: { Type: "Pass", End: true } } },
      ...extra,
      End: true,
    },
    ...(extra["Catch"] === undefined ? {} : { Caught: { Type: "Pass", End: true } }),
  },
});
const tenItems = { pad, items: Array.from({ length: 10 }, (_, i) => i) };

describe("256 KiB on assembled Map and Parallel results", () => {
  it("a Map whose results together pass the limit fails at the Map", async () => {
    expect(await runExecution(map(), tenItems)).toEqual({ status: "FAILED", error: "States.DataLimitExceeded", cause: tooLarge("M") });
  });

  it("the failure is caught like any state error", async () => {
    const r = await runExecution(map({ Catch: [{ ErrorEquals: ["States.DataLimitExceeded"], Next: "Caught" }] }), tenItems);
    expect(r).toEqual({ status: "SUCCEEDED", output: { Error: "States.DataLimitExceeded", Cause: tooLarge("M") } });
  });

  it("a Parallel whose branch outputs together pass the limit fails at the Parallel", async () => {
    const branch = (name: string) => ({ StartAt: name, States: { [name]: { Type: "Pass", End: true } } });
    const def = { StartAt: "Par", States: { Par: { Type: "Parallel", Branches: [branch("A"), branch("B")], End: true } } };
    expect(await runExecution(def, { pad: "x".repeat(140 * 1024) })).toEqual({ status: "FAILED", error: "States.DataLimitExceeded", cause: tooLarge("Par") });
  });

  it("results under the limit pass, and `limits: false` lifts it", async () => {
    expect((await runExecution(map(), { pad, items: [1, 2] })).status).toBe("SUCCEEDED");
    expect((await runExecution(map(), tenItems, { limits: false })).status).toBe("SUCCEEDED");
  });

  it("a Pass whose Parameters, ResultPath or JSONata Output grow the payload past the limit fails at the Pass", async () => {
    const big = { pad: "x".repeat(140 * 1024) };
    const pass = (fields: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ ...extra, StartAt: "P", States: { P: { Type: "Pass", ...fields, End: true } } });
    const failure = { status: "FAILED", error: "States.DataLimitExceeded", cause: tooLarge("P") };
    expect(await runExecution(pass({ Parameters: { "a.$": "$.pad", "b.$": "$.pad" } }), big)).toEqual(failure);
    expect(await runExecution(pass({ ResultPath: "$.copy" }), big)).toEqual(failure);
    expect(await runExecution(pass({ Output: "{% [$states.input, $states.input] %}" }, { QueryLanguage: "JSONata" }), big)).toEqual(failure);
    // Within the limit, and a plain Pass, pass.
    expect((await runExecution(pass({ Parameters: { "a.$": "$.pad" } }), big)).status).toBe("SUCCEEDED");
    expect((await runExecution(pass({}), big)).status).toBe("SUCCEEDED");
  });
});


describe("256 KiB on the output of a Task, Map or Parallel, at the state that grew it", () => {
  const half = "x".repeat(140 * 1024);
  const fn = "arn:aws:lambda:us-east-1:123456789012:function:echo";
  const tasks = { [fn]: async (event: unknown) => event };
  const failure = (state: string) => ({ status: "FAILED", error: "States.DataLimitExceeded", cause: tooLarge(state) });
  const machine = (state: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ ...extra, StartAt: "S", States: { S: { ...state, End: true } } });
  const oneBranch = { StartAt: "B", States: { B: { Type: "Pass", End: true } } };
  const mapOf = (fields: Record<string, unknown>) => ({ Type: "Map", ItemsPath: "$.items", ItemSelector: { "pad.$": "$$.Execution.Input.pad" }, ItemProcessor: oneBranch, ...fields });

  it("a Task whose ResultPath places its result beside its input", async () => {
    expect(await runExecution(machine({ Type: "Task", Resource: fn, ResultPath: "$.copy" }), { pad: half }, { tasks })).toEqual(failure("S"));
  });

  it("a Task whose ResultSelector selects its result twice", async () => {
    const state = { Type: "Task", Resource: fn, ResultSelector: { "a.$": "$.pad", "b.$": "$.pad" } };
    expect(await runExecution(machine(state), { pad: half }, { tasks })).toEqual(failure("S"));
  });

  it("a JSONata Task whose Output doubles its result", async () => {
    const state = { Type: "Task", Resource: fn, Output: "{% [$states.result, $states.result] %}" };
    expect(await runExecution(machine(state, { QueryLanguage: "JSONata" }), { pad: half }, { tasks })).toEqual(failure("S"));
  });

  it("a Map whose ResultPath places its results beside its input", async () => {
    expect(await runExecution(machine(mapOf({ ResultPath: "$.results" })), { pad: half, items: [1] })).toEqual(failure("S"));
  });

  it("a Parallel whose ResultPath places its results beside its input", async () => {
    expect(await runExecution(machine({ Type: "Parallel", Branches: [oneBranch], ResultPath: "$.results" }), { pad: half })).toEqual(failure("S"));
  });

  it("a Pass whose Result is placed beside its input", async () => {
    expect(await runExecution(machine({ Type: "Pass", Result: { r: half }, ResultPath: "$.r" }), { pad: half })).toEqual(failure("S"));
  });

  it("is caught like any state error, and the same states within the limit pass", async () => {
    const caught = { StartAt: "S", States: { S: { Type: "Task", Resource: fn, ResultPath: "$.copy", Catch: [{ ErrorEquals: ["States.DataLimitExceeded"], ResultPath: "$.error", Next: "C" }], End: true }, C: { Type: "Pass", OutputPath: "$.error", End: true } } };
    expect(await runExecution(caught, { pad: half }, { tasks })).toEqual({ status: "SUCCEEDED", output: { Error: "States.DataLimitExceeded", Cause: tooLarge("S") } });
    expect((await runExecution(machine({ Type: "Task", Resource: fn, ResultPath: "$.copy" }), { pad: "x".repeat(100 * 1024) }, { tasks })).status).toBe("SUCCEEDED");
    expect((await runExecution(machine({ Type: "Task", Resource: fn, ResultPath: "$.copy" }), { pad: half }, { tasks, limits: false })).status).toBe("SUCCEEDED");
  });
});
