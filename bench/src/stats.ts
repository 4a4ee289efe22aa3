// The arithmetic of the report, kept pure so it can be unit-tested.

/** Median of a non-empty sample (mean of the two middle values for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError("median of an empty sample");
  const sorted = [...values].sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  const upper = sorted[mid] as number;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] as number) + upper) / 2;
}

/**
 * An interval that holds a sample's population median with about 95% confidence, whatever the
 * distribution: the order statistics n/2 ∓ 0.98·√n of the sorted sample (the count of values
 * below the median is binomial(n, ½); its normal approximation). How far a median of noisy
 * pairs can be from the one more pairs would give; needs at least 6 values to mean anything.
 */
export function medianInterval(values: readonly number[]): { readonly low: number; readonly high: number } {
  if (values.length === 0) throw new RangeError("median interval of an empty sample");
  const sorted = [...values].sort((x, y) => x - y);
  const n = sorted.length;
  const halfWidth = 0.98 * Math.sqrt(n);
  // 1-based ranks, clamped to the sample.
  const lowRank = Math.max(1, Math.floor(n / 2 - halfWidth));
  const highRank = Math.min(n, Math.ceil(1 + n / 2 + halfWidth));
  return { low: sorted[lowRank - 1] as number, high: sorted[highRank - 1] as number };
}

/** a / b, or null when either side is missing or b is not a positive finite number. */
export function ratio(a: number | null, b: number | null): number | null {
  if (a === null || b === null || !Number.isFinite(a) || !Number.isFinite(b) || b <= 0) return null;
  return a / b;
}

/** State transitions per second of a sample that ran `executions` executions in `seconds`. */
export function transitionsPerSecond(transitionsPerExecution: number, executions: number, seconds: number): number {
  if (!(seconds > 0)) throw new RangeError(`a sample must take a positive time, got ${seconds}`);
  return (transitionsPerExecution * executions) / seconds;
}

/** Seconds elapsed since a `process.hrtime.bigint()` reading. */
export function secondsSince(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e9;
}
