import { describe, expect, it } from "vitest";
import { compileComparison, isLiteralOfType, parseComparisonOperator, typeTest } from "./operators.ts";

describe("parseComparisonOperator", () => {
  it("splits every comparison operator of the language, with and without Path", () => {
    const relations = ["Equals", "LessThan", "GreaterThan", "LessThanEquals", "GreaterThanEquals"] as const;
    for (const type of ["String", "Numeric", "Timestamp"] as const) {
      for (const relation of relations) {
        expect(parseComparisonOperator(`${type}${relation}`)).toEqual({ type, relation, path: false });
        expect(parseComparisonOperator(`${type}${relation}Path`)).toEqual({ type, relation, path: true });
      }
    }
    expect(parseComparisonOperator("BooleanEquals")).toEqual({ type: "Boolean", relation: "Equals", path: false });
    expect(parseComparisonOperator("BooleanEqualsPath")).toEqual({ type: "Boolean", relation: "Equals", path: true });
  });

  it.each(["BooleanLessThan", "BooleanGreaterThanEqualsPath", "StringMatches", "IsNull", "stringEquals", "StringEqualsPathPath", "NumericNotEquals", ""])(
    "does not take %j for a comparison",
    (key) => {
      expect(parseComparisonOperator(key)).toBeUndefined();
    },
  );
});

describe("compileComparison", () => {
  it("keeps types apart: equal-looking values of different types never compare equal", () => {
    expect(compileComparison({ type: "String", relation: "Equals", path: false })("1", 1)).toBe(false);
    expect(compileComparison({ type: "Numeric", relation: "Equals", path: false })(1, "1")).toBe(false);
    expect(compileComparison({ type: "Boolean", relation: "Equals", path: false })(true, "true")).toBe(false);
    expect(compileComparison({ type: "Numeric", relation: "LessThanEquals", path: false })(null, 0)).toBe(false);
  });
});

describe("isLiteralOfType", () => {
  it("accepts only literals of the operator's type", () => {
    expect(isLiteralOfType("Numeric", 1.5)).toBe(true);
    expect(isLiteralOfType("Numeric", Number.NaN)).toBe(false);
    expect(isLiteralOfType("Numeric", "1")).toBe(false);
    expect(isLiteralOfType("String", "")).toBe(true);
    expect(isLiteralOfType("String", null)).toBe(false);
    expect(isLiteralOfType("Boolean", false)).toBe(true);
    expect(isLiteralOfType("Boolean", 0)).toBe(false);
    expect(isLiteralOfType("Timestamp", "2012-10-09T19:00:55Z")).toBe(true);
    expect(isLiteralOfType("Timestamp", 0)).toBe(false);
  });
});

describe("typeTest", () => {
  it("distinguishes null from missing-looking values and numbers from numeric strings", () => {
    expect(typeTest("IsNull")(null)).toBe(true);
    expect(typeTest("IsNull")(undefined)).toBe(false);
    expect(typeTest("IsNumeric")("1")).toBe(false);
    expect(typeTest("IsNumeric")(-0)).toBe(true);
    expect(typeTest("IsBoolean")("true")).toBe(false);
    expect(typeTest("IsString")([])).toBe(false);
    expect(typeTest("IsTimestamp")("2012-10-09T19:00:55Z")).toBe(true);
    expect(typeTest("IsTimestamp")("2012-10-09T19:00:55")).toBe(false);
  });
});
