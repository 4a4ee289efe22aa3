import { describe, expect, it } from "vitest";
import { runExecution } from "../index.ts";

// AWS accepts any JSON value as Parameters and ItemSelector (aws-toolkit-vscode#2459); the
// templates inside an array are evaluated like those in an object.

const FN = "arn:aws:lambda:us-east-1:111111111111:function:echo";
const echo = { tasks: { [FN]: async (event: unknown) => event } };

describe("Parameters and ItemSelector that are not objects", () => {
  it("an array Parameters is evaluated item by item (Pass and Task)", async () => {
    const pass = { StartAt: "P", States: { P: { Type: "Pass", Parameters: [{ "a.$": "$.x" }, 1, "$.x", ["nested", { "b.$": "$$.State.Name" }]], End: true } } };
    expect(await runExecution(pass, { x: 5 })).toEqual({ status: "SUCCEEDED", output: [{ a: 5 }, 1, "$.x", ["nested", { b: "P" }]] });
    const task = { StartAt: "T", States: { T: { Type: "Task", Resource: FN, Parameters: [{ "id.$": "$.id" }], End: true } } };
    expect(await runExecution(task, { id: 7 }, echo)).toEqual({ status: "SUCCEEDED", output: [{ id: 7 }] });
  });

  it("a scalar Parameters is the effective input as written (a string is never a path)", async () => {
    const def = (parameters: unknown) => ({ StartAt: "P", States: { P: { Type: "Pass", Parameters: parameters, End: true } } });
    expect((await runExecution(def("$.x"), { x: 5 })).output).toBe("$.x");
    expect((await runExecution(def(3), { x: 5 })).output).toBe(3);
    expect((await runExecution(def(null), { x: 5 })).output).toBeNull();
  });

  it("an array ItemSelector builds each iteration's input", async () => {
    const def = {
      StartAt: "M",
      States: { M: { Type: "Map", ItemSelector: [{ "v.$": "$$.Map.Item.Value", "i.$": "$$.Map.Item.Index" }], ItemProcessor: { StartAt: "P", States: { P: { Type: "Pass", End: true } } }, End: true } },
    };
    expect((await runExecution(def, ["a", "b"])).output).toEqual([[{ v: "a", i: 0 }], [{ v: "b", i: 1 }]]);
  });

  it("a path that finds nothing inside an array template fails as in an object", async () => {
    const def = { StartAt: "P", States: { P: { Type: "Pass", Parameters: [{ "a.$": "$.nope" }], End: true } } };
    const r = await runExecution(def, { x: 1 });
    expect(r).toMatchObject({ status: "FAILED", error: "States.Runtime" });
    expect(r.cause).toContain("The JSONPath '$.nope' specified for the field 'a.$' could not be found in the input '{\"x\":1}'");
  });
});
