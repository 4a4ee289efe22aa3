import { describe, expect, it } from "vitest";
import { findTestedState, isolate, PLACEHOLDER_COMMENT } from "./isolate.ts";

describe("isolate", () => {
  const definition = {
    StartAt: "Charge",
    States: {
      Charge: { Type: "Task", Resource: "arn:aws:states:::lambda:invoke", Retry: [{ ErrorEquals: ["States.ALL"] }], Catch: [{ ErrorEquals: ["States.ALL"], Next: "Charge" }], Next: "Ship" },
      Ship: { Type: "Succeed" },
    },
  };

  it("keeps the tested state alone, without Retry, its targets Succeed placeholders marked for recorders", () => {
    const { definition: machine, targets } = isolate(findTestedState(definition, "Charge"), false);
    expect(machine).toEqual({
      StartAt: "Charge",
      TimeoutSeconds: 300,
      States: {
        Charge: { Type: "Task", Resource: "arn:aws:states:::lambda:invoke", Catch: [{ ErrorEquals: ["States.ALL"], Next: "Charge (next)" }], Next: "Ship" },
        Ship: { Type: "Succeed", Comment: PLACEHOLDER_COMMENT },
        "Charge (next)": { Type: "Succeed", Comment: PLACEHOLDER_COMMENT },
      },
    });
    expect([...targets]).toEqual([["Ship", "Ship"], ["Charge (next)", "Charge"]]);
    // The caller's definition is left as it was.
    expect(definition.States.Charge.Retry).toHaveLength(1);
  });

  it("stands a mocked Map in as a Task with the Map's data fields", () => {
    const map = { Type: "Map", InputPath: "$.in", ItemsPath: "$.items", ItemProcessor: { StartAt: "W", States: { W: { Type: "Pass", End: true } } }, ResultPath: "$.out", End: true };
    const { definition: machine } = isolate(findTestedState(map, undefined), true);
    expect(machine["States"]).toEqual({ TestState: { Type: "Task", Resource: "arn:aws:states:::stepcraft:mockedMap", InputPath: "$.in", ResultPath: "$.out", End: true } });
  });
});
