import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isJsonObject, jsonEquals, setOwn } from "./json-values.ts";

describe("jsonEquals", () => {
  it("agrees with itself on copies, ignores key order, and treats 0 and -0 alike as JSON does", () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => jsonEquals(v, JSON.parse(JSON.stringify(v)))));
    expect(jsonEquals([1], { 0: 1 })).toBe(false);
    expect(jsonEquals(null, {})).toBe(false);
    expect(jsonEquals(0, -0)).toBe(true);
    expect(jsonEquals(Object.create(null) as object, {})).toBe(true);
  });

  it("compares JSON values deeply, ignoring key order", () => {
    expect(jsonEquals({ a: 1, b: [1, { c: null }] }, { b: [1, { c: null }], a: 1 })).toBe(true);
    expect(jsonEquals([1, 2], [2, 1])).toBe(false);
    expect(jsonEquals({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(jsonEquals({ a: undefined }, { b: undefined })).toBe(false);
    expect(jsonEquals([], {})).toBe(false);
    expect(jsonEquals({}, [])).toBe(false);
    expect(jsonEquals(null, {})).toBe(false);
    expect(jsonEquals(1, "1")).toBe(false);
    expect(jsonEquals("x", "x")).toBe(true);
  });
});

describe("own-property helpers", () => {
  it("setOwn makes __proto__ an own, serialisable key", () => {
    const target: Record<string, unknown> = {};
    setOwn(target, "__proto__", { polluted: true });
    setOwn(target, "constructor", 1);
    expect(Object.getPrototypeOf(target)).toBe(Object.prototype);
    expect(JSON.stringify(target)).toBe('{"__proto__":{"polluted":true},"constructor":1}');
  });

  it("isJsonObject excludes arrays and null", () => {
    expect(isJsonObject({})).toBe(true);
    expect(isJsonObject([])).toBe(false);
    expect(isJsonObject(null)).toBe(false);
    expect(isJsonObject("x")).toBe(false);
  });
});
