import { describe, expect, it } from "vitest";
import { formatScale, scaleReport } from "./scale.ts";
import type { ScalePoint } from "./scale.ts";

const point = (kind: ScalePoint["kind"], size: number, check_s: number, instantiations: number, ts2589 = 0): ScalePoint => ({ kind, size, check_s, instantiations, ts2589 });

describe("the type-check scale report", () => {
  it("says per-unit growth of each series from its smallest size to its largest: 1 when linear", () => {
    const report = scaleReport([point("chain", 100, 0.1, 30_000), point("chain", 1000, 1.0, 300_000), point("variables", 50, 0.1, 10_000), point("variables", 300, 3.6, 360_000)]);
    expect(report.growth).toEqual([
      { kind: "chain", from: 100, to: 1000, check: 1, instantiations: 1 },
      { kind: "variables", from: 50, to: 300, check: 6, instantiations: 6 },
    ]);
    const quadratic = scaleReport([point("chain", 100, 0.1, 30_000), point("chain", 1000, 10, 3_000_000)]);
    expect(quadratic.growth).toEqual([{ kind: "chain", from: 100, to: 1000, check: 10, instantiations: 10 }]);
  });

  it("has no growth for a series of one size, and none from a size that cost nothing", () => {
    expect(scaleReport([point("chain", 100, 0.1, 30_000), point("replacements", 300, 1, 400_000)]).growth).toEqual([]);
    expect(scaleReport([point("merges", 50, Number.NaN, 0), point("merges", 200, 2, 800_000)]).growth).toEqual([{ kind: "merges", from: 50, to: 200, check: null, instantiations: null }]);
  });

  it("prints one line per series, TS2589 where it occurred", () => {
    const lines = formatScale(scaleReport([point("chain", 100, 0.1, 30_000), point("chain", 1000, 1.0, 300_000), point("variables", 300, 3.5, 354_727, 4)]));
    expect(lines[1]).toBe("    chain: 100: 0.10 s, 30,000 inst. | 1,000: 1.00 s, 300,000 inst.; growth 100→1000: check ×1, instantiations ×1");
    expect(lines[2]).toBe("    variables: 300: 3.50 s, 354,727 inst., TS2589 ×4");
  });
});
