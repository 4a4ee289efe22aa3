import { describe, expect, it } from "vitest";
import { runExecution } from "../engine/machine.ts";

const one = (state: Record<string, unknown>) => ({ StartAt: "S", States: { S: { ...state, End: true } } });

describe("Pass", () => {
  it("passes its input through by default", async () => {
    expect((await runExecution(one({ Type: "Pass" }), { a: 1 })).output).toEqual({ a: 1 });
  });

  it("processes InputPath → Parameters → ResultPath → OutputPath in AWS order", async () => {
    const r = await runExecution(
      one({ Type: "Pass", InputPath: "$.in", Parameters: { "x.$": "$.v", k: "lit" }, ResultPath: "$.in.res", OutputPath: "$.in" }),
      { in: { v: 7 } },
    );
    expect(r.output).toEqual({ v: 7, res: { x: 7, k: "lit" } });
  });

  it("treats Result as a literal (no .$ evaluation)", async () => {
    const r = await runExecution(one({ Type: "Pass", Result: { "a.$": "$.x" } }), { x: 1 });
    expect(r.output).toEqual({ "a.$": "$.x" });
  });

  it("applies null semantics: InputPath null → {}, ResultPath null → input, OutputPath null → {}", async () => {
    expect((await runExecution(one({ Type: "Pass", InputPath: null }), { a: 1 })).output).toEqual({});
    expect((await runExecution(one({ Type: "Pass", Result: 1, ResultPath: null }), { a: 1 })).output).toEqual({ a: 1 });
    expect((await runExecution(one({ Type: "Pass", OutputPath: null }), { a: 1 })).output).toEqual({});
  });

  it("fails with States.Runtime on a missing path, prefixed with the state and event id", async () => {
    const r = await runExecution(one({ Type: "Pass", InputPath: "$.missing" }), {});
    expect(r).toEqual({
      status: "FAILED",
      error: "States.Runtime",
      cause: "An error occurred while executing the state 'S' (entered at the event id #2). Invalid path '$.missing' : No results for path: $['missing']",
    });
  });

  it("fails with States.ResultPathMatchFailure when the input cannot hold the result", async () => {
    const r = await runExecution(one({ Type: "Pass", Result: 1, ResultPath: "$.a.b" }), { a: "text" });
    expect(r.error).toBe("States.ResultPathMatchFailure");
  });

  it("assigns variables from the Pass result, visible from the next state", async () => {
    const r = await runExecution(
      {
        StartAt: "A",
        States: {
          A: { Type: "Pass", Result: { n: 2 }, Assign: { "doubled.$": "States.MathAdd($.n, $.n)" }, Next: "B" },
          B: { Type: "Pass", Parameters: { "d.$": "$doubled" }, End: true },
        },
      },
      {},
    );
    expect(r.output).toEqual({ d: 4 });
  });

  it("evaluates JSONata Output with $states.input", async () => {
    const r = await runExecution(one({ Type: "Pass", QueryLanguage: "JSONata", Output: "{% $states.input.a + 1 %}" }), { a: 1 });
    expect(r.output).toBe(2);
  });
});

describe("Pass intrinsic failures", () => {
  it("fails with States.IntrinsicFailure when an intrinsic function rejects its arguments", async () => {
    const r = await runExecution(one({ Type: "Pass", Parameters: { "x.$": "States.ArrayGetItem($.a, 5)" } }), { a: [1] });
    expect(r).toMatchObject({ status: "FAILED", error: "States.IntrinsicFailure" });
  });
});
