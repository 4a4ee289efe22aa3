// Runs one workload once on one engine and prints its memory use as one JSON line. Started by
// sections/memory.ts in a fresh process per engine, so one engine's peak never includes the other's.
// Usage: node --import tsx bench/src/memory-child.ts <ours|peer> <workload-id>
import { firstDifference } from "./check-output.ts";
import { ENGINES, isRole } from "./engines/index.ts";
import { loadSharedWorkloads } from "./workloads.ts";

export interface MemoryChildReport {
  readonly engine: string;
  readonly workload: string;
  readonly ok: boolean;
  readonly error?: string;
  readonly seconds: number;
  /** RSS after loading the engine and the workload, before the run. */
  readonly baselineRssMb: number;
  /** The process's peak RSS (getrusage ru_maxrss). */
  readonly maxRssMb: number;
  /** Highest heapUsed / rss seen by sampling every few milliseconds (misses synchronous stretches). */
  readonly sampledPeakHeapMb: number;
  readonly sampledPeakRssMb: number;
}

const MB = 1024 * 1024;

async function main(): Promise<void> {
  const [role, id] = process.argv.slice(2);
  if (role === undefined || !isRole(role) || id === undefined) {
    console.error("usage: memory-child.ts <ours|peer> <workload-id>");
    process.exit(2);
  }
  const workload = (await loadSharedWorkloads()).find((w) => w.id === id);
  if (workload === undefined) {
    console.error(`unknown workload ${id}`);
    process.exit(2);
  }
  const engine = ENGINES[role];
  let peakHeap = process.memoryUsage().heapUsed;
  let peakRss = process.memoryUsage().rss;
  const sample = (): void => {
    const m = process.memoryUsage();
    if (m.heapUsed > peakHeap) peakHeap = m.heapUsed;
    if (m.rss > peakRss) peakRss = m.rss;
  };
  const baselineRss = process.memoryUsage().rss;
  const timer = setInterval(sample, 5);
  const start = performance.now();
  let error: string | undefined;
  try {
    const machine = engine.prepare(workload.definition, workload.lambdas);
    const output = await machine.run(workload.input(0));
    sample();
    const diff = firstDifference(output, workload.expected(0));
    if (diff !== undefined) error = `wrong output: ${diff}`;
  } catch (e) {
    error = `execution failed: ${e instanceof Error ? e.message : String(e)}`;
  }
  const seconds = (performance.now() - start) / 1000;
  clearInterval(timer);
  const report: MemoryChildReport = {
    engine: engine.name,
    workload: workload.id,
    ok: error === undefined,
    ...(error === undefined ? {} : { error }),
    seconds,
    baselineRssMb: baselineRss / MB,
    // ru_maxrss is in kilobytes on Linux (Node reports it as such on every platform).
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    sampledPeakHeapMb: peakHeap / MB,
    sampledPeakRssMb: peakRss / MB,
  };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

await main();
