import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { COVERAGE_DIR_ENV, recordCoverageForRun } from "../coverage/coverage-run.ts";
import { activeCoverageRecorder, stopCoverageRecording } from "../coverage/recorder.ts";
import { prepareStateMachine } from "../engine/machine.ts";
import { JestWorkflowCoverageReporter, recordJestWorkflowCoverage } from "./coverage-jest.ts";

const twoWays = {
  StartAt: "Pick",
  States: {
    Pick: { Type: "Choice", Choices: [{ Variable: "$.go", BooleanEquals: true, Next: "Go" }], Default: "Stop" },
    Go: { Type: "Succeed" },
    Stop: { Type: "Succeed" },
  },
};

describe("workflow coverage under jest (the reporter's lifecycle as jest drives it)", () => {
  const previousDir = process.env[COVERAGE_DIR_ENV];
  const wasRecording = activeCoverageRecorder() !== undefined;
  const dirs: string[] = [];
  afterEach(() => {
    if (previousDir === undefined) delete process.env[COVERAGE_DIR_ENV];
    else process.env[COVERAGE_DIR_ENV] = previousDir;
    if (!wasRecording) stopCoverageRecording();
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  function reporter(thresholds: Record<string, number>): { reporter: JestWorkflowCoverageReporter; dir: string } {
    const dir = mkdtempSync(join(tmpdir(), "stepcraft-jest-coverage-"));
    dirs.push(dir);
    return { reporter: new JestWorkflowCoverageReporter({}, { dir, thresholds }), dir };
  }

  it("collects what test files saved and fails the run through getLastError when a threshold is not met", async () => {
    const { reporter: r, dir } = reporter({ states: 100 });
    r.onRunStart();
    // What each test file's setup registers with jest's afterAll.
    const save = recordCoverageForRun()!;
    await prepareStateMachine(twoWays, { name: "TwoWays" }).run({ go: true });
    save();
    r.onRunComplete();
    expect(r.getLastError()?.message).toBe("Workflow coverage thresholds not met:\n  TwoWays: states 66.6% is below the threshold 100%; not covered: Stop");
    expect(existsSync(join(dir, "coverage.json"))).toBe(true);
  });

  it("reports no error once every threshold is met", async () => {
    const { reporter: r } = reporter({ states: 100, branches: 100 });
    r.onRunStart();
    const save = recordCoverageForRun()!;
    await prepareStateMachine(twoWays, { name: "TwoWays" }).run({ go: true });
    await prepareStateMachine(twoWays, { name: "TwoWays" }).run({ go: false });
    save();
    r.onRunComplete();
    expect(r.getLastError()).toBeUndefined();
  });

  it("refuses thresholds that cannot be right before any test runs", () => {
    const { reporter: r } = reporter({ lines: 90 });
    expect(() => r.onRunStart()).toThrow(/unknown coverage threshold 'lines'/);
  });

  it("does nothing in a test file when no coverage reporter runs, and says so when jest's afterAll is missing", () => {
    delete process.env[COVERAGE_DIR_ENV];
    expect(() => recordJestWorkflowCoverage()).not.toThrow();
    process.env[COVERAGE_DIR_ENV] = mkdtempSync(join(tmpdir(), "stepcraft-jest-fragments-"));
    dirs.push(process.env[COVERAGE_DIR_ENV]);
    // vitest (without globals) has no global afterAll, like a file jest did not set up.
    expect(() => recordJestWorkflowCoverage()).toThrow(/found no jest `afterAll` in the global scope: list this module in jest's setupFilesAfterEnv/);
  });
});
