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
    expect(wired.unwired).toEqual([{ pointer: "/States/Fan/Branches/2/States/L/Iterator/States/C", name: "Unknown", byResource: false }]);
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

describe("wireFunctionNames: functions called by ARN (Resource)", () => {
  const PSEUDO = "arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:";
  const byArn = (resource: string) => ({ Type: "Task", Resource: resource, ResultPath: "$.r", End: true });
  const definition = {
    StartAt: "A",
    States: {
      A: { ...byArn(`${PSEUDO}Charge`), End: undefined, Next: "B" },
      B: { ...byArn(`${PSEUDO}Charge:live`), End: undefined, Next: "C" },
      C: { ...byArn("arn:${AWS::Partition}:lambda:${AWS::Region}:123456789012:function:Refund"), End: undefined, Next: "D" },
      D: { ...byArn("arn:aws:lambda:eu-west-1:123456789012:function:Audit"), End: undefined, Next: "E" },
      E: { ...byArn(`${PSEUDO}Unknown`), End: undefined, Next: "F" },
      F: byArn("arn:aws:lambda:eu-west-1:123456789012:function:Elsewhere"),
    },
  };
  const wired = wireFunctionNames(
    definition,
    new Map([
      ["Charge", "fn_Charge"],
      ["123456789012:function:Refund", "fn_Refund"],
      ["arn:aws:lambda:eu-west-1:123456789012:function:Audit", "fn_Audit"],
    ]),
  );

  it("replaces the whole Resource of a mapped function, by name, partial ARN or ARN, keeping a qualifier", () => {
    expect(wired.definition).toMatchObject({
      States: { A: { Resource: "${fn_Charge}" }, B: { Resource: "${fn_Charge}:live" }, C: { Resource: "${fn_Refund}" }, D: { Resource: "${fn_Audit}" } },
    });
    expect([...wired.used].sort()).toEqual(["123456789012:function:Refund", "Charge", "arn:aws:lambda:eu-west-1:123456789012:function:Audit"]);
  });

  it("reports a pseudo-parameter ARN nothing maps by its name, and leaves a literal ARN alone", () => {
    expect(wired.unwired).toEqual([{ pointer: "/States/E", name: "Unknown", byResource: true }]);
    expect(wired.definition).toMatchObject({ States: { E: { Resource: `${PSEUDO}Unknown` }, F: { Resource: "arn:aws:lambda:eu-west-1:123456789012:function:Elsewhere" } } });
  });
});
