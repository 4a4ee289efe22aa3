// The public types accept what the validator accepts and refuse the obvious mistakes; tsc checks
// the @ts-expect-error lines, vitest checks the typed values really are valid.
import { describe, expect, expectTypeOf, it } from "vitest";
import type { ChoiceState, MapState, State, StateMachineDefinition, TaskState } from "./types.ts";
import { validateDefinition } from "./validator/validate-definition.ts";

const charge: TaskState = {
  Type: "Task",
  Resource: "arn:aws:states:::lambda:invoke",
  Parameters: { "Payload.$": "$" },
  Retry: [{ ErrorEquals: ["States.ALL"], MaxAttempts: 2, JitterStrategy: "FULL" }],
  Catch: [{ ErrorEquals: ["States.ALL"], Next: "Failed", ResultPath: "$.error" }],
  Next: "Route",
};

const route: ChoiceState = {
  Type: "Choice",
  Choices: [{ And: [{ Variable: "$.total", NumericGreaterThan: 100 }, { Not: { Variable: "$.vip", BooleanEquals: true } }], Next: "Items" }],
  Default: "Items",
};

const items: MapState = {
  Type: "Map",
  ItemsPath: "$.items",
  ItemProcessor: { ProcessorConfig: { Mode: "DISTRIBUTED", ExecutionType: "EXPRESS" }, StartAt: "Ship", States: { Ship: { Type: "Pass", End: true } } },
  ItemBatcher: { MaxItemsPerBatch: 10 },
  Label: "ShipItems",
  End: true,
};

const definition: StateMachineDefinition = {
  StartAt: "Charge",
  States: { Charge: charge, Route: route, Items: items, Failed: { Type: "Fail", Error: "ChargeFailed" } },
};

describe("ASL types", () => {
  it("describe definitions the validator accepts", () => {
    expect(validateDefinition(definition)).toEqual([]);
  });

  it("discriminate states by Type", () => {
    expectTypeOf<Extract<State, { Type: "Wait" }>["Type"]>().toEqualTypeOf<"Wait">();
    expectTypeOf<State["Type"]>().toEqualTypeOf<"Task" | "Pass" | "Choice" | "Wait" | "Succeed" | "Fail" | "Parallel" | "Map">();
  });

  it("refuse a state with both Next and End, and an unknown Type", () => {
    // @ts-expect-error - Next and End are mutually exclusive.
    const both: TaskState = { Type: "Task", Resource: "arn:aws:states:::lambda:invoke", Next: "A", End: true };
    // @ts-expect-error - "Lambda" is not a state type.
    const unknown: State = { Type: "Lambda", End: true };
    expect(validateDefinition({ StartAt: "A", States: { A: both, B: unknown } }).length).toBeGreaterThan(0);
  });
});
