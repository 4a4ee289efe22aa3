// What recording workflow coverage costs: each workload run by our runtime with a coverage
// recorder and without. Samples come in pairs, one per mode, the first mode alternating from pair
// to pair (off-on, on-off, …), so that the machine's drift (load from other jobs, CPU frequency,
// garbage collection) falls on both modes alike. Each pair gives a ratio, and the overhead is the
// median of many short pairs' ratios, which noisy pairs cannot move. Time is the process's CPU
// time: on a shared machine, waiting for a core swings wall time by far more than the few percent
// measured. The pairs are shared out over several fresh processes (child-coverage-overhead.ts),
// each measuring every workload, and pooled: a process settles at a speed of its own for each
// mode (how the JIT happened to optimize the shared engine code, where objects lie), and on the
// tightest loop (c) one process's figure ranged from 1% to 8% from run to run with the cost
// unchanged. Each row says how far its figure may be off: the pooled median's 95% interval, and
// the spread of the processes' own medians.
import { fileURLToPath } from "node:url";
import { CoverageRecorder } from "@stepcraft/runtime";
import type { Engine, PreparedMachine } from "../engines/engine.ts";
import { runJsonChild } from "../json-child.ts";
import { stepcraftEngine } from "../engines/stepcraft.ts";
import { median, medianInterval } from "../stats.ts";
import type { Workload } from "../workloads.ts";
import { runSample } from "./runtime.ts";

export interface CoverageOverheadPlan {
  /** Pairs of samples (one off, one on) per workload, over all processes. */
  readonly pairs: number;
  /** Fresh processes the pairs are shared out over (1: measure in this process). */
  readonly processes: number;
  /** Each sample repeats the workload's executions until it lasts at least this long (CPU seconds). */
  readonly minSampleSeconds: number;
}

export const FULL_COVERAGE_PLAN: CoverageOverheadPlan = { pairs: 201, processes: 3, minSampleSeconds: 0.01 };
export const QUICK_COVERAGE_PLAN: CoverageOverheadPlan = { pairs: 62, processes: 2, minSampleSeconds: 0.01 };

/**
 * A cold workload's sample lasts at least this long (CPU seconds). Preparing a machine per
 * execution allocates so much that a garbage collection of several milliseconds lands in some
 * samples and not others: with 10 ms samples, g-cold's pairs ranged from −65% to +295% and a
 * row read anywhere from −20% to +18% from run to run.
 */
const COLD_MIN_SAMPLE_SECONDS = 0.05;

/** Machines prepared per mode; the pairs take them in turn (3 still left rows 10% apart from run to run). */
const INSTANCES = 8;

export interface CoverageOverheadRow {
  readonly id: string;
  readonly title: string;
  /** Median CPU milliseconds of one sample, recording off / on. */
  readonly off_ms: number | null;
  readonly on_ms: number | null;
  /** Median over the pairs of on / off (1: recording costs nothing). */
  readonly ratio: number | null;
  /** (ratio − 1) × 100. */
  readonly overhead_percent: number | null;
  /** The overhead's 95% interval: where the median of the pairs' ratios lies (stats.ts medianInterval). */
  readonly overhead_ci95_percent: readonly [number, number] | null;
  /** Lowest and highest overhead of the machine pairs (each pair of machines' median ratio over its own pairs). */
  readonly overhead_by_machine_percent: readonly [number, number] | null;
  /** Lowest and highest overhead of the processes (each one's median ratio over its own pairs). */
  readonly overhead_by_process_percent: readonly [number, number] | null;
  readonly pairs: number;
  readonly processes: number;
  /** Why there is no figure (a wrong output, a failed execution). */
  readonly error: string | null;
}

interface Mode {
  readonly engine: Engine;
  /** This mode's own copy of the workload (definitions are not shared between machines). */
  readonly workload: Workload;
  prepared: PreparedMachine | undefined;
}

function cpuSeconds(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
}

/** CPU seconds per run of `runs` runs of all the workload's executions. */
async function sample(mode: Mode, runs: number): Promise<number> {
  const { workload, engine, prepared } = mode;
  const start = process.cpuUsage();
  for (let r = 0; r < runs; r++) {
    for (let i = 0; i < workload.executions; i++) await (prepared ?? engine.prepare(workload.definition, workload.lambdas)).run(workload.input(i));
  }
  return cpuSeconds(start) / runs;
}

