import { describe, expect, it } from "vitest";
import { generateFixture, typecheckFixture, writeFixture } from "../scripts/gen-typecheck-fixture.ts";
import { measureScale } from "../scripts/scale-fixtures.ts";

/** Instantiations for the whole program (fixture, core, asl, zod, node types); a regression guard, not a target. */
const INSTANTIATION_BUDGET = 1_500_000;

describe("type-checking cost of a 200-state workflow", () => {
  it("generates exactly 200 states", () => {
    const source = generateFixture(200);
    const names = [...source.matchAll(/\.(?:pass|choice|map|parallel|succeed)\("([^"]+)"|\(\w+\) => \w+\.pass\("([^"]+)"/g)].map((m) => m[1] ?? m[2]);
    expect(new Set(names).size).toBe(200);
    expect(names).toHaveLength(200);
  });

  it("type-checks with tsc: no 'excessively deep' instantiation, no errors in the fixture or core", async () => {
    const run = await typecheckFixture(await writeFixture(200));
    console.log(`200-state fixture: check time ${run.checkSeconds}s, ${run.instantiations} instantiations (${run.dir})`);
    expect(run.output).not.toContain("TS2589");
    // Errors in packages other engineers are editing right now must not fail this measurement.
    const ours = run.output.split("\n").filter((line) => / error TS\d+/.test(line) && /big-workflow\.ts|packages\/core\//.test(line));
    expect(ours).toEqual([]);
    expect(run.checkSeconds).toBeGreaterThan(0);
    expect(run.instantiations).toBeLessThan(INSTANTIATION_BUDGET);
  }, 120_000);
});

describe("type-checking cost at scale", () => {
  it("a chain of 1,000 states type-checks without TS2589 and with no errors", async () => {
    const run = await measureScale("chain", 1000);
    console.log(`1,000-state chain: check time ${run.checkSeconds}s, ${run.instantiations} instantiations`);
    expect(run.output).not.toContain("TS2589");
    expect(run.output.split("\n").filter((line) => / error TS\d+/.test(line) && line.includes("big-workflow.ts"))).toEqual([]);
    // Measured at 435,861 (against 228,619 for 200 states): about 260 per state, linear.
    expect(run.instantiations).toBeLessThan(600_000);
  }, 180_000);
});

/** The errors tsc reports in a scale fixture (errors elsewhere belong to other work in progress). */
function fixtureErrors(output: string): string[] {
  return output.split("\n").filter((line) => / error TS\d+/.test(line) && line.includes("big-workflow.ts"));
}

// Variables and merged results accumulate over the steps: each step's type holds every earlier
// name. Built as a mapped type over the previous step's type, they nested one level per step and
// hit TS2589 at about 100 Assigns or merges; now they are built from the step sources (merged.ts).
describe("type-checking cost of accumulated variables and merges", () => {
  // Instantiation budgets: regression guards over the measured counts (in the comments), not targets.
  it.each([
    // 163,864 for 100: every step's type carries all earlier variables.
    { kind: "variables", size: 300, what: "300 assigned variables, the first and last still typed", measured: 1_172_864, budget: 1_600_000 },
    // 255,444 for 100.
    { kind: "merges", size: 200, what: "200 resultField merges, the input and the first result still typed", measured: 791_144, budget: 1_100_000 },
    // Replaced names do not accumulate.
    { kind: "replacements", size: 300, what: "300 reassignments and 300 merges into the same fields", measured: 391_002, budget: 600_000 },
  ] as const)("$what type-check without TS2589", async ({ kind, size, measured, budget }) => {
    const run = await measureScale(kind, size);
    console.log(`${kind} ${size}: check time ${run.checkSeconds}s, ${run.instantiations} instantiations (measured at ${measured})`);
    expect(run.output).not.toContain("TS2589");
    expect(fixtureErrors(run.output)).toEqual([]);
    expect(run.instantiations).toBeLessThan(budget);
  }, 180_000);
});
