import { defaultServerConditions } from "vite";
import { defineConfig } from "vitest/config";

// The repository's tests run the packages from their TypeScript sources: every @stepcraft/*
// package exports them under the "@stepcraft/source" condition (what `npm pack` ships is the
// built dist/, tested by the consumer tests in test/consumers). The rest are vitest's own server
// conditions, which leave out "module" (it selects bundler-only builds, such as the AWS SDK's
// dist-es, that Node cannot load).
const serverConditions = ["@stepcraft/source", ...defaultServerConditions.filter((condition) => condition !== "module")];

export default defineConfig({
  ssr: { resolve: { conditions: serverConditions } },
  test: {
    include: ["test/**/*.test.ts", "packages/*/src/**/*.test.ts", "packages/*/test/**/*.test.ts", "bench/src/**/*.test.ts", "examples/*/test/**/*.test.ts"],
    testTimeout: 30_000,
    reporters: ["default", "./scripts/summary-reporter.ts"],
  },
});
