import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { mergeCoverage, readCoverageData } from "./coverage-data.ts";
import type { CoverageData } from "./coverage-data.ts";
import { toLcov } from "./coverage-lcov.ts";
import { summarizeMachine } from "./coverage-summary.ts";
import type { MachineSummary } from "./coverage-summary.ts";
import { formatCoverageLine, formatCoverageTable } from "./coverage-table.ts";
import { checkThresholds, thresholdFailures } from "./coverage-thresholds.ts";
import type { CoverageThresholds } from "./coverage-thresholds.ts";
import { startCoverageRecording } from "./recorder.ts";

/**
 * Tells test workers where to save what they recorded. Set by the reporter before workers start,
 * inherited by them (threads and forks alike), read by the coverage setup in each test file.
 */
export const COVERAGE_DIR_ENV = "STEPCRAFT_COVERAGE_DIR";

/** Renders HTML pages for saved coverage: file name (relative to the html directory) → page. */
export type CoverageHtmlRenderer = (data: CoverageData) => Readonly<Record<string, string>>;

/** What a coverage reporter does at the end of a run. */
export interface CoverageRunOptions {
  /** Where coverage.json, lcov.info and the html directory go. @default "coverage/stepcraft" */
  readonly dir?: string;
  /** Minimum percentages per machine; the run fails, naming what is missing, when one is not met. @default {} */
  readonly thresholds?: CoverageThresholds;
  /** Draws the HTML report (e.g. `coverageHtmlPages` from `@stepcraft/cli`). @default no HTML */
  readonly html?: CoverageHtmlRenderer;
  /** What to print at the end: the table with the uncovered names, or one line per machine. @default "table" */
  readonly print?: "table" | "summary";
}

/** What the end of a run produced. */
export interface CoverageRunResult {
  readonly data: CoverageData;
  readonly machines: readonly MachineSummary[];
  /** What to print: the table, or one line per machine (`print: "summary"`). */
  readonly table: string;
  /** Threshold failures (empty: met). */
  readonly failures: readonly string[];
}

const fragmentsDir = (dir: string): string => join(resolve(dir), ".fragments");

/** Starts a run: empties the fragment directory and tells workers (through the environment) to record. */
export function beginCoverageRun(options: CoverageRunOptions = {}): void {
  if (options.thresholds !== undefined) checkThresholds(options.thresholds);
  const fragments = fragmentsDir(options.dir ?? "coverage/stepcraft");
  rmSync(fragments, { recursive: true, force: true });
  mkdirSync(fragments, { recursive: true });
  process.env[COVERAGE_DIR_ENV] = fragments;
}

/** Every fragment a run's workers saved, added up. */
export function readCoverageFragments(dir: string): CoverageData {
  const fragments = fragmentsDir(dir);
  let names: string[] = [];
  try {
    names = readdirSync(fragments).filter((n) => n.endsWith(".json"));
  } catch {
    // No worker saved anything (no test recorded, or the setup file is missing).
  }
  return mergeCoverage(names.map((n) => readCoverageData(readFileSync(join(fragments, n), "utf8"), join(fragments, n))));
}

/** Writes coverage.json, lcov.info and (with a renderer) html/ for merged coverage; returns the summaries. */
export function writeCoverageReport(data: CoverageData, options: CoverageRunOptions = {}): CoverageRunResult {
  const dir = resolve(options.dir ?? "coverage/stepcraft");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "coverage.json"), `${JSON.stringify(data, null, 2)}\n`);
  writeFileSync(join(dir, "lcov.info"), toLcov(data.machines));
  if (options.html !== undefined) {
    const htmlDir = join(dir, "html");
    mkdirSync(htmlDir, { recursive: true });
    for (const [file, page] of Object.entries(options.html(data))) writeFileSync(join(htmlDir, file), page);
  }
  const machines = data.machines.map(summarizeMachine);
  const failures = thresholdFailures(machines, options.thresholds ?? {});
  const table = options.print === "summary" && machines.length > 0 ? `${machines.map(formatCoverageLine).join("\n")}\n` : formatCoverageTable(machines);
  return { data, machines, table, failures };
}

/** Ends a run: merges the workers' fragments, writes the reports, removes the fragments. */
export function finishCoverageRun(options: CoverageRunOptions = {}): CoverageRunResult {
  const dir = options.dir ?? "coverage/stepcraft";
  const result = writeCoverageReport(readCoverageFragments(dir), options);
  rmSync(fragmentsDir(dir), { recursive: true, force: true });
  return result;
}

/**
 * What both test runners' reporters do at the end: finish the run, print the table, and return
 * the threshold failures as one message (undefined: met) for the runner's own way of failing.
 */
export function endCoverageRun(options: CoverageRunOptions, write: (text: string) => void): string | undefined {
  const result = finishCoverageRun(options);
  write(`\n${result.table}`);
  if (result.failures.length === 0) return undefined;
  const message = `Workflow coverage thresholds not met:\n${result.failures.map((f) => `  ${f}`).join("\n")}`;
  write(`\n${message}\n`);
  return message;
}

let fragmentSerial = 0;

/**
 * For a test setup file (any runner): when the run's reporter asked for coverage, turns recording
 * on and returns a function that saves what was recorded since the last save (call it after each
 * test file); otherwise returns undefined and records nothing.
 */
export function recordCoverageForRun(): (() => void) | undefined {
  const fragments = process.env[COVERAGE_DIR_ENV];
  if (fragments === undefined || fragments === "") return undefined;
  const recorder = startCoverageRecording();
  return () => {
    const data = recorder.snapshot({ reset: true });
    if (data.machines.length === 0) return;
    mkdirSync(fragments, { recursive: true });
    const file = `${process.pid}-${Date.now()}-${fragmentSerial++}-${Math.random().toString(36).slice(2, 8)}.json`;
    writeFileSync(join(fragments, file), JSON.stringify(data));
  };
}
