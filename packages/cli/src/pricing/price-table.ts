/**
 * AWS Step Functions prices, us-east-1, in USD. The one place prices live: update the numbers and
 * the date together.
 *
 * Source: https://aws.amazon.com/step-functions/pricing/ (read 2026-11-21). Standard workflows
 * are billed per state transition ("each time a step of your workflow is executed", retries
 * included). Express workflows are billed per request (each execution started) plus duration,
 * rounded up to the nearest 100 ms, times memory billed in 64 MB chunks. The Express duration
 * price is the first tier (the first 1,000 GB-hours a month); free tiers are not applied.
 */
export const PRICE_TABLE = {
  source: "https://aws.amazon.com/step-functions/pricing/",
  retrieved: "2026-11-21",
  region: "us-east-1",
  standard: {
    /** $0.025 per 1,000 state transitions. */
    perStateTransition: 0.000025,
  },
  express: {
    /** $1.00 per million requests. */
    perRequest: 0.000001,
    /** First tier: $0.00001667 per GB-second. */
    perGbSecond: 0.00001667,
    /** Duration is rounded up to this many milliseconds. */
    durationIncrementMs: 100,
    /** Memory is billed in chunks of this size; an execution uses at least one. */
    memoryChunkMb: 64,
  },
} as const;
