import { describe, expect, it } from "vitest";
import { runExecution } from "../engine/machine.ts";

const fail = (state: Record<string, unknown>) => ({ StartAt: "F", States: { F: { Type: "Fail", ...state } } });

describe("Fail", () => {
  it("fails with its literal Error and Cause", async () => {
    expect(await runExecution(fail({ Error: "E", Cause: "C" }))).toEqual({ status: "FAILED", error: "E", cause: "C" });
  });

  it("leaves out an absent Error or Cause", async () => {
    expect(await runExecution(fail({}))).toEqual({ status: "FAILED" });
  });

  it("reads ErrorPath/CausePath, including intrinsic functions", async () => {
    const r = await runExecution(fail({ ErrorPath: "$.e", CausePath: "States.Format('because {}', $.why)" }), { e: "Boom", why: "x" });
    expect(r).toEqual({ status: "FAILED", error: "Boom", cause: "because x" });
  });

  it("fails with States.Runtime when ErrorPath selects nothing", async () => {
    const r = await runExecution(fail({ ErrorPath: "$.missing" }), { a: 1 });
    expect(r.error).toBe("States.Runtime");
    expect(r.cause).toContain("The JSONPath '$.missing' specified for the field 'ErrorPath' could not be found in the input '{\"a\":1}'");
  });

  it("evaluates JSONata Error and Cause", async () => {
    const r = await runExecution(fail({ QueryLanguage: "JSONata", Error: "{% $states.input.e %}", Cause: "literal" }), { e: "X" });
    expect(r).toEqual({ status: "FAILED", error: "X", cause: "literal" });
  });
});
