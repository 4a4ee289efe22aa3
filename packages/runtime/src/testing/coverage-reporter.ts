import { beginCoverageRun, endCoverageRun } from "../coverage/coverage-run.ts";
import type { CoverageRunOptions } from "../coverage/coverage-run.ts";

/**
 * A vitest reporter that collects workflow coverage from every test file and worker, prints the
 * table at the end of the run, writes `coverage/stepcraft/` (coverage.json, lcov.info, html/ with
 * a renderer) and fails the run when a threshold is not met.
 * @example
 * // vitest.config.ts (with `setupFiles: ["@stepcraft/runtime/vitest"]`)
 * reporters: ["default", new WorkflowCoverageReporter({ thresholds: { states: 100, branches: 90 } })]
 *
 * It is a vitest Reporter by shape (its onInit and onTestRunEnd hooks) without naming vitest's
 * type: @stepcraft/runtime/testing is also what jest users import, and its declarations must not
 * need vitest (or, through it, @types/node).
 */
export class WorkflowCoverageReporter {
  constructor(private readonly options: CoverageRunOptions = {}) {}

  onInit(): void {
    beginCoverageRun(this.options);
  }

  onTestRunEnd(): void {
    // vitest never resets a failing exit code; its own coverage thresholds fail runs this way too.
    if (endCoverageRun(this.options, (text) => process.stdout.write(text)) !== undefined) process.exitCode = 1;
  }
}
