import { describe, expect, it } from "vitest";
import { toPlainJson } from "./to-json.ts";

describe("toPlainJson", () => {
  it("reports undefined as nothing", () => {
    expect(toPlainJson(undefined)).toEqual({ kind: "undefined" });
  });

  it("keeps JSON scalars, turns -0 into 0 and non-finite numbers into null", () => {
    expect(toPlainJson("s")).toEqual({ kind: "json", value: "s" });
    expect(toPlainJson(true)).toEqual({ kind: "json", value: true });
    expect(toPlainJson(null)).toEqual({ kind: "json", value: null });
    const zero = toPlainJson(-0);
    expect(zero.kind === "json" && Object.is(zero.value, 0)).toBe(true);
    expect(toPlainJson(Number.POSITIVE_INFINITY)).toEqual({ kind: "json", value: null });
    expect(toPlainJson(Number.NaN)).toEqual({ kind: "json", value: null });
  });

  it("copies JSONata sequences into plain arrays without their flags", () => {
    const sequence = Object.assign([1, [2, 3]], { sequence: true, keepSingleton: true });
    const converted = toPlainJson(sequence);
    expect(converted).toEqual({ kind: "json", value: [1, [2, 3]] });
    if (converted.kind !== "json") throw new Error("expected json");
    expect(Object.keys(converted.value as object)).toEqual(["0", "1"]);
    expect(converted.value).not.toBe(sequence);
  });

  it("drops undefined object members and array items", () => {
    expect(toPlainJson({ a: undefined, b: 1, c: [undefined, 2] })).toEqual({ kind: "json", value: { b: 1, c: [2] } });
  });

  it("rejects functions anywhere, JSONata lambdas and built-ins included", () => {
    expect(toPlainJson(() => 1)).toEqual({ kind: "unsupported" });
    expect(toPlainJson({ _jsonata_lambda: true })).toEqual({ kind: "unsupported" });
    expect(toPlainJson([{ f: { _jsonata_function: true } }])).toEqual({ kind: "unsupported" });
    expect(toPlainJson({ a: Symbol("x") })).toEqual({ kind: "unsupported" });
    expect(toPlainJson(10n)).toEqual({ kind: "unsupported" });
  });
});

describe("toPlainJson with a __proto__ key", () => {
  it("keeps it as an own key instead of changing the prototype", () => {
    const converted = toPlainJson(JSON.parse('{"__proto__": {"polluted": true}}'));
    if (converted.kind !== "json") throw new Error("expected json");
    const value = converted.value as Record<string, unknown>;
    expect(Object.hasOwn(value, "__proto__")).toBe(true);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect((value as { polluted?: unknown }).polluted).toBeUndefined();
  });
});
