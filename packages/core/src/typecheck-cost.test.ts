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
  it("300 assigned variables type-check without TS2589, the first and last still typed", async () => {
    const run = await measureScale("variables", 300);
    console.log(`300 variables: check time ${run.checkSeconds}s, ${run.instantiations} instantiations`);
    expect(run.output).not.toContain("TS2589");
    expect(fixtureErrors(run.output)).toEqual([]);
    // Measured at 1,172,864 (163,864 for 100): every step's type carries all earlier variables.
    expect(run.instantiations).toBeLessThan(1_600_000);
  }, 180_000);

  it("200 resultField merges type-check without TS2589, the input and the first result still typed", async () => {
    const run = await measureScale("merges", 200);
    console.log(`200 merges: check time ${run.checkSeconds}s, ${run.instantiations} instantiations`);
    expect(run.output).not.toContain("TS2589");
    expect(fixtureErrors(run.output)).toEqual([]);
    // Measured at 791,144 (255,444 for 100).
    expect(run.instantiations).toBeLessThan(1_100_000);
  }, 180_000);

  it("300 reassignments and 300 merges into the same fields type-check without TS2589", async () => {
    const run = await measureScale("replacements", 300);
    console.log(`300 reassignments + 300 merges: check time ${run.checkSeconds}s, ${run.instantiations} instantiations`);
    expect(run.output).not.toContain("TS2589");
    expect(fixtureErrors(run.output)).toEqual([]);
    // Measured at 391,002: replaced names do not accumulate.
    expect(run.instantiations).toBeLessThan(600_000);
  }, 180_000);
});

