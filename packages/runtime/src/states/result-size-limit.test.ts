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

