import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkPayloadSize, copyJsonData } from "./json-copy.ts";

describe("copyJsonData", () => {
  it("equals a JSON round trip, sharing nothing with the original", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const copy = copyJsonData(v);
        expect(copy).toEqual(JSON.parse(JSON.stringify(v)));
        if (v !== null && typeof v === "object") expect(copy).not.toBe(v);
      }),
    );
  });

  it("drops undefined and functions, maps non-finite numbers to null, renders Dates, keeps __proto__ as data", () => {
    const input = JSON.parse('{"__proto__": {"x": 1}}') as Record<string, unknown>;
    input["u"] = undefined;
    input["f"] = () => 1;
    input["n"] = Number.NaN;
    input["d"] = new Date(0);
    input["a"] = [undefined, Infinity];
    const copy = copyJsonData(input) as Record<string, unknown>;
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.keys(copy)).toEqual(["__proto__", "n", "d", "a"]);
    expect(copy["d"]).toBe("1970-01-01T00:00:00.000Z");
    expect(copy["a"]).toEqual([null, null]);
    expect(copy["n"]).toBeNull();
  });
});

describe("checkPayloadSize", () => {
  it("raises States.DataLimitExceeded over the limit only", () => {
    expect(() => checkPayloadSize("x", 10, () => 11)).toThrow(/States.DataLimitExceeded/);
    expect(() => checkPayloadSize("x", 10, () => 10)).not.toThrow();
    expect(() => checkPayloadSize("x", Number.POSITIVE_INFINITY, () => 1e9)).not.toThrow();
  });
});
