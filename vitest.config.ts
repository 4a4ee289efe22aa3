import { defineConfig } from "vitest/config";

// The repository's tests run the packages from their TypeScript sources: every @stepcraft/*
// package exports them under the "@stepcraft/source" condition (what `npm pack` ships is the
// built dist/, tested by the consumer tests in test/consumers).
const sourceConditions = ["@stepcraft/source", "module", "node", "import", "default"];

export default defineConfig({
  resolve: { conditions: sourceConditions },
  ssr: { resolve: { conditions: sourceConditions, externalConditions: ["@stepcraft/source"] } },
  test: {
    include: ["test/**/*.test.ts", "packages/*/src/**/*.test.ts", "packages/*/test/**/*.test.ts", "bench/src/**/*.test.ts", "examples/*/test/**/*.test.ts"],
    testTimeout: 30_000,
    reporters: ["default", "./scripts/summary-reporter.ts"],
  },
});
