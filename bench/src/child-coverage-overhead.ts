// A fresh process measuring its share of the workflow-coverage pairs (sections/coverage-overhead.ts
// starts it with a JSON job as its argument and pools what it prints: the raw pairs, as JSON).
import { cappedWorkload, measureCoveragePairs } from "./sections/coverage-overhead.ts";
import type { CoverageChildJob, CoveragePairs } from "./sections/coverage-overhead.ts";
import { jsonataTwins, loadSharedWorkloads, withTwins } from "./workloads.ts";

const job = JSON.parse(process.argv[2] ?? "null") as CoverageChildJob | null;
if (job === null) {
  process.stderr.write("usage: child-coverage-overhead.ts <job JSON> (started by sections/coverage-overhead.ts)\n");
  process.exit(2);
}
const shared = await loadSharedWorkloads();
const all = withTwins(shared, jsonataTwins(shared));
const out: CoveragePairs[] = [];
for (const id of job.ids) {
  const workload = all.find((w) => w.id === id);
  if (workload === undefined) throw new Error(`no workload ${id}`);
  out.push(await measureCoveragePairs(cappedWorkload(workload, job.coldExecutionsCap ?? Number.POSITIVE_INFINITY), job.pairs, job.minSampleSeconds));
}
process.stdout.write(JSON.stringify(out));
