// How much work each section does; --quick trades precision for a run under two minutes.
// The peer dominates the wall time: ~3 s per 10k-item Map, ~100-250 ms per machine construction
// (g-cold: 100 of them per sample) and ~150 ms per definition in asl-validator.

export interface Plan {
  /** Timed samples per engine and workload (median reported). */
  readonly samples: number;
  /** Untimed (but checked) samples per engine before timing, so JIT warm-up is not measured. */
  readonly warmup: number;
  /**
   * Each engine's warm-up also lasts at least this long (seconds; not for cold workloads): a
   * workload of a few milliseconds per sample needs dozens of executions before V8 has optimized
   * its code.
   */
  readonly warmupSeconds: number;
  /** The same for `cold` workloads, whose peer samples take tens of seconds each. */
  readonly coldSamples: number;
  readonly coldWarmup: number;
  /** At most this many executions per cold sample (transitions/s does not depend on the count). */
  readonly coldExecutionsCap: number;
  /** Rounds of machine preparation per engine, and preparations per round. */
  readonly prepareRounds: number;
  readonly preparationsPerRound: { readonly ours: number; readonly peer: number };
  /** Timed passes over the whole validator corpus per validator, after `validatorWarmup` untimed ones. */
  readonly validatorRounds: number;
  readonly validatorWarmup: number;
}

export const FULL_PLAN: Plan = {
  samples: 5,
  warmup: 1,
  warmupSeconds: 0.25,
  coldSamples: 3,
  coldWarmup: 1,
  coldExecutionsCap: Number.POSITIVE_INFINITY,
  prepareRounds: 5,
  preparationsPerRound: { ours: 500, peer: 20 },
  validatorRounds: 3,
  validatorWarmup: 1,
};

/** Median of 3 after a short warm-up by time only (a long sample, the peer's, warms up none). */
export const QUICK_PLAN: Plan = {
  samples: 3,
  warmup: 0,
  warmupSeconds: 0.05,
  coldSamples: 1,
  coldWarmup: 0,
  coldExecutionsCap: 25,
  prepareRounds: 3,
  preparationsPerRound: { ours: 200, peer: 5 },
  validatorRounds: 1,
  validatorWarmup: 0,
};
