import { COVERAGE_METRICS } from "./coverage-summary.ts";
import type { CoverageMetric, MachineSummary } from "./coverage-summary.ts";

/** Minimum percentages each machine must reach, per metric (absent: no minimum). */
export type CoverageThresholds = Partial<Readonly<Record<CoverageMetric, number>>>;

/** Thrown for thresholds that cannot be right (not a number from 0 to 100, unknown metric). */
export class CoverageThresholdError extends Error {
  override readonly name = "CoverageThresholdError";
}

/** Checks the thresholds themselves: known metrics, numbers from 0 to 100. */
export function checkThresholds(thresholds: unknown): CoverageThresholds {
  if (thresholds === null || typeof thresholds !== "object" || Array.isArray(thresholds)) {
    throw new CoverageThresholdError(`coverage thresholds must be an object like { states: 100, branches: 90 }, not ${JSON.stringify(thresholds)}`);
  }
  for (const [key, value] of Object.entries(thresholds)) {
    if (!(COVERAGE_METRICS as readonly string[]).includes(key)) {
      throw new CoverageThresholdError(`unknown coverage threshold '${key}': use ${COVERAGE_METRICS.join(", ")}`);
    }
    if (typeof value !== "number" || !Number.isFinite(value) || value < 0 || value > 100) {
      throw new CoverageThresholdError(`coverage threshold '${key}' must be a percentage from 0 to 100, not ${JSON.stringify(value)}`);
    }
  }
  return thresholds as CoverageThresholds;
}

/**
 * What falls short of the thresholds, one message per machine and metric, naming what is not
 * covered; empty when every machine meets them.
 */
export function thresholdFailures(machines: readonly MachineSummary[], thresholds: CoverageThresholds): string[] {
  const failures: string[] = [];
  for (const machine of machines) {
    for (const metric of COVERAGE_METRICS) {
      const minimum = thresholds[metric];
      const actual = machine.metrics[metric];
      if (minimum === undefined || actual.percent >= minimum) continue;
      const missing = machine.items.filter((i) => i.metric === metric && i.hits === 0).map((i) => i.label);
      failures.push(`${machine.name}: ${metric} ${actual.percent}% is below the threshold ${minimum}%; not covered: ${missing.join("; ")}`);
    }
  }
  return failures;
}
