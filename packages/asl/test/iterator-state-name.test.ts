// A state named "Iterator" (the legacy Map field's name): the peer asl-validator throws
// "Cannot convert undefined or null to object" on every one of these; ours treats it as a name.
import { describe, expect, it } from "vitest";
import { parseDefinition, validateDefinition } from "../src/index.ts";

describe("a state named Iterator", () => {
  it("is a valid Pass state", () => {
    expect(validateDefinition({ StartAt: "Iterator", States: { Iterator: { Type: "Pass", End: true } } })).toEqual([]);
  });

  it("coexists with a legacy Map Iterator whose own states are named ItemProcessor and Iterator2", () => {
    const definition = {
      StartAt: "Iterator",
      States: {
        Iterator: { Type: "Task", Resource: "arn:aws:states:::lambda:invoke", Next: "Map" },
        Map: { Type: "Map", End: true, Iterator: { StartAt: "ItemProcessor", States: { ItemProcessor: { Type: "Pass", Next: "Iterator2" }, Iterator2: { Type: "Succeed" } } } },
      },
    };
    expect(validateDefinition(definition)).toEqual([]);
    expect(parseDefinition(JSON.stringify(definition)).ok).toBe(true);
  });

  it("is reported like any other state when it is wrong", () => {
    const diagnostics = validateDefinition({ StartAt: "Iterator", States: { Iterator: { Type: "Pass", Next: "Gone" }, Done: { Type: "Succeed" } } });
    expect(diagnostics.map(({ code, path }) => ({ code, path }))).toEqual([
      { code: "MISSING_TRANSITION_TARGET", path: "/States/Iterator/Next" },
      { code: "MISSING_TRANSITION_TARGET", path: "/States/Done" },
    ]);
  });

  it("is a duplicate when a Map's Iterator also holds a state named Iterator", () => {
    const definition = {
      StartAt: "Iterator",
      States: { Iterator: { Type: "Map", End: true, Iterator: { StartAt: "Iterator", States: { Iterator: { Type: "Succeed" } } } } },
    };
    expect(validateDefinition(definition).map(({ code, path }) => ({ code, path }))).toEqual([{ code: "DUPLICATE_STATE_NAME", path: "/States/Iterator/Iterator/States/Iterator" }]);
  });
});
