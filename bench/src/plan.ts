// How much work each section does; --quick trades precision for a run under two minutes.

export interface Plan {
  /** Timed samples per engine and workload (median reported). */
  readonly samples: number;
  /** Untimed (but checked) samples per engine before timing, so JIT warm-up is not measured. */
  readonly warmup: number;
  /** Timed samples for `cold` workloads, whose peer samples take seconds each. */
  readonly coldSamples: number;
  readonly coldWarmup: number;
  /** Rounds of machine preparation per engine, and preparations per round. */
  readonly prepareRounds: number;
  readonly preparationsPerRound: { readonly ours: number; readonly peer: number };
  /** Rounds over the whole validator corpus per validator. */
  readonly validatorRounds: number;
}

export const FULL_PLAN: Plan = {
  samples: 5,
  warmup: 1,
  coldSamples: 5,
  coldWarmup: 1,
  prepareRounds: 5,
  // The peer takes ~60 ms per construction; ours is meant to take well under 1 ms.
  preparationsPerRound: { ours: 500, peer: 20 },
  validatorRounds: 7,
};

export const QUICK_PLAN: Plan = {
  samples: 3,
  warmup: 1,
  coldSamples: 1,
  coldWarmup: 0,
  prepareRounds: 3,
  preparationsPerRound: { ours: 200, peer: 5 },
  validatorRounds: 3,
};
