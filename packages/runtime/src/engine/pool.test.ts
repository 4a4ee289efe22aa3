import { describe, expect, it } from "vitest";
import { runPool } from "./pool.ts";

describe("runPool", () => {
  it("stays synchronous when every job is", () => {
    expect(runPool(3, 0, (i) => i * 2)).toEqual([0, 2, 4]);
    expect(runPool(0, 1, () => 1)).toEqual([]);
  });

  it("keeps results in input order and never exceeds the limit", async () => {
    let inFlight = 0;
    let peak = 0;
    const out = await runPool(10, 3, async (i) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((r) => setTimeout(r, (10 - i) % 4));
      inFlight--;
      return i;
    });
    expect(out).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(peak).toBe(3);
  });

  it("fails with the first error, thrown or rejected", async () => {
    expect(() => runPool(2, 0, () => {
      throw new Error("sync");
    })).toThrow("sync");
    await expect(runPool(3, 0, async (i) => {
      if (i === 1) throw new Error("async");
      return i;
    })).rejects.toThrow("async");
    await expect(runPool(3, 1, (i) => {
      if (i === 0) return Promise.resolve(0);
      throw new Error("later");
    })).rejects.toThrow("later");
  });
});
