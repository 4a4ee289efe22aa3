// Workflow coverage under jest. Importing this module from a setup file (`setupFilesAfterEnv`,
// as `@stepcraft/runtime/jest` does) records in each test file while the reporter below runs,
// and saves what was recorded after the file's tests; jest is taken from the global scope, never
// imported, so this works in CommonJS and ESM projects alike.
//
//   reporters: ["default", ["<this module>", { thresholds: { states: 100, branches: 90 } }]]
import { beginCoverageRun, endCoverageRun, recordCoverageForRun } from "../coverage/coverage-run.ts";
import type { CoverageRunOptions } from "../coverage/coverage-run.ts";

/** Registers the save with jest's global `afterAll` when the coverage reporter asked for coverage. */
export function recordJestWorkflowCoverage(): void {
  const save = recordCoverageForRun();
  if (save === undefined) return;
  const afterAll = (globalThis as { afterAll?: unknown }).afterAll;
  if (typeof afterAll !== "function") {
    throw new Error("@stepcraft/runtime workflow coverage found no jest `afterAll` in the global scope: list this module in jest's setupFilesAfterEnv.");
  }
  (afterAll as (fn: () => void) => void)(save);
}

recordJestWorkflowCoverage();

/**
 * A jest reporter that merges the workflow coverage of every test file and worker, prints the
 * table, writes `coverage/stepcraft/` and fails the run (through jest's `getLastError`) when a
 * threshold is not met. Jest constructs it as `new Reporter(globalConfig, options)`.
 */
export class JestWorkflowCoverageReporter {
  private readonly options: CoverageRunOptions;
  private failure: Error | undefined = undefined;

  constructor(_globalConfig: unknown, options: CoverageRunOptions = {}) {
    this.options = options;
  }

  /** Before jest starts its workers, so they inherit where to save. */
  onRunStart(): void {
    beginCoverageRun(this.options);
  }

  onRunComplete(): void {
    const failed = endCoverageRun(this.options, (text) => process.stdout.write(text));
    this.failure = failed === undefined ? undefined : new Error(failed);
  }

  /** Jest exits with status 1 when a reporter returns an error here. */
  getLastError(): Error | undefined {
    return this.failure;
  }
}

export default JestWorkflowCoverageReporter;
