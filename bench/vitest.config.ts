// Runs the bench tests on their own (`npx vitest run --config bench/vitest.config.ts`) until the
// root vitest.config.ts includes bench/src/**/*.test.ts.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ["src/**/*.test.ts"],
    testTimeout: 60_000,
  },
});
