import { describe, expect, it } from "vitest";
import { formatReport } from "../report.ts";
import type { JsonReport } from "../report.ts";
import { formatTypecheckDetails, typecheckReport } from "./format.ts";
import type { SideSummary, TypecheckMeasurement } from "./measure.ts";

const side = (checkSeconds: number, totalSeconds: number, baselineCheck: number, instantiations: number): SideSummary => ({
  checkSeconds,
  totalSeconds,
  wallSeconds: totalSeconds + 0.5,
  memoryMb: 100,
  minCheckSeconds: checkSeconds * 0.9,
  instantiations,
  types: 1000,
  files: 10,
  lines: 5000,
  ts2589: 0,
  errors: [],
  baseline: { checkSeconds: baselineCheck, totalSeconds: totalSeconds / 2, instantiations: instantiations / 2 },
});

const measurement: TypecheckMeasurement = {
  states: 200,
  rounds: 3,
  ours: side(0.8, 1.2, 0.5, 290_000),
  cdk: side(0.02, 2.0, 0.03, 10),
};

describe("the type-check result", () => {
  it("has the report's four fields, from tsc's Check time, plus totals, baselines and counts", () => {
    const r = typecheckReport(measurement);
    expect(r).toMatchObject({ ours_s: 0.8, cdk_s: 0.02, ratio: 40, ts2589: 0, states: 200, rounds: 3 });
    expect(r).toMatchObject({ ours_total_s: 1.2, cdk_total_s: 2, total_ratio: 0.6, ours_instantiations: 290_000, cdk_instantiations: 10 });
    expect(r).toMatchObject({ ours_workflow_check_s: 0.3, ours_workflow_instantiations: 145_000 });
    // Noise can put the fixture under its baseline; the difference is floored, not negative.
    expect(r.cdk_workflow_check_s).toBe(0);
    expect(r.errors).toEqual([]);
  });

  it("keeps a finite ratio when the CDK's check rounds to 0 ms (JSON has no Infinity)", () => {
    const r = typecheckReport({ ...measurement, cdk: side(0, 2.0, 0, 10) });
    expect(r.ratio).toBe(800);
    expect(JSON.parse(JSON.stringify(r)).ratio).toBe(800);
  });

  it("lists the fixtures' type errors, by side", () => {
    const r = typecheckReport({ ...measurement, ours: { ...measurement.ours, errors: ["a.ts(1,1): error TS2322: x"] } });
    expect(r.errors).toEqual(["stepcraft: a.ts(1,1): error TS2322: x"]);
    expect(formatTypecheckDetails(r).at(-1)).toBe("!!! type-check: stepcraft: a.ts(1,1): error TS2322: x");
  });

  it("prints the headline, the totals against the target, the baselines and the counts in the report", () => {
    const report: JsonReport = {
      generated_at: "2026-01-01T00:00:00.000Z",
      node: "v20.0.0",
      quick: true,
      workloads: [],
      typecheck: typecheckReport(measurement),
      validator: null,
      compiler: null,
      memory: null,
      prepare: null,
      overhead: null,
      jsonata_fast_path: null,
      coverage_overhead: null,
    };
    const text = formatReport(report);
    expect(text).toContain("Type-check: stepcraft 0.80 s, CDK 0.02 s (ours/CDK 40.00), TS2589: 0");
    expect(text).toContain(`the seconds above are tsc's "Check time" (over the 1.5× target`);
    expect(text).toContain("total time (config+parse+bind+check): stepcraft 1.20 s, CDK 2.00 s (ours/CDK 0.60, within the 1.5× target)");
    expect(text).toContain("the 200 states add check 0.30 / 0.00 s and 145,000 / 5 instantiations");
    expect(text).toContain("instantiations 290,000 / 10");
  });

  it("prints only the headline for a result without the details", () => {
    expect(formatTypecheckDetails({ ours_s: 1, cdk_s: 1, ratio: 1, ts2589: 0 })).toEqual([]);
  });
});
