import { describe, expect, it } from "vitest";
import { variableNameProblem } from "./names.ts";

describe("variableNameProblem", () => {
  it("accepts Unicode identifiers up to 80 characters", () => {
    for (const name of ["x", "var_constant_1", "ItemsVar", "théAnswer", "日本語", "a".repeat(80)]) {
      expect(variableNameProblem(name)).toBeUndefined();
    }
  });

  it("rejects the reserved name states", () => {
    expect(variableNameProblem("states")).toBe("The variable name 'states' is reserved");
  });

  it("rejects names longer than 80 characters", () => {
    expect(variableNameProblem("a".repeat(81))).toBe(`The variable name '${"a".repeat(81)}' is longer than 80 characters`);
  });

  it("rejects sub-parts and non-identifiers", () => {
    for (const name of ["x.y", "x[2]", "1x", "", "a b", "$x", "x-y", "_x"]) {
      expect(variableNameProblem(name)).toBe(`The variable name '${name}' is not a valid identifier`);
    }
  });
});
