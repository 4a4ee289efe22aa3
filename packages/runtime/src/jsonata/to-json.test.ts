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

describe("toPlainJson sharing plain parts", () => {
  it("returns plain JSON as it is, nested parts included", () => {
    const input = { a: { b: [1, { c: "x" }] }, d: null };
    const converted = toPlainJson(input);
    expect(converted).toEqual({ kind: "json", value: input });
    if (converted.kind !== "json") throw new Error("expected json");
    expect(converted.value).toBe(input);
  });

  it("copies only the spine above a part that changes and shares its siblings", () => {
    const shared = { big: [1, 2, 3] };
    const input = { shared, inner: { minusZero: -0, gone: undefined }, list: [shared, Object.assign([1], { sequence: true })] };
    const converted = toPlainJson(input);
    if (converted.kind !== "json") throw new Error("expected json");
    const value = converted.value as { shared: unknown; inner: Record<string, unknown>; list: unknown[] };
    expect(value).not.toBe(input);
    expect(value.shared).toBe(shared);
    expect(value.list[0]).toBe(shared);
    expect(Object.is(value.inner["minusZero"], 0)).toBe(true);
    expect(Object.keys(value.inner)).toEqual(["minusZero"]);
    expect(Object.hasOwn(value.list[1] as object, "sequence")).toBe(false);
    expect(value).toEqual({ shared, inner: { minusZero: 0 }, list: [shared, [1]] });
  });

  it("copies every array JSONata marks, whatever the marker", () => {
    for (const marker of ["sequence", "keepSingleton", "tupleStream", "outerWrapper", "cons", "push"]) {
      const marked: unknown[] = [1, 2];
      Object.defineProperty(marked, marker, { value: marker === "push" ? () => 0 : true, enumerable: marker !== "cons" });
      const converted = toPlainJson({ marked });
      if (converted.kind !== "json") throw new Error("expected json");
      const out = (converted.value as { marked: unknown[] }).marked;
      expect(out).not.toBe(marked);
      expect(Reflect.ownKeys(out)).toEqual(["0", "1", "length"]);
    }
  });

  it("copies objects without the ordinary prototype into ordinary objects", () => {
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, { a: 1 });
    const converted = toPlainJson({ bare });
    if (converted.kind !== "json") throw new Error("expected json");
    const out = (converted.value as { bare: object }).bare;
    expect(out).not.toBe(bare);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(out).toEqual({ a: 1 });
  });

  it("drops holes and undefined items found after plain ones", () => {
    const sparse: unknown[] = [1, 2];
    sparse[3] = 4;
    expect(toPlainJson([1, 2, undefined, 3])).toEqual({ kind: "json", value: [1, 2, 3] });
    expect(toPlainJson(sparse)).toEqual({ kind: "json", value: [1, 2, 4] });
    expect(toPlainJson({ a: 1, b: undefined, c: { d: 2 } })).toEqual({ kind: "json", value: { a: 1, c: { d: 2 } } });
  });
});

describe("toPlainJson on big parts seen before", () => {
  it("shares a big plain part again and still converts what is new around it", () => {
    const big = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`k${i}`, { n: i, list: [i, i + 0.5] }]));
    const series = Array.from({ length: 20 }, (_, i) => i * 1.5);
    for (let round = 0; round < 3; round++) {
      const converted = toPlainJson({ big, series, fresh: Object.assign([round], { sequence: true }), gone: undefined });
      if (converted.kind !== "json") throw new Error("expected json");
      const value = converted.value as { big: unknown; series: unknown; fresh: unknown[] };
      expect(value.big).toBe(big);
      expect(value.series).toBe(series);
      expect(Object.hasOwn(value.fresh, "sequence")).toBe(false);
      expect(value).toEqual({ big, series, fresh: [round] });
    }
  });

  it("never remembers a big part that needed converting", () => {
    const big: Record<string, unknown> = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`k${i}`, i]));
    big["minusZero"] = -0;
    for (let round = 0; round < 2; round++) {
      const converted = toPlainJson(big);
      if (converted.kind !== "json") throw new Error("expected json");
      expect(converted.value).not.toBe(big);
      expect(Object.is((converted.value as Record<string, unknown>)["minusZero"], 0)).toBe(true);
    }
  });
});
