import { describe, expect, it } from "vitest";
import { runExecution } from "../index.ts";

// Run-time failures whose wording docs/asl-coverage.md §16 lists, each as AWS words it (the
// sources are named in that table); the rest of the table is pinned by the tests it names.

const prefix = (state: string, id = 2): string => `An error occurred while executing the state '${state}' (entered at the event id #${id}). `;
const pass = { StartAt: "P", States: { P: { Type: "Pass", End: true } } };
const distributedMap = (fields: Record<string, unknown>) => ({
  StartAt: "M",
  States: {
    M: { Type: "Map", ItemsPath: "$.items", ItemProcessor: { ...pass, ProcessorConfig: { Mode: "DISTRIBUTED", ExecutionType: "STANDARD" } }, ...fields, End: true },
  },
});

describe("Map tolerated-failure settings read at run time", () => {
  it("a ToleratedFailurePercentagePath that is not a number", async () => {
    const r = await runExecution(distributedMap({ ToleratedFailurePercentagePath: "$.t" }), { t: "NoNumber", items: [1] });
    expect(r).toEqual({
      status: "FAILED",
      error: "States.Runtime",
      cause: `${prefix("M")}The ToleratedFailurePercentagePath field refers to value "NoNumber" which is not a valid float: $.t`,
    });
  });

  it("a negative ToleratedFailureCount, a percentage outside 0–100", async () => {
    expect((await runExecution(distributedMap({ ToleratedFailureCountPath: "$.t" }), { t: -1, items: [1] })).cause).toBe(
      `${prefix("M")}ToleratedFailureCount cannot be negative.`,
    );
    expect((await runExecution(distributedMap({ ToleratedFailurePercentagePath: "$.t" }), { t: 101, items: [1] })).cause).toBe(
      `${prefix("M")}ToleratedFailurePercentage must be between 0 and 100.`,
    );
  });
});

describe("Task timeouts read from a path", () => {
  it("a TimeoutSecondsPath value that is not a positive integer", async () => {
    const def = { StartAt: "T", States: { T: { Type: "Task", Resource: "arn:aws:states:::lambda:invoke", Parameters: { FunctionName: "f" }, TimeoutSecondsPath: "$.t", End: true } } };
    const r = await runExecution(def, { t: 0 }, { tasks: { f: async () => ({}) } });
    expect(r).toEqual({ status: "FAILED", error: "States.Runtime", cause: `${prefix("T")}The TimeoutSecondsPath parameter does not reference a positive integer: $.t == 0` });
  });
});

describe("Choice and intrinsic failures", () => {
  it("no rule matched and no Default", async () => {
    const def = { StartAt: "C", States: { C: { Type: "Choice", Choices: [{ Variable: "$.a", NumericEquals: 1, Next: "S" }] }, S: { Type: "Succeed" } } };
    expect(await runExecution(def, { a: 2 })).toEqual({
      status: "FAILED",
      error: "States.NoChoiceMatched",
      cause: "No Choice Rule matched the input and the Choice state has no Default.",
    });
  });

  it("an intrinsic function given arguments it refuses", async () => {
    const def = { StartAt: "P", States: { P: { Type: "Pass", Parameters: { "v.$": "States.StringToJson($.s)" }, End: true } } };
    const r = await runExecution(def, { s: "{bad" });
    expect(r.error).toBe("States.IntrinsicFailure");
    expect(r.cause).toMatch(/^Invalid arguments in the intrinsic function call States\.StringToJson/);
  });
});
