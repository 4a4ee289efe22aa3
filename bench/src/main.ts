// `npm run bench`: runtime throughput, memory, preparation cost, per-execution overhead and
// validator speed of stepcraft against its peers, in one process run; see bench/README.md.
import { problem, progress } from "./progress.ts";
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs, USAGE, UsageError } from "./args.ts";
import type { BenchArgs } from "./args.ts";
import { ENGINES } from "./engines/index.ts";
import { FULL_PLAN, QUICK_PLAN } from "./plan.ts";
import { formatReport, jsonWorkload, overheadFrom } from "./report.ts";
import type { JsonReport } from "./report.ts";
import { FULL_COVERAGE_PLAN, measureCoverageOverheads, QUICK_COVERAGE_PLAN } from "./sections/coverage-overhead.ts";
import { measureFastPathCoverage } from "./sections/fast-path-coverage.ts";
import { measureMemory } from "./sections/memory.ts";
import { runOptionalSection } from "./sections/optional.ts";
import { measurePrepare } from "./sections/prepare.ts";
import { measureWorkloads } from "./sections/runtime.ts";
import type { WorkloadRow } from "./sections/runtime.ts";
import { measureValidator } from "./sections/validator.ts";
import { jsonataTwins, loadSharedWorkloads, measurementGroups, selectWorkloads, withTwins } from "./workloads.ts";

const MEMORY_WORKLOAD = "b0";
const PREPARE_WORKLOAD = "g";

const log = progress;

async function run(args: BenchArgs): Promise<number> {
  const plan = args.quick ? QUICK_PLAN : FULL_PLAN;
  const shared = await loadSharedWorkloads();
  const twins = jsonataTwins(shared);
  const selected = selectWorkloads(withTwins(shared, twins), args.only);

  const rows: WorkloadRow[] = [];
  for (const group of measurementGroups(selected)) {
    log(`runtime: ${group.map((w) => w.title).join(" + ")} ...`);
    for (const row of await measureWorkloads(group, ENGINES, plan, log)) {
      rows.push(row);
      if (!row.ok) problem(`!!! ${row.id}: FAILED`);
    }
  }

  const coverageOverhead = await measureCoverageOverheads(selected, args.quick ? QUICK_COVERAGE_PLAN : FULL_COVERAGE_PLAN, plan.coldExecutionsCap, log);
  for (const row of coverageOverhead) if (row.error !== null) problem(`!!! coverage overhead ${row.id}: ${row.error}`);

  const memory = selected.some((w) => w.id === MEMORY_WORKLOAD) ? (log("memory: child per engine ..."), await measureMemory(MEMORY_WORKLOAD)) : null;

  const prepareWorkload = shared.find((w) => w.id === PREPARE_WORKLOAD);
  log("prepare ...");
  const prepare = prepareWorkload === undefined ? null : measurePrepare(prepareWorkload, ENGINES, plan, "g_short_5");

  log("validator ...");
  const validator = measureValidator(plan);
  const compiler = await runOptionalSection("compiler", plan);
  const typecheck = await runOptionalSection("typecheck", plan);
  log("JSONata fast-path coverage ...");
  const fastPath = measureFastPathCoverage(twins);

  const report: JsonReport = {
    generated_at: new Date().toISOString(),
    node: process.version,
    quick: args.quick,
    workloads: rows.map((row) => jsonWorkload(row, rows)),
    typecheck,
    validator,
    compiler,
    memory,
    prepare,
    overhead: overheadFrom(rows),
    jsonata_fast_path: fastPath,
    coverage_overhead: coverageOverhead,
  };
  process.stdout.write(`\n${formatReport(report)}\n`);
  if (args.json !== undefined) {
    const file = resolve(process.env["INIT_CWD"] ?? process.cwd(), args.json);
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    log(`wrote ${file}`);
  }
  const failed =
    rows.some((r) => !r.ok) ||
    (memory !== null && !memory.ok) ||
    (prepare !== null && prepare.errors.length > 0) ||
    validator.errors.length > 0 ||
    fastPath.errors.length > 0 ||
    coverageOverhead.some((r) => r.error !== null);
  return failed ? 1 : 0;
}

try {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
  } else {
    process.exitCode = await run(args);
  }
} catch (e) {
  if (e instanceof UsageError) {
    process.stderr.write(`bench: ${e.message}\n${USAGE}\n`);
    process.exitCode = 2;
  } else {
    throw e;
  }
}
