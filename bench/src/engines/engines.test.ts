// Smoke test: one tiny workload (a Pass state and a Lambda Task) through both adapters.
import { describe, expect, it } from "vitest";
import { handlersByStateName } from "./aws-local-stepfunctions.ts";
import { ENGINES } from "./index.ts";

const ARN = "arn:aws:lambda:us-east-1:123456789012:function:double";
const definition = {
  StartAt: "Shape",
  States: {
    Shape: { Type: "Pass", Parameters: { "n.$": "$.value", tag: "smoke" }, Next: "Double" },
    Double: { Type: "Task", Resource: ARN, ResultSelector: { "doubled.$": "$.n" }, ResultPath: "$.result", End: true },
  },
};
const lambdas = { [ARN]: (input: unknown) => ({ n: (input as { n: number }).n * 2 }) };

describe.each(Object.entries(ENGINES))("the %s engine adapter", (_role, engine) => {
  it(`runs a tiny workload on ${engine.name}, twice on one prepared machine`, async () => {
    const machine = engine.prepare(definition, lambdas);
    expect(await machine.run({ value: 21 })).toEqual({ n: 21, tag: "smoke", result: { doubled: 42 } });
    expect(await machine.run({ value: 1 })).toEqual({ n: 1, tag: "smoke", result: { doubled: 2 } });
  });
  it(`rejects when an execution of ${engine.name} fails`, async () => {
    const failing = { StartAt: "F", States: { F: { Type: "Fail", Error: "Smoke.Fail", Cause: "on purpose" } } };
    await expect(engine.prepare(failing, {}).run({})).rejects.toThrow();
  });
});

describe("handlersByStateName", () => {
  it("binds Task states inside Parallel branches and Map processors by their Resource", () => {
    const fn = (x: unknown) => x;
    const nested = {
      StartAt: "P",
      States: {
        P: {
          Type: "Parallel",
          Branches: [{ StartAt: "T1", States: { T1: { Type: "Task", Resource: ARN, End: true } } }],
          Next: "M",
        },
        M: { Type: "Map", ItemProcessor: { StartAt: "T2", States: { T2: { Type: "Task", Resource: ARN, End: true } } }, End: true },
      },
    };
    expect(handlersByStateName(nested, { [ARN]: fn })).toEqual({ T1: fn, T2: fn });
  });
});
