// The 10,000-item Map's memory in a process as a user runs it: plain `node`, the BUILT packages
// (dist, what npm ships), no tsx and no TypeScript sources. Started by sections/memory.ts; plain
// JavaScript on purpose, so that nothing but Node.js itself is loaded besides the runtime.
// Usage: node bench/src/memory-child-built.mjs <workload-id>   (after `npm run build`)
import { isDeepStrictEqual } from "node:util";

const MB = 1024 * 1024;
// What importing the runtime costs, apart from Node.js itself and the workloads: the imports are
// dynamic so that the RSS can be read before and after each.
const startRss = process.memoryUsage().rss;
const { prepareStateMachine } = await import("@stepcraft/runtime");
const importedRss = process.memoryUsage().rss;
// bench/shared/workloads.mjs: the repository's own tracked copy of the shared workloads.
const { WORKLOADS } = await import("../shared/workloads.mjs");
const id = process.argv[2];
const workload = WORKLOADS.find((w) => w.id === id);
if (workload === undefined) {
  console.error(`usage: memory-child-built.mjs <workload-id> (unknown workload ${String(id)})`);
  process.exit(2);
}
const baselineRss = process.memoryUsage().rss;
const start = performance.now();
let error;
try {
  // As bench/src/engines/stepcraft.ts prepares every workload (b0's input is over AWS's quotas).
  const machine = prepareStateMachine(workload.definition, { tasks: workload.lambdas ?? {}, limits: false, coverage: false });
  const result = await machine.start(workload.input(0)).result;
  if (result.status !== "SUCCEEDED") error = `execution ${result.status}: ${result.error ?? ""}`;
  else if (!isDeepStrictEqual(result.output, workload.expected(0))) error = "wrong output";
} catch (e) {
  error = `execution failed: ${e instanceof Error ? e.message : String(e)}`;
}
process.stdout.write(
  `${JSON.stringify({
    engine: "stepcraft (built, plain node)",
    workload: workload.id,
    ok: error === undefined,
    ...(error === undefined ? {} : { error }),
    seconds: (performance.now() - start) / 1000,
    startRssMb: startRss / MB,
    importedRssMb: importedRss / MB,
    baselineRssMb: baselineRss / MB,
    // ru_maxrss is in kilobytes on Linux (Node reports it as such on every platform).
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  })}\n`,
);
