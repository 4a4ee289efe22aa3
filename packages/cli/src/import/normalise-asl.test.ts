import { describe, expect, it } from "vitest";
import { diffJson, normaliseDefinition } from "./normalise-asl.ts";

describe("normaliseDefinition", () => {
  it("treats written-out defaults as absent", () => {
    const spelled = {
      Version: "1.0",
      QueryLanguage: "JSONPath",
      StartAt: "M",
      States: {
        M: {
          Type: "Map",
          InputPath: "$",
          ResultPath: "$",
          OutputPath: "$",
          MaxConcurrency: 0,
          Iterator: { StartAt: "P", States: { P: { Type: "Pass", QueryLanguage: "JSONPath", End: true } } },
          Retry: [],
          End: true,
        },
      },
    };
    const bare = { StartAt: "M", States: { M: { Type: "Map", ItemProcessor: { ProcessorConfig: { Mode: "INLINE" }, StartAt: "P", States: { P: { Type: "Pass", End: true } } }, End: true } } };
    expect(diffJson(normaliseDefinition(spelled), normaliseDefinition(bare))).toEqual([]);
  });

  it("keeps differences that change behaviour: ResultPath null is not the default", () => {
    const a = { StartAt: "P", States: { P: { Type: "Pass", ResultPath: null, End: true } } };
    const b = { StartAt: "P", States: { P: { Type: "Pass", End: true } } };
    expect(diffJson(normaliseDefinition(a), normaliseDefinition(b))).toEqual(["/States/P/ResultPath: unexpected null"]);
  });

  it("reads a JSONata condition the same with one pair of parentheses around it", () => {
    const rule = (condition: string) => ({ QueryLanguage: "JSONata", StartAt: "C", States: { C: { Type: "Choice", Choices: [{ Condition: condition, Next: "C" }] } } });
    expect(diffJson(normaliseDefinition(rule("{% ($states.input.a > 1) %}")), normaliseDefinition(rule("{%$states.input.a > 1%}")))).toEqual([]);
    expect(diffJson(normaliseDefinition(rule("{% (a) and (b) %}")), normaliseDefinition(rule("{% a and b %}")))).not.toEqual([]);
  });

  it("reads a JSONata expression string the same whatever whitespace pads it, and a JSONPath literal as written", () => {
    const pass = (language: string, output: string) => ({ QueryLanguage: language, StartAt: "P", States: { P: { Type: "Pass", Output: { a: [output] }, End: true } } });
    expect(diffJson(normaliseDefinition(pass("JSONata", "{%$states.input %}")), normaliseDefinition(pass("JSONata", "{% $states.input\n%}")))).toEqual([]);
    expect(diffJson(normaliseDefinition(pass("JSONPath", "{%$states.input %}")), normaliseDefinition(pass("JSONPath", "{% $states.input %}")))).not.toEqual([]);
  });
});

describe("diffJson", () => {
  it("ignores key order and names the pointer of each difference", () => {
    expect(diffJson({ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 })).toEqual([]);
    expect(diffJson({ a: 1, b: { c: [1, 3] } }, { a: 1, b: { c: [1, 2] } })).toEqual(["/b/c/1: 3, expected 2"]);
  });
});