function modeOf(workload: Workload, recorder: CoverageRecorder | undefined): Mode {
  const own = { ...workload, definition: structuredClone(workload.definition) };
  const engine = stepcraftEngine(recorder);
  return { engine, workload: own, prepared: own.cold ? undefined : engine.prepare(own.definition, own.lambdas) };
}

/** The raw pairs of one workload measured in one process, or why it could not be measured. */
export interface CoveragePairs {
  readonly id: string;
  readonly title: string;
  /** CPU seconds of each pair's samples, recording off and on, and on / off, in pair order. */
  readonly offSeconds: readonly number[];
  readonly onSeconds: readonly number[];
  readonly ratios: readonly number[];
  /** Each machine pair's median ratio over its own pairs. */
  readonly machineMedians: readonly number[];
  readonly error: string | null;
}

/** Measures `pairs` pairs of samples of one workload in this process. */
export async function measureCoveragePairs(workload: Workload, pairs: number, minSampleSeconds: number): Promise<CoveragePairs> {
  const raw = { id: workload.id, title: workload.title };
  // Machines of both modes prepared in turns (off, on, on, off, …), and pairs rotating over them:
  // each machine settles at a speed of its own for the whole run (how the JIT happened to
  // optimize its code, where its objects lie), up to ±10% from its twin, which with one machine
  // per mode passed for the cost of recording; eight per mode average it out.
  const recorder = new CoverageRecorder();
  const offs: Mode[] = [];
  const ons: Mode[] = [];
  for (let i = 0; i < INSTANCES; i++) {
    const order = i % 2 === 0 ? [false, true] : [true, false];
    for (const recording of order) (recording ? ons : offs).push(modeOf(workload, recording ? recorder : undefined));
  }
  try {
    // Checks every output of every machine once (and warms the JIT), in the same alternating
    // order: warming every off machine before any on machine left the on machines of c about 2%
    // slower with recording switched off in both (an A/A run).
    for (let i = 0; i < INSTANCES; i++) {
      for (const mode of i % 2 === 0 ? [offs[i]!, ons[i]!] : [ons[i]!, offs[i]!]) await runSample(mode.engine, mode.workload, mode.prepared);
    }
  } catch (e) {
    return { ...raw, offSeconds: [], onSeconds: [], ratios: [], machineMedians: [], error: e instanceof Error ? e.message : String(e) };
  }
  const minimum = workload.cold ? Math.max(minSampleSeconds, COLD_MIN_SAMPLE_SECONDS) : minSampleSeconds;
  const once = median([await sample(offs[0]!, 1), await sample(ons[0]!, 1), await sample(offs[1 % INSTANCES]!, 1)]);
  const runs = Math.max(1, Math.ceil(minimum / Math.max(1e-6, once)));
  const offSeconds: number[] = [];
  const onSeconds: number[] = [];
  const ratios: number[] = [];
  const ratiosByMachine: number[][] = offs.map(() => []);
  for (let p = 0; p < pairs; p++) {
    const off = offs[p % INSTANCES]!;
    const on = ons[p % INSTANCES]!;
    // Which mode goes first alternates from pair to pair.
    const first = Math.floor(p / INSTANCES) % 2 === 0 ? off : on;
    const a = await sample(first, runs);
    const b = await sample(first === off ? on : off, runs);
    const [offTime, onTime] = first === off ? [a, b] : [b, a];
    offSeconds.push(offTime);
    onSeconds.push(onTime);
    ratios.push(onTime / offTime);
    ratiosByMachine[p % INSTANCES]!.push(onTime / offTime);
  }
  const machineMedians = ratiosByMachine.filter((r) => r.length > 0).map(median);
  return { ...raw, offSeconds, onSeconds, ratios, machineMedians, error: null };
}

