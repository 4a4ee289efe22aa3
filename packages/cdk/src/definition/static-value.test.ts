import { describe, expect, it } from "vitest";
import { isJsonataExpression, readStatic, readString } from "./static-value.ts";

describe("readStatic", () => {
  it("reads literals at any depth", () => {
    expect(readStatic({ A: { B: ["x"] } }, ["A", "B"])).toEqual({ kind: "literal", value: ["x"] });
  });
  it("calls a `.$` field or a JSONata expression dynamic, at the field or above it", () => {
    expect(readStatic({ "A.$": "$.a" }, ["A"])).toEqual({ kind: "dynamic" });
    expect(readStatic({ A: "{% $states.input.a %}" }, ["A"])).toEqual({ kind: "dynamic" });
    expect(readStatic({ "A.$": "$.a" }, ["A", "B"])).toEqual({ kind: "dynamic" });
    expect(readStatic("{% $states.input %}", ["A"])).toEqual({ kind: "dynamic" });
  });
  it("calls missing fields absent, whatever stands in the way", () => {
    expect(readStatic({}, ["A"])).toEqual({ kind: "absent" });
    expect(readStatic(undefined, ["A"])).toEqual({ kind: "absent" });
    expect(readStatic({ A: 3 }, ["A", "B"])).toEqual({ kind: "absent" });
    expect(readStatic({ A: [1] }, ["A", "B"])).toEqual({ kind: "absent" });
  });
});

describe("readString", () => {
  it("treats a literal that is not a string as dynamic (no ARN can be derived from it)", () => {
    expect(readString({ A: 42 }, ["A"])).toEqual({ kind: "dynamic" });
    expect(readString({ A: "x" }, ["A"])).toEqual({ kind: "literal", value: "x" });
  });
});

describe("isJsonataExpression", () => {
  it("recognizes `{% … %}` strings only", () => {
    expect(isJsonataExpression(" {% 1 %} ")).toBe(true);
    expect(isJsonataExpression("{% 1")).toBe(false);
    expect(isJsonataExpression("$.a")).toBe(false);
    expect(isJsonataExpression(1)).toBe(false);
  });
});
