// Runtime throughput: each workload on both engines, samples alternating ours/peer in one
// process so that machine noise (CPU frequency, GC, other jobs) falls on both alike.
import { firstDifference } from "../check-output.ts";
import type { Engine, PreparedMachine } from "../engines/engine.ts";
import type { Role } from "../engines/index.ts";
import type { Plan } from "../plan.ts";
import { median, ratio, secondsSince, transitionsPerSecond } from "../stats.ts";
import type { Workload } from "../workloads.ts";

export interface EngineRow {
  /** Median transitions per second, or null when the engine did not run or failed. */
  readonly tps: number | null;
  /** Median wall time per execution, microseconds (null as above). */
  readonly usPerExecution: number | null;
  readonly samples: number;
  /** Why the engine has no number, or what it got wrong; undefined when all went well. */
  readonly error: string | undefined;
  /** The engine cannot run this workload at all (the peer and JSONata): not a failure. */
  readonly unsupported: boolean;
}

export interface WorkloadRow {
  readonly id: string;
  readonly title: string;
  readonly twinOf: string | undefined;
  /** Executions per sample (fewer than the workload's for cold workloads under --quick). */
  readonly executions: number;
  readonly ours: EngineRow;
  readonly peer: EngineRow;
  /** ours tps / peer tps. */
  readonly ratio: number | null;
  /** Every output of every engine that ran matched the expected one. */
  readonly ok: boolean;
}

/** Thrown by a sample whose output is wrong (or whose execution failed). */
class WrongOutput extends Error {}

/**
 * Runs one sample (all of a workload's executions) and checks every output; returns seconds.
 * Without a prepared machine (cold workloads) it prepares one for every execution, inside the timing.
 */
export async function runSample(engine: Engine, workload: Workload, prepared: PreparedMachine | undefined): Promise<number> {
  const outputs: unknown[] = new Array<unknown>(workload.executions);
  const start = process.hrtime.bigint();
  for (let i = 0; i < workload.executions; i++) {
    const machine = prepared ?? engine.prepare(workload.definition, workload.lambdas);
    outputs[i] = await machine.run(workload.input(i));
  }
  const seconds = secondsSince(start);
  // Checked after the clock stops: comparing a 10,000-item output is not the engine's work.
  for (let i = 0; i < workload.executions; i++) {
    const diff = firstDifference(outputs[i], workload.expected(i));
    if (diff !== undefined) throw new WrongOutput(`wrong output of execution ${i}: ${diff}`);
  }
  return seconds;
}

interface Lane {
  readonly role: Role;
  readonly engine: Engine;
  /** The workload with this engine's own copy of the definition (see measureWorkload). */
  readonly workload: Workload;
  prepared: PreparedMachine | undefined;
  readonly seconds: number[];
  /** Untimed samples run so far, and the seconds they took. */
  warmupSamples: number;
  warmupSeconds: number;
  error: string | undefined;
  readonly unsupported: boolean;
}

/** A lane warms up at most this many samples, however short they are. */
const MAX_WARMUP_SAMPLES = 500;

export interface RuntimeProgress {
  (message: string): void;
}

/** Measures one workload on both engines. */
export async function measureWorkload(
  fullWorkload: Workload,
  engines: Readonly<Record<Role, Engine>>,
  plan: Plan,
  log: RuntimeProgress = () => {},
): Promise<WorkloadRow> {
  const [row] = await measureWorkloads([fullWorkload], engines, plan, log);
  return row as WorkloadRow;
}

/**
 * Measures workloads together, every sample round running each of them on each engine in turn:
 * a JSONPath workload and its JSONata twins alternate like ours and peer do, so machine noise
 * falls on the JSONata/JSONPath comparison alike too. One row per workload, in order.
 */
