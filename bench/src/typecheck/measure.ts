// Type-checks the typed stepcraft fixture and its CDK twin with `tsc --extendedDiagnostics`,
// alternating sides (and which goes first) each round, and keeps the medians.
import { median } from "../stats.ts";
import { countTs2589, errorLines, parseExtendedDiagnostics } from "./diagnostics.ts";
import type { TscStats } from "./diagnostics.ts";
import { runTsc, writeFixtures } from "./workspace.ts";
import type { Program, Side } from "./workspace.ts";

export interface SideSummary {
  /** Medians over the timed rounds. */
  readonly checkSeconds: number;
  readonly totalSeconds: number;
  readonly wallSeconds: number;
  readonly memoryMb: number;
  /** Fastest round's check time: on a loaded machine the least disturbed estimate of the work itself. */
  readonly minCheckSeconds: number;
  /** Deterministic per program; taken from the last round. */
  readonly instantiations: number;
  readonly types: number;
  readonly files: number;
  readonly lines: number;
  readonly ts2589: number;
  /** tsc's error lines (first round's): the fixtures must type-check, or the numbers mean little. */
  readonly errors: readonly string[];
  /** The same program with two states and the same imports: the library's own share. */
  readonly baseline: { readonly checkSeconds: number; readonly totalSeconds: number; readonly instantiations: number };
}

export interface TypecheckMeasurement {
  readonly states: number;
  readonly rounds: number;
  readonly ours: SideSummary;
  readonly cdk: SideSummary;
}

export interface TypecheckOptions {
  readonly stateCount: number;
  readonly rounds: number;
  /**
   * Rounds that also check the baselines (the first ones after warm-up). Their instantiation
   * counts are exact after one round; their times only need a rough median.
   */
  readonly baselineRounds: number;
  /** Untimed rounds first (file cache, tsc's own start-up). */
  readonly warmup: number;
  readonly log?: (message: string) => void;
}

interface Sample {
  readonly stats: TscStats;
  readonly wallSeconds: number;
  readonly output: string;
}

async function sample(tsconfig: string): Promise<Sample> {
  const run = await runTsc(tsconfig);
  return { stats: parseExtendedDiagnostics(run.output), wallSeconds: run.wallSeconds, output: run.output };
}

function summarize(samples: readonly Sample[], baseline: readonly Sample[]): SideSummary {
  const last = samples.at(-1);
  const first = samples[0];
  const lastBaseline = baseline.at(-1);
  if (last === undefined || first === undefined || lastBaseline === undefined) throw new RangeError("no type-check samples");
  return {
    checkSeconds: median(samples.map((s) => s.stats.checkSeconds)),
    totalSeconds: median(samples.map((s) => s.stats.totalSeconds)),
    wallSeconds: median(samples.map((s) => s.wallSeconds)),
    memoryMb: median(samples.map((s) => s.stats.memoryMb)),
    minCheckSeconds: Math.min(...samples.map((s) => s.stats.checkSeconds)),
    instantiations: last.stats.instantiations,
    types: last.stats.types,
    files: last.stats.files,
    lines: last.stats.lines,
    ts2589: Math.max(...samples.map((s) => countTs2589(s.output))),
    errors: [...errorLines(first.output), ...errorLines(baseline[0]?.output ?? "")],
    baseline: {
      checkSeconds: median(baseline.map((s) => s.stats.checkSeconds)),
      totalSeconds: median(baseline.map((s) => s.stats.totalSeconds)),
      instantiations: lastBaseline.stats.instantiations,
    },
  };
}

/** The programs of one round: the side that goes first alternates, fixtures before baselines. */
export function roundOrder(round: number, withBaselines = true): readonly Program[] {
  const sides: readonly Side[] = round % 2 === 0 ? ["ours", "cdk"] : ["cdk", "ours"];
  return withBaselines ? [...sides, ...sides.map((side): Program => `${side}-baseline`)] : sides;
}

export async function measureTypecheck(options: TypecheckOptions): Promise<TypecheckMeasurement> {
  const fixtures = writeFixtures(options.stateCount);
  try {
    const samples: Record<Program, Sample[]> = { ours: [], cdk: [], "ours-baseline": [], "cdk-baseline": [] };
    for (let round = 0; round < options.warmup + options.rounds; round++) {
      const timed = round - options.warmup;
      for (const program of roundOrder(round, timed < Math.max(1, options.baselineRounds))) {
        const s = await sample(fixtures.tsconfig[program]);
        if (round >= options.warmup) samples[program].push(s);
        options.log?.(
          `type-check: round ${round + 1}${round < options.warmup ? " (warm-up)" : ""} ${program}: check ${s.stats.checkSeconds.toFixed(3)} s, total ${s.stats.totalSeconds.toFixed(3)} s`,
        );
      }
    }
    return {
      states: options.stateCount,
      rounds: options.rounds,
      ours: summarize(samples.ours, samples["ours-baseline"]),
      cdk: summarize(samples.cdk, samples["cdk-baseline"]),
    };
  } finally {
    fixtures.remove();
  }
}
