import type { Reporter } from "vitest/node";
import { beginCoverageRun, finishCoverageRun } from "../coverage/coverage-run.ts";
import type { CoverageRunOptions } from "../coverage/coverage-run.ts";

/**
 * A vitest reporter that collects workflow coverage from every test file and worker, prints the
 * table at the end of the run, writes `coverage/stepcraft/` (coverage.json, lcov.info, html/ with
 * a renderer) and fails the run when a threshold is not met.
 * @example
 * // vitest.config.ts (with `setupFiles: ["@stepcraft/runtime/vitest"]`)
 * reporters: ["default", new WorkflowCoverageReporter({ thresholds: { states: 100, branches: 90 } })]
 */
export class WorkflowCoverageReporter implements Reporter {
  constructor(private readonly options: CoverageRunOptions = {}) {}

  onInit(): void {
    beginCoverageRun(this.options);
  }

  onTestRunEnd(): void {
    const result = finishCoverageRun(this.options);
    process.stdout.write(`\n${result.table}`);
    if (result.failures.length > 0) {
      process.stdout.write(`\nWorkflow coverage thresholds not met:\n${result.failures.map((f) => `  ${f}`).join("\n")}\n`);
      process.exitCode = 1;
    }
  }
}
