import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jsonEqual, numberTokens } from "./json-equal.ts";

describe("jsonEqual", () => {
  it("agrees with itself on copies and ignores key order", () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => jsonEqual(v, JSON.parse(JSON.stringify(v)))));
    expect(jsonEqual({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(true);
    expect(jsonEqual({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(jsonEqual([1], { 0: 1 })).toBe(false);
    expect(jsonEqual(null, {})).toBe(false);
  });
});

describe("numberTokens", () => {
  it("keeps number literals as written and skips strings", () => {
    expect(numberTokens('{"a":1.0,"b":"2.0","c":[-3e2]}')).toEqual(["1.0", "-3e2"]);
  });
});
