import { describe, expect, it } from "vitest";
import { median, medianInterval, ratio, transitionsPerSecond } from "./stats.ts";

describe("median", () => {
  it("takes the middle value of an odd sample, whatever the order", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([7])).toBe(7);
  });
  it("averages the two middle values of an even sample", () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
  it("does not reorder its argument", () => {
    const sample = [3, 1, 2];
    median(sample);
    expect(sample).toEqual([3, 1, 2]);
  });
  it("refuses an empty sample", () => {
    expect(() => median([])).toThrow(RangeError);
  });
});

describe("medianInterval", () => {
  it("takes the order statistics n/2 ∓ 0.98·√n: ranks 86 and 116 of 201 values", () => {
    // Shuffled 1..201: the value of rank k is k.
    const sample = Array.from({ length: 201 }, (_, i) => ((i * 37) % 201) + 1);
    expect(medianInterval(sample)).toEqual({ low: 86, high: 116 });
  });
  it("widens to the whole sample when it is small, and refuses an empty one", () => {
    expect(medianInterval([3, 1, 2])).toEqual({ low: 1, high: 3 });
    expect(() => medianInterval([])).toThrow(RangeError);
  });
});

describe("ratio", () => {
  it("divides ours by the peer's", () => {
    expect(ratio(300, 100)).toBe(3);
    expect(ratio(50, 200)).toBe(0.25);
  });
  it("is null when a side is missing or the divisor is not positive", () => {
    expect(ratio(null, 1)).toBeNull();
    expect(ratio(1, null)).toBeNull();
    expect(ratio(1, 0)).toBeNull();
    expect(ratio(Number.NaN, 1)).toBeNull();
  });
});

describe("transitionsPerSecond", () => {
  it("is transitions per execution × executions / seconds", () => {
    expect(transitionsPerSecond(200, 50, 0.5)).toBe(20_000);
    expect(transitionsPerSecond(30_001, 1, 2)).toBe(15_000.5);
  });
  it("refuses a sample that took no time", () => {
    expect(() => transitionsPerSecond(5, 1, 0)).toThrow(RangeError);
  });
});
