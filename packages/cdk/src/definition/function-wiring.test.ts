import { describe, expect, it } from "vitest";
import { placeholderKey, wireFunctionNames } from "./function-wiring.ts";

const invoke = (request: Record<string, unknown>, field: "Parameters" | "Arguments" = "Parameters") => ({
  Type: "Task",
  Resource: "arn:aws:states:::lambda:invoke",
  [field]: request,
  End: true,
});

const definition = {
  StartAt: "Fan",
  States: {
    Fan: {
      Type: "Parallel",
      Branches: [
        { StartAt: "A", States: { A: invoke({ FunctionName: "Charge", "Payload.$": "$" }) } },
        { StartAt: "M", States: { M: { Type: "Map", ItemProcessor: { StartAt: "B", States: { B: invoke({ FunctionName: "Charge:live" }, "Arguments") } }, End: true } } },
        { StartAt: "L", States: { L: { Type: "Map", Iterator: { StartAt: "C", States: { C: invoke({ FunctionName: "Unknown" }) } }, End: true } } },
      ],
      Next: "D",
    },
    D: { ...invoke({ "FunctionName.$": "$.fn" }), End: undefined, Next: "E" },
    E: { ...invoke({ FunctionName: "arn:aws:lambda:eu-west-1:123456789012:function:Charge" }), End: undefined, Next: "F" },
    F: { Type: "Task", Resource: "arn:aws:states:::aws-sdk:lambda:invoke", Parameters: { FunctionName: "Charge" }, End: true },
  },
};

describe("wireFunctionNames", () => {
  const wired = wireFunctionNames(definition, new Map([["Charge", "fn_Charge"], ["Refund", "fn_Refund"]]));
  const text = JSON.stringify(wired.definition);

  it("replaces a mapped name in Parameters and Arguments at any depth (Parallel, Map, legacy Iterator), keeping a qualifier", () => {
    expect(wired.definition).toMatchObject({
      States: {
        Fan: { Branches: [{ States: { A: { Parameters: { FunctionName: "${fn_Charge}" } } } }, { States: { M: { ItemProcessor: { States: { B: { Arguments: { FunctionName: "${fn_Charge}:live" } } } } } } }, {}] },
        F: { Parameters: { FunctionName: "${fn_Charge}" } },
      },
    });
    expect([...wired.used]).toEqual(["Charge"]);
  });

  it("leaves computed names and ARNs alone", () => {
    expect(text).toContain('"FunctionName.$":"$.fn"');
    expect(text).toContain('"FunctionName":"arn:aws:lambda:eu-west-1:123456789012:function:Charge"');
  });

  it("reports plain names that nothing maps, with their state's pointer", () => {
    expect(wired.unwired).toEqual([{ pointer: "/States/Fan/Branches/2/States/L/Iterator/States/C", name: "Unknown" }]);
  });

  it("does not modify its input", () => {
    expect(JSON.stringify(definition)).not.toContain("${fn_Charge}");
  });

  it("returns an empty definition for input that is not an object", () => {
    expect(wireFunctionNames("nope", new Map()).definition).toEqual({});
    expect(wireFunctionNames([1, 2], new Map()).definition).toEqual({});
  });
});

describe("placeholderKey", () => {
  it("keeps letters, digits and underscores only, and never reuses a key", () => {
    expect(placeholderKey("order-review.v2", new Set())).toBe("fn_order_review_v2");
    expect(placeholderKey("a-b", new Set(["fn_a_b"]))).toBe("fn_a_b_2");
    expect(placeholderKey("a-b", new Set(["fn_a_b", "fn_a_b_2"]))).toBe("fn_a_b_3");
  });
});
