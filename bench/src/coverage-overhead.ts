// What recording workflow coverage costs on each shared workload (see mode-overhead.ts).
// Usage: node --import tsx bench/src/coverage-overhead.ts [--quick] [--only IDS]
import { fileURLToPath } from "node:url";
import { CoverageRecorder } from "@stepcraft/runtime";
import { stepcraftEngine } from "./engines/stepcraft.ts";
import { measureMode } from "./mode-overhead.ts";

await measureMode(
  {
    name: "coverage overhead",
    script: fileURLToPath(import.meta.url),
    engine: (on) => stepcraftEngine(on ? new CoverageRecorder() : undefined),
    environment: () => ({}),
  },
  process.argv.slice(2),
);
