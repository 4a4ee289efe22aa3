// `npm run coverage`: the examples' tests with workflow coverage. Prints one line per machine and
// writes coverage/stepcraft/ (coverage.json, lcov.info, html/ drawn by the cli's graph renderer).
// The config itself loads the built packages (npm ci builds them); the tests run from the sources,
// through the same conditions as vitest.config.ts.
import { coverageHtmlPages } from "@stepcraft/cli";
import { WorkflowCoverageReporter } from "@stepcraft/runtime/testing";
import { defaultServerConditions } from "vite";
import { defineConfig } from "vitest/config";

export default defineConfig({
  ssr: { resolve: { conditions: ["@stepcraft/source", ...defaultServerConditions.filter((condition) => condition !== "module")] } },
  test: {
    include: ["examples/*/test/**/*.test.ts"],
    setupFiles: ["@stepcraft/runtime/vitest"],
    testTimeout: 30_000,
    reporters: ["default", new WorkflowCoverageReporter({ html: coverageHtmlPages, print: "summary" })],
  },
});
