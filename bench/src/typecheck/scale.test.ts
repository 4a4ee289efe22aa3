import { describe, expect, it } from "vitest";
import { formatScale, scaleReport } from "./scale.ts";
import type { ScalePoint } from "./scale.ts";

const chain = (size: number, check_s: number, instantiations: number): ScalePoint => ({ kind: "chain", size, check_s, instantiations, ts2589: 0 });

describe("the type-check scale report", () => {
  it("says per-state growth from the smallest chain to the largest: 1 when linear", () => {
    const linear = scaleReport([chain(100, 0.1, 30_000), chain(1000, 1.0, 300_000)]);
    expect([linear.chain_check_growth, linear.chain_instantiation_growth]).toEqual([1, 1]);
    const quadratic = scaleReport([chain(100, 0.1, 30_000), chain(1000, 10, 3_000_000)]);
    expect([quadratic.chain_check_growth, quadratic.chain_instantiation_growth]).toEqual([10, 10]);
    expect(scaleReport([chain(100, 0.1, 30_000)]).chain_check_growth).toBeNull();
  });

  it("prints each program, TS2589 where it occurred", () => {
    const lines = formatScale(scaleReport([chain(100, 0.1, 30_000), chain(1000, 1.0, 300_000), { kind: "variables", size: 300, check_s: 3.5, instantiations: 354_727, ts2589: 4 }]));
    expect(lines[0]).toContain("chain 1,000: check 1.00 s, 300,000 instantiations");
    expect(lines[0]).toContain("variables 300: check 3.50 s, 354,727 instantiations, TS2589 ×4");
    expect(lines[1]).toContain("100→1000 states: check ×1, instantiations ×1 (1 = linear)");
  });
});
