// The workflow-coverage section of `npm run bench` alone (sections/coverage-overhead.ts): what
// recording coverage costs on workloads a–g and their JSONata twins, recording on vs off in this
// process, without the other sections' minutes.
// Usage: node --import tsx bench/src/coverage-overhead.ts [--quick] [--only IDS] [--json FILE]
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "./args.ts";
import { FULL_PLAN, QUICK_PLAN } from "./plan.ts";
import { progress } from "./progress.ts";
import { formatCoverageOverhead } from "./report.ts";
import { FULL_COVERAGE_PLAN, measureCoverageOverheads, QUICK_COVERAGE_PLAN } from "./sections/coverage-overhead.ts";
import { jsonataTwins, loadSharedWorkloads, selectWorkloads, withTwins } from "./workloads.ts";

const args = parseArgs(process.argv.slice(2));
const plan = args.quick ? QUICK_PLAN : FULL_PLAN;
const shared = await loadSharedWorkloads();
const workloads = selectWorkloads(withTwins(shared, jsonataTwins(shared)), args.only);
const rows = await measureCoverageOverheads(workloads, args.quick ? QUICK_COVERAGE_PLAN : FULL_COVERAGE_PLAN, plan.coldExecutionsCap, progress);
process.stdout.write(`${formatCoverageOverhead(rows)}\n`);
if (args.json !== undefined) writeFileSync(resolve(args.json), `${JSON.stringify({ generated_at: new Date().toISOString(), node: process.version, coverage_overhead: rows }, null, 2)}\n`);
process.exitCode = rows.some((r) => r.error !== null) ? 1 : 0;
