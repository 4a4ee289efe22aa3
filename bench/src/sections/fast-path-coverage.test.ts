import { describe, expect, it } from "vitest";
import { jsonataTwins, loadSharedWorkloads } from "../workloads.ts";
import { count, measureFastPathCoverage } from "./fast-path-coverage.ts";

describe("JSONata fast-path coverage", () => {
  it("counts a share, and no share without expressions", () => {
    const pass = (output: string) => ({ StartAt: "P", States: { P: { Type: "Pass", Output: output, End: true } } });
    expect(count([pass("{% $states.input.a %}"), pass("{% $uuid() %}")])).toEqual({ expressions: 2, fast: 1, share: 0.5, outside: ["$uuid()"] });
    expect(count([])).toEqual({ expressions: 0, fast: 0, share: null, outside: [] });
  });

  it("measures the corpus, the conformance cases, the builder's output (all fast) and the twins (all fast)", async () => {
    const twins = jsonataTwins(await loadSharedWorkloads());
    const result = measureFastPathCoverage(twins);
    expect(result.errors).toEqual([]);
    expect(result.builder.share).toBe(1);
    expect(result.twins.share).toBe(1);
    expect(result.corpus.expressions).toBeGreaterThan(100);
    expect(result.conformance.expressions).toBeGreaterThan(100);
    expect(result.corpus.share).toBeGreaterThan(0.9);
  });
});