export async function measureWorkloads(
  fullWorkloads: readonly Workload[],
  engines: Readonly<Record<Role, Engine>>,
  plan: Plan,
  log: RuntimeProgress = () => {},
): Promise<WorkloadRow[]> {
  const first = fullWorkloads[0];
  if (first === undefined) return [];
  const sized = (w: Workload): Workload => (w.cold ? { ...w, executions: Math.min(w.executions, plan.coldExecutionsCap) } : w);
  const groups: Lane[][] = fullWorkloads.map((fullWorkload) => {
    const workload = sized(fullWorkload);
    return (["ours", "peer"] as const).map((role) => {
      const engine = engines[role];
      return {
        role,
        engine,
        // Each engine gets its own copy: the peer's validator writes QueryLanguage into every state
        // of the definition it is given, which the other engine must not see.
        workload: { ...workload, definition: structuredClone(workload.definition) },
        prepared: undefined,
        seconds: [],
        warmupSamples: 0,
        warmupSeconds: 0,
        error: undefined,
        unsupported: workload.jsonata && !engine.supportsJsonata,
      };
    });
  });
  const lanes = groups.flat();
  const live = (): Lane[] => lanes.filter((l) => !l.unsupported && l.error === undefined);
  for (const lane of live()) {
    if (lane.workload.cold) continue;
    try {
      lane.prepared = lane.engine.prepare(lane.workload.definition, lane.workload.lambdas);
    } catch (e) {
      lane.error = `prepare failed: ${message(e)}`;
    }
  }
  const warmup = first.cold ? plan.coldWarmup : plan.warmup;
  const warmupSeconds = first.cold ? 0 : plan.warmupSeconds;
  const samples = first.cold ? plan.coldSamples : plan.samples;
  // A lane warms up for `warmup` samples and until it has run `warmupSeconds`: V8 optimizes a
  // workload's code only after many executions, and c's first five took 2-20x its steady time,
  // so one warm-up sample of a few milliseconds left the timed ones on half-optimized code (c's
  // JSONata twin read 0.33 and 1.08 of its JSONPath row in two identical runs). A lane whose
  // samples are long (the peer's) stops after its `warmup` samples.
  const warming = (): Lane[] => live().filter((l) => l.warmupSamples < warmup || (l.warmupSeconds < warmupSeconds && l.warmupSamples < MAX_WARMUP_SAMPLES));
  let round = 0;
  for (let lanesLeft = warming(); lanesLeft.length > 0; lanesLeft = warming(), round++) {
    const order = round % 2 === 0 ? lanesLeft : lanesLeft.reverse();
    await runRound(order, log, (lane, seconds) => {
      lane.warmupSamples++;
      lane.warmupSeconds += seconds;
    });
  }
  for (let s = 0; s < samples; s++, round++) {
    // Alternate which lane goes first, so none always runs right after another's garbage.
    await runRound(round % 2 === 0 ? live() : live().reverse(), log, (lane, seconds) => lane.seconds.push(seconds));
  }
  return groups.map((group) => rowOf(group as [Lane, Lane]));
}

/** One sample of each lane in `order`; a wrong output or failure ends that lane (its error). */
async function runRound(order: readonly Lane[], log: RuntimeProgress, record: (lane: Lane, seconds: number) => void): Promise<void> {
  for (const lane of order) {
    try {
      record(lane, await runSample(lane.engine, lane.workload, lane.prepared));
    } catch (e) {
      lane.error = e instanceof WrongOutput ? e.message : `execution failed: ${message(e)}`;
      log(`  ${lane.workload.id}: ${lane.engine.name}: ${lane.error}`);
    }
  }
}

function rowOf([oursLane, peerLane]: readonly [Lane, Lane]): WorkloadRow {
  const workload = oursLane.workload;
  const row = (lane: Lane): EngineRow => {
    const ran = lane.error === undefined && !lane.unsupported && lane.seconds.length > 0;
    const mid = ran ? median(lane.seconds) : null;
    return {
      tps: mid === null ? null : transitionsPerSecond(workload.transitionsPerExecution, workload.executions, mid),
      usPerExecution: mid === null ? null : (mid / workload.executions) * 1e6,
      samples: lane.seconds.length,
      error: lane.error,
      unsupported: lane.unsupported,
    };
  };
  const ours = row(oursLane);
  const peer = row(peerLane);
  return {
    id: workload.id,
    title: workload.title,
    twinOf: workload.twinOf,
    executions: workload.executions,
    ours,
    peer,
    ratio: ratio(ours.tps, peer.tps),
    ok: ours.error === undefined && peer.error === undefined,
  };
}

function message(e: unknown): string {
  return e instanceof Error ? `${e.name === "Error" ? "" : `${e.name}: `}${e.message}` : String(e);
}