/** One row from the pairs of one workload measured in each process: pooled, with the spreads. */
export function poolCoveragePairs(parts: readonly CoveragePairs[]): CoverageOverheadRow {
  const first = parts[0];
  if (first === undefined) throw new RangeError("no measurements to pool");
  const ratios = parts.flatMap((part) => part.ratios);
  const row = { id: first.id, title: first.title, pairs: ratios.length, processes: parts.length };
  const failed = parts.find((part) => part.error !== null);
  if (failed !== undefined || ratios.length === 0) {
    const none = { off_ms: null, on_ms: null, ratio: null, overhead_percent: null, overhead_ci95_percent: null, overhead_by_machine_percent: null, overhead_by_process_percent: null };
    return { ...row, ...none, error: failed?.error ?? "no pairs measured" };
  }
  const ratio = median(ratios);
  const interval = medianInterval(ratios);
  const range = (values: readonly number[]): [number, number] => [percent(Math.min(...values)), percent(Math.max(...values))];
  return {
    ...row,
    off_ms: median(parts.flatMap((part) => part.offSeconds)) * 1000,
    on_ms: median(parts.flatMap((part) => part.onSeconds)) * 1000,
    ratio,
    overhead_percent: percent(ratio),
    overhead_ci95_percent: [percent(interval.low), percent(interval.high)],
    overhead_by_machine_percent: range(parts.flatMap((part) => part.machineMedians)),
    overhead_by_process_percent: range(parts.filter((part) => part.ratios.length > 0).map((part) => median(part.ratios))),
    error: null,
  };
}

/** An on / off ratio as the overhead it means, in percent. */
function percent(ratio: number): number {
  return (ratio - 1) * 100;
}

/** `executions` capped for a cold workload (each execution prepares its machine again). */
export function cappedWorkload(workload: Workload, coldExecutionsCap: number): Workload {
  return workload.cold ? { ...workload, executions: Math.min(workload.executions, coldExecutionsCap) } : workload;
}

/** What a child process measures (child-coverage-overhead.ts reads it as JSON from its argument). */
export interface CoverageChildJob {
  readonly ids: readonly string[];
  readonly pairs: number;
  readonly minSampleSeconds: number;
  /** null: no cap (JSON has no Infinity). */
  readonly coldExecutionsCap: number | null;
}

/**
 * Measures every workload in turn (a cold one capped at `coldExecutionsCap` executions per run):
 * in this process when the plan has one, else in `plan.processes` fresh processes one after the
 * other, each measuring every workload with its share of the pairs.
 */
export async function measureCoverageOverheads(
  workloads: readonly Workload[],
  plan: CoverageOverheadPlan,
  coldExecutionsCap: number,
  log: (message: string) => void,
): Promise<CoverageOverheadRow[]> {
  if (plan.processes <= 1) {
    const rows: CoverageOverheadRow[] = [];
    for (const workload of workloads) {
      log(`coverage overhead: ${workload.title} ...`);
      rows.push(poolCoveragePairs([await measureCoveragePairs(cappedWorkload(workload, coldExecutionsCap), plan.pairs, plan.minSampleSeconds)]));
    }
    return rows;
  }
  const perProcess = Math.ceil(plan.pairs / plan.processes);
  const cap = Number.isFinite(coldExecutionsCap) ? coldExecutionsCap : null;
  const job: CoverageChildJob = { ids: workloads.map((w) => w.id), pairs: perProcess, minSampleSeconds: plan.minSampleSeconds, coldExecutionsCap: cap };
  const byProcess: CoveragePairs[][] = [];
  for (let p = 0; p < plan.processes; p++) {
    log(`coverage overhead: process ${p + 1} of ${plan.processes} (${workloads.length} workloads, ${perProcess} pairs each) ...`);
    try {
      byProcess.push(await runCoverageChild(job));
    } catch (e) {
      // A child that died gives every workload an error row; the other sections still run.
      const error = e instanceof Error ? e.message : String(e);
      byProcess.push(workloads.map((workload) => unmeasured(workload, error)));
    }
  }
  return workloads.map((workload) =>
    poolCoveragePairs(byProcess.map((rows) => rows.find((row) => row.id === workload.id) ?? unmeasured(workload, "the child process did not measure it"))),
  );
}

function unmeasured(workload: Workload, error: string): CoveragePairs {
  return { id: workload.id, title: workload.title, offSeconds: [], onSeconds: [], ratios: [], machineMedians: [], error };
}

const CHILD = fileURLToPath(new URL("../child-coverage-overhead.ts", import.meta.url));

/**
 * Runs one child with this process's node options (so that it loads the same build of the
 * runtime: `--conditions=@stepcraft/source` under `npm run bench`) and parses its JSON report.
 */
function runCoverageChild(job: CoverageChildJob): Promise<CoveragePairs[]> {
  // The child is TypeScript: a parent started without tsx (a test runner's worker) lends it tsx.
  const loader = process.execArgv.some((arg) => arg.includes("tsx")) ? [] : ["--import", "tsx"];
  return runJsonChild([...process.execArgv, ...loader, CHILD, JSON.stringify(job)], "coverage overhead child");
}
