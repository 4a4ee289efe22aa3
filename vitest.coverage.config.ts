// `npm run coverage`: the examples' tests with workflow coverage. Prints one line per machine and
// writes coverage/stepcraft/ (coverage.json, lcov.info, html/ drawn by the cli's graph renderer).
// Run under `node --import tsx` (see package.json): vitest leaves packages in its config to node,
// and the workspace packages are TypeScript sources until they are built.
import { coverageHtmlPages } from "@stepcraft/cli";
import { WorkflowCoverageReporter } from "@stepcraft/runtime/testing";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["examples/*/test/**/*.test.ts"],
    setupFiles: ["@stepcraft/runtime/vitest"],
    testTimeout: 30_000,
    reporters: ["default", new WorkflowCoverageReporter({ html: coverageHtmlPages, print: "summary" })],
  },
});
