// What recording workflow coverage costs: each workload run by our runtime with a coverage
// recorder and without, in this process. Samples come in pairs, one per mode, the first mode
// alternating from pair to pair (off-on, on-off, …), so that the machine's drift (load from other
// jobs, CPU frequency, garbage collection) falls on both modes alike. Each pair gives a ratio, and
// the overhead is the median of many short pairs' ratios, which noisy pairs cannot move. Time is
// the process's CPU time: on a shared machine, waiting for a core swings wall time by far more
// than the few percent measured. Each row says how far its figure may be off: the median's 95%
// interval over the pairs, and the spread of the eight machine pairs' own medians (a machine
// settles at a speed of its own, which no number of pairs averages out).
import { CoverageRecorder } from "@stepcraft/runtime";
import type { Engine, PreparedMachine } from "../engines/engine.ts";
import { stepcraftEngine } from "../engines/stepcraft.ts";
import { median, medianInterval } from "../stats.ts";
import type { Workload } from "../workloads.ts";
import { runSample } from "./runtime.ts";

export interface CoverageOverheadPlan {
  /** Pairs of samples (one off, one on) per workload. */
  readonly pairs: number;
  /** Each sample repeats the workload's executions until it lasts at least this long (CPU seconds). */
  readonly minSampleSeconds: number;
}

export const FULL_COVERAGE_PLAN: CoverageOverheadPlan = { pairs: 201, minSampleSeconds: 0.01 };
export const QUICK_COVERAGE_PLAN: CoverageOverheadPlan = { pairs: 61, minSampleSeconds: 0.01 };

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
  readonly pairs: number;
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

/** Measures one workload: pairs of samples, alternating which mode goes first. */
export async function measureCoverageOverhead(workload: Workload, plan: CoverageOverheadPlan): Promise<CoverageOverheadRow> {
  const row = { id: workload.id, title: workload.title, pairs: plan.pairs };
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
    // Checks every output of every machine once (and warms the JIT); the timed samples only run.
    for (const mode of [...offs, ...ons]) await runSample(mode.engine, mode.workload, mode.prepared);
  } catch (e) {
    const none = { off_ms: null, on_ms: null, ratio: null, overhead_percent: null, overhead_ci95_percent: null, overhead_by_machine_percent: null };
    return { ...row, ...none, error: e instanceof Error ? e.message : String(e) };
  }
  const runs = Math.max(1, Math.ceil(plan.minSampleSeconds / Math.max(1e-6, await sample(offs[0]!, 1))));
  const offSeconds: number[] = [];
  const onSeconds: number[] = [];
  const ratios: number[] = [];
  const ratiosByMachine: number[][] = offs.map(() => []);
  for (let p = 0; p < plan.pairs; p++) {
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
  const ratio = median(ratios);
  const interval = medianInterval(ratios);
  const byMachine = ratiosByMachine.filter((r) => r.length > 0).map(median);
  return {
    ...row,
    off_ms: median(offSeconds) * 1000,
    on_ms: median(onSeconds) * 1000,
    ratio,
    overhead_percent: percent(ratio),
    overhead_ci95_percent: [percent(interval.low), percent(interval.high)],
    overhead_by_machine_percent: [percent(Math.min(...byMachine)), percent(Math.max(...byMachine))],
    error: null,
  };
}

/** An on / off ratio as the overhead it means, in percent. */
function percent(ratio: number): number {
  return (ratio - 1) * 100;
}

/** Measures every workload in turn (a cold one capped at `coldExecutionsCap` executions per run). */
export async function measureCoverageOverheads(
  workloads: readonly Workload[],
  plan: CoverageOverheadPlan,
  coldExecutionsCap: number,
  log: (message: string) => void,
): Promise<CoverageOverheadRow[]> {
  const rows: CoverageOverheadRow[] = [];
  for (const workload of workloads) {
    log(`coverage overhead: ${workload.title} ...`);
    const capped = workload.cold ? { ...workload, executions: Math.min(workload.executions, coldExecutionsCap) } : workload;
    rows.push(await measureCoverageOverhead(capped, plan));
  }
  return rows;
}
