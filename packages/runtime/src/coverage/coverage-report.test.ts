import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { prepareStateMachine } from "../engine/machine.ts";
import { CoverageDataError, mergeCoverage, readCoverageData } from "./coverage-data.ts";
import type { CoverageData } from "./coverage-data.ts";
import { toLcov } from "./coverage-lcov.ts";
import { beginCoverageRun, COVERAGE_DIR_ENV, finishCoverageRun, recordCoverageForRun } from "./coverage-run.ts";
import { summarizeMachine } from "./coverage-summary.ts";
import { formatCoverageLine, formatCoverageTable } from "./coverage-table.ts";
import { checkThresholds, CoverageThresholdError, thresholdFailures } from "./coverage-thresholds.ts";
import { activeCoverageRecorder, CoverageRecorder, stopCoverageRecording } from "./recorder.ts";

const choice = {
  StartAt: "Pick",
  States: {
    Pick: { Type: "Choice", Choices: [{ Variable: "$.go", BooleanEquals: true, Next: "Yes" }], Default: "No" },
    Yes: { Type: "Succeed" },
    No: { Type: "Fail", Error: "Nope" },
  },
};

async function recorded(inputs: readonly unknown[], sites?: Record<string, string>): Promise<CoverageData> {
  const recorder = new CoverageRecorder();
  const machine = prepareStateMachine(choice, { name: "Pick", coverage: recorder, ...(sites === undefined ? {} : { sourceSites: sites }) });
  for (const input of inputs) await machine.run(input);
  return recorder.snapshot();
}

