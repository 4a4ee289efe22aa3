import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["packages/*/src/**/*.test.ts", "packages/*/test/**/*.test.ts", "bench/src/**/*.test.ts", "examples/*/test/**/*.test.ts"],
    testTimeout: 30_000,
    reporters: ["default", "./scripts/summary-reporter.ts"],
  },
});
