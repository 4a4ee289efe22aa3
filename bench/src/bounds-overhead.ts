// What the runtime's reliability bounds cost on each shared workload (see mode-overhead.ts): the
// pauses for the event loop every 1,024 transitions, the JSONata watchdog and growth checks, and
// frozen results and histories. "Off" is a process started with the runtime's measurement-only
// switch (packages/runtime/src/limits/measurement-switch.ts); the runtime is the built one
// (dist), so run `npm run build` first.
// Usage: node --import tsx bench/src/bounds-overhead.ts [--quick] [--only IDS]
import { fileURLToPath } from "node:url";
import { stepcraft } from "./engines/stepcraft.ts";
import { measureMode } from "./mode-overhead.ts";

/** The runtime's switch (not exported by the package: it is for this measurement only). */
const WITHOUT_BOUNDS_VARIABLE = "STEPCRAFT_MEASURE_WITHOUT_BOUNDS";

await measureMode(
  {
    name: "bounds overhead",
    script: fileURLToPath(import.meta.url),
    engine: () => stepcraft,
    environment: (on): Record<string, string> => (on ? {} : { [WITHOUT_BOUNDS_VARIABLE]: "1" }),
  },
  process.argv.slice(2),
);