describe("coverage reports", () => {
  const previousDir = process.env[COVERAGE_DIR_ENV];
  afterEach(() => {
    if (previousDir === undefined) delete process.env[COVERAGE_DIR_ENV];
    else process.env[COVERAGE_DIR_ENV] = previousDir;
  });

  it("prints a row per machine with percentages, then the uncovered names", async () => {
    const machines = (await recorded([{ go: true }])).machines.map(summarizeMachine);
    const table = formatCoverageTable(machines);
    expect(table).toContain("machine");
    expect(table).toMatch(/Pick \([0-9a-f]{8}\)\s+66\.6% \(2\/3\)\s+50% \(1\/2\)\s+100% \(0\/0\)\s+100% \(0\/0\)\s+50% \(1\/2\)/);
    expect(table).toContain("  states: No");
    expect(table).toContain("  branches: Pick → No (Default)");
    expect(formatCoverageLine(machines[0]!)).toBe("Pick: states 66.6% (2/3), branches 50% (1/2), catchers 100% (0/0), retriers 100% (0/0), edges 50% (1/2)");
    expect(formatCoverageTable([])).toMatch(/no state machine ran/);
  });

  it("fails thresholds naming what is missing, and passes them when met", async () => {
    const half = (await recorded([{ go: true }])).machines.map(summarizeMachine);
    expect(thresholdFailures(half, { states: 100, branches: 90 })).toEqual([
      "Pick: states 66.6% is below the threshold 100%; not covered: No",
      "Pick: branches 50% is below the threshold 90%; not covered: Pick → No (Default)",
    ]);
    const full = (await recorded([{ go: true }, { go: false }])).machines.map(summarizeMachine);
    expect(thresholdFailures(full, { states: 100, branches: 100, edges: 100 })).toEqual([]);
  });

  it("refuses thresholds that cannot be right", () => {
    expect(() => checkThresholds({ statements: 90 })).toThrow(CoverageThresholdError);
    expect(() => checkThresholds({ statements: 90 })).toThrow(/unknown coverage threshold 'statements': use states, branches/);
    expect(() => checkThresholds({ states: 120 })).toThrow(/from 0 to 100, not 120/);
    expect(() => checkThresholds({ states: "90" })).toThrow(/not "90"/);
    expect(() => checkThresholds([90])).toThrow(/must be an object/);
  });

  it("maps each builder call site to its state in lcov: lines, branches and one function per state", async () => {
    const lcov = toLcov((await recorded([{ go: true }], { Pick: "src/flow.ts:10", Yes: "src/flow.ts:11", No: "src/flow.ts:12" })).machines);
    expect(lcov).toBe(
      [
        "TN:stepcraft",
        "SF:src/flow.ts",
        "FN:10,Pick.Pick",
        "FN:11,Pick.Yes",
        "FN:12,Pick.No",
        "FNDA:1,Pick.Pick",
        "FNDA:1,Pick.Yes",
        "FNDA:0,Pick.No",
        "FNF:3",
        "FNH:2",
        "BRDA:10,0,0,1",
        "BRDA:10,0,1,0",
        "BRF:2",
        "BRH:1",
        "DA:10,1",
        "DA:11,1",
        "DA:12,0",
        "LF:3",
        "LH:2",
        "end_of_record",
        "",
      ].join("\n"),
    );
    // Plain ASL has no call sites: nothing to map.
    expect(toLcov((await recorded([{ go: true }])).machines)).toBe("");
  });

  it("adds up the same machine from several fragments and keeps different ones apart", async () => {
    const merged = mergeCoverage([await recorded([{ go: true }]), await recorded([{ go: false }]), await recorded([{ go: false }])]);
    expect(merged.machines).toHaveLength(1);
    expect(merged.machines[0]?.states).toMatchObject({ Pick: { entered: 3, rules: [1], default: 2 }, Yes: { entered: 1 }, No: { entered: 2 } });
  });

  it("rejects saved coverage that is not coverage, saying where", () => {
    expect(() => readCoverageData("{oops", "a.json")).toThrow(CoverageDataError);
    expect(() => readCoverageData("{oops", "a.json")).toThrow(/a.json is not JSON/);
    expect(() => readCoverageData({ version: 2, machines: [] }, "b.json")).toThrow(/b.json is not stepcraft workflow coverage \(version 1\): version/);
    expect(() => readCoverageData({ version: 1, machines: [{ name: "x", hash: "h", sites: {}, states: { A: { entered: -1 } } }] })).toThrow(/machines.0.states.A.entered/);
  });

  it("collects fragments saved by test files into one report and cleans them up", async () => {
    const dir = mkdtempSync(join(tmpdir(), "stepcraft-coverage-"));
    const wasRecording = activeCoverageRecorder() !== undefined;
    try {
      beginCoverageRun({ dir });
      const save = recordCoverageForRun();
      expect(save).toBeTypeOf("function");
      // Two "test files" each saving what they recorded (the global recorder is what the setup uses).
      await prepareStateMachine(choice, { name: "Pick" }).run({ go: true });
      save!();
      await prepareStateMachine(choice, { name: "Pick" }).run({ go: false });
      save!();
      expect(readdirSync(join(dir, ".fragments"))).toHaveLength(2);
      writeFileSync(join(dir, ".fragments", "ignored.txt"), "not a fragment");
      const result = finishCoverageRun({ dir, thresholds: { states: 100 }, html: (data) => ({ "index.html": `<p>${data.machines.length}</p>` }) });
      expect(result.failures).toEqual([]);
      expect(result.machines[0]?.metrics.states).toEqual({ covered: 3, total: 3, percent: 100 });
      expect(readCoverageData(readFileSync(join(dir, "coverage.json"), "utf8")).machines[0]?.states["Pick"]?.entered).toBe(2);
      expect(readFileSync(join(dir, "html", "index.html"), "utf8")).toBe("<p>1</p>");
      expect(readdirSync(dir).sort()).toEqual(["coverage.json", "html", "lcov.info"]);
    } finally {
      if (!wasRecording) stopCoverageRecording();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("records nothing when no reporter asked for coverage", () => {
    delete process.env[COVERAGE_DIR_ENV];
    expect(recordCoverageForRun()).toBeUndefined();
  });
});
