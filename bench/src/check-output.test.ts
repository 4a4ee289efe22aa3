import { describe, expect, it } from "vitest";
import { deepEqual, firstDifference } from "./check-output.ts";

describe("firstDifference", () => {
  it("finds equal JSON values equal, whatever the key order", () => {
    expect(firstDifference({ a: 1, b: [1, { c: null }] }, { b: [1, { c: null }], a: 1 })).toBeUndefined();
    expect(deepEqual([], [])).toBe(true);
  });
  it("names where a wrong output first differs", () => {
    expect(firstDifference({ acc: { step: 198 } }, { acc: { step: 199 } })).toBe("$.acc.step: expected 199, got 198");
    expect(firstDifference([1, 2], [1, 2, 3])).toBe("$: expected 3 items, got 2");
    expect(firstDifference({ a: 1 }, { a: 1, b: 2 })).toBe("$.b: missing");
    expect(firstDifference({ a: 1, x: 0 }, { a: 1 })).toBe("$.x: unexpected field");
    expect(firstDifference([{ ok: "true" }], [{ ok: true }])).toBe('$[0].ok: expected true, got "true"');
    expect(firstDifference({ 0: "a" }, ["a"])).toMatch(/expected an array/);
    expect(firstDifference(null, {})).toMatch(/expected an object, got null/);
  });
});
