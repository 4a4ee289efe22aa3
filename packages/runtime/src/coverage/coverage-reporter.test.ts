import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readCoverageData } from "./coverage-data.ts";

const fixture = join(import.meta.dirname, "test-fixtures", "vitest-run");
const vitestBin = join(createRequire(import.meta.url).resolve("vitest/package.json"), "..", "vitest.mjs");
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Runs the fixture project under vitest with the coverage reporter, as a user's `vitest run` would. */
function runFixture(thresholds: { readonly states: number; readonly branches: number }): { status: number | null; output: string; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), "stepcraft-vitest-coverage-"));
  dirs.push(dir);
  const env: NodeJS.ProcessEnv = { ...process.env, FIXTURE_COVERAGE_DIR: dir, FIXTURE_STATES_THRESHOLD: String(thresholds.states), FIXTURE_BRANCH_THRESHOLD: String(thresholds.branches) };
  // The outer run's own coverage settings must not leak into the inner one.
  delete env["STEPCRAFT_COVERAGE_DIR"];
  delete env["VITEST"];
  delete env["VITEST_WORKER_ID"];
  delete env["VITEST_POOL_ID"];
  const run = spawnSync(process.execPath, [vitestBin, "run", "--config", join(fixture, "vitest.config.ts")], { cwd: fixture, env, encoding: "utf8", timeout: 60_000 });
  return { status: run.status, output: `${run.stdout}${run.stderr}`, dir };
}

describe("WorkflowCoverageReporter under vitest", () => {
  it("merges coverage from test files in separate workers, prints the table and fails an unmet threshold", () => {
    const { status, output, dir } = runFixture({ states: 100, branches: 100 });
    expect(output).toMatch(/Sides \([0-9a-f]{8}\)\s+80% \(4\/5\)\s+66\.6% \(2\/3\)/);
    expect(output).toContain("states: Neither");
    expect(output).toContain("Sides: branches 66.6% is below the threshold 100%; not covered: Pick → Neither (Default)");
    expect(status).toBe(1);
    const data = readCoverageData(readFileSync(join(dir, "coverage.json"), "utf8"));
    expect(data.machines.map((m) => [m.name, m.states["Pick"]?.entered, m.states["Pick"]?.rules])).toEqual([["Sides", 2, [1, 1]]]);
  }, 60_000);

  it("passes the run when every threshold is met", () => {
    const { status, output } = runFixture({ states: 80, branches: 60 });
    expect(output).toContain("Workflow coverage");
    expect(output).not.toContain("thresholds not met");
    expect(status).toBe(0);
  }, 60_000);
});
