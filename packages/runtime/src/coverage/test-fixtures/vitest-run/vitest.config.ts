// A small project run by coverage-reporter.test.ts: two test files in separate workers, one machine.
import { defineConfig } from "vitest/config";
import { WorkflowCoverageReporter } from "../../../testing/coverage-reporter.ts";

export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ["*.fixture.ts"],
    setupFiles: ["../../../testing/coverage-vitest.ts"],
    reporters: [
      new WorkflowCoverageReporter({
        dir: process.env["FIXTURE_COVERAGE_DIR"] ?? "coverage",
        thresholds: { states: Number(process.env["FIXTURE_STATES_THRESHOLD"] ?? "100"), branches: Number(process.env["FIXTURE_BRANCH_THRESHOLD"] ?? "100") },
      }),
    ],
  },
});
