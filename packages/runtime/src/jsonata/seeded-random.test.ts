import { describe, expect, it } from "vitest";
import { javaRandomFirstDouble } from "./seeded-random.ts";

describe("javaRandomFirstDouble", () => {
  it("matches java.util.Random(42).nextDouble(), the value AWS returns for $random(42)", () => {
    expect(javaRandomFirstDouble(42n)).toBe(0.7275636800328681);
  });

  it("matches java.util.Random(0).nextDouble()", () => {
    expect(javaRandomFirstDouble(0n)).toBe(0.730967787376657);
  });

  it("is deterministic and stays in [0, 1) for negative and huge seeds", () => {
    for (const seed of [-1n, -42n, 2n ** 63n - 1n, 2n ** 70n]) {
      const value = javaRandomFirstDouble(seed);
      expect(value).toBe(javaRandomFirstDouble(seed));
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
    }
  });
});
