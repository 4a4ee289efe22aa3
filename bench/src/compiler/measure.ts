// Times builder → validated ASL for the big workflow: each sample builds the workflow from scratch
// and calls `toAsl()` (compile + validation by @stepcraft/asl); samples alternate query languages.
import type { QueryLanguage } from "@stepcraft/core";
import { median, secondsSince } from "../stats.ts";
import { buildBigWorkflow, countStates } from "./big-workflow.ts";

export interface CompileTiming {
  readonly queryLanguage: QueryLanguage;
  readonly states: number;
  readonly samples: number;
  /** Median milliseconds for build + toAsl(). */
  readonly ms: number;
  /** Medians of the two halves (they need not add up to `ms`). */
  readonly buildMs: number;
  readonly toAslMs: number;
  readonly statesPerSecond: number;
}

export interface CompileOptions {
  readonly stateCount: number;
  readonly samples: number;
  /** Untimed runs per language first: the first compiles run the JIT's cold code. */
  readonly warmup: number;
  readonly queryLanguages: readonly QueryLanguage[];
}

/** One sample; throws when the ASL does not hold exactly `stateCount` states (a broken generator). */
function sample(stateCount: number, queryLanguage: QueryLanguage): { readonly buildS: number; readonly toAslS: number } {
  const start = process.hrtime.bigint();
  const flow = buildBigWorkflow(stateCount, queryLanguage);
  const buildS = secondsSince(start);
  const mid = process.hrtime.bigint();
  const asl = flow.toAsl();
  const toAslS = secondsSince(mid);
  const counted = countStates(asl);
  if (counted !== stateCount) throw new Error(`the ${queryLanguage} workflow has ${counted} states, expected ${stateCount}`);
  return { buildS, toAslS };
}

export function measureCompiler(options: CompileOptions): CompileTiming[] {
  const { stateCount, queryLanguages } = options;
  for (let w = 0; w < options.warmup; w++) for (const ql of queryLanguages) sample(stateCount, ql);
  const runs = new Map<QueryLanguage, { total: number[]; build: number[]; toAsl: number[] }>(queryLanguages.map((ql) => [ql, { total: [], build: [], toAsl: [] }]));
  for (let s = 0; s < options.samples; s++) {
    // Alternate which language goes first, so neither always runs right after a GC-heavy sample.
    const order = s % 2 === 0 ? queryLanguages : [...queryLanguages].reverse();
    for (const ql of order) {
      const { buildS, toAslS } = sample(stateCount, ql);
      const r = runs.get(ql);
      if (r === undefined) continue;
      r.total.push(buildS + toAslS);
      r.build.push(buildS);
      r.toAsl.push(toAslS);
    }
  }
  return queryLanguages.map((queryLanguage) => {
    const r = runs.get(queryLanguage) ?? { total: [], build: [], toAsl: [] };
    const seconds = median(r.total);
    return {
      queryLanguage,
      states: stateCount,
      samples: r.total.length,
      ms: seconds * 1000,
      buildMs: median(r.build) * 1000,
      toAslMs: median(r.toAsl) * 1000,
      statesPerSecond: stateCount / seconds,
    };
  });
}
