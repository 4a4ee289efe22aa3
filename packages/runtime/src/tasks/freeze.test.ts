import { describe, expect, it } from "vitest";
import { adoptResult, deepFreeze } from "./freeze.ts";

describe("deepFreeze", () => {
  it("freezes nested objects and arrays and returns the same value", () => {
    const value = { a: { b: [1, { c: 2 }] } };
    expect(deepFreeze(value)).toBe(value);
    expect(Object.isFrozen(value.a.b[1])).toBe(true);
    expect(deepFreeze(3)).toBe(3);
    expect(deepFreeze(null)).toBe(null);
  });
});

describe("adoptResult", () => {
  it("shares frozen parts, copies and freezes the rest, and leaves the handler's objects alone", () => {
    const shared = deepFreeze({ big: [1, 2, 3] });
    const mine = { shared, own: { n: 1 }, list: [{ a: 1 }], gone: undefined };
    const adopted = adoptResult(mine) as Record<string, unknown>;
    expect(adopted).toEqual({ shared, own: { n: 1 }, list: [{ a: 1 }] });
    expect(adopted["shared"]).toBe(shared);
    expect(adopted["own"]).not.toBe(mine.own);
    expect(Object.isFrozen(adopted["own"])).toBe(true);
    expect(Object.isFrozen(mine)).toBe(false);
    expect(Object.isFrozen(mine.own)).toBe(false);
    expect(adoptResult(shared)).toBe(shared);
    expect(adoptResult(new Date(0))).toBe("1970-01-01T00:00:00.000Z");
  });

  it("keeps __proto__ keys as data", () => {
    const adopted = adoptResult(JSON.parse('{"__proto__": {"x": 1}}')) as Record<string, unknown>;
    expect(Object.getPrototypeOf(adopted)).toBe(Object.prototype);
    expect(Object.keys(adopted)).toEqual(["__proto__"]);
  });
});
