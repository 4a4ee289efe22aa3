// Type-check cost at scale, each a standalone tsc program (packages/core/scripts/scale-fixtures.ts):
// one chain at 100/200/400/1,000 states, whose check time and instantiations must grow linearly,
// 50/100/200/300 assigned variables, 50/100/200 `resultField` merges and 300 replacements (the same
// names assigned and merged again). TS2589 ("excessively deep") is counted.
import { measureScale } from "../../../packages/core/scripts/scale-fixtures.ts";
import type { ScaleKind } from "../../../packages/core/scripts/scale-fixtures.ts";
import { countTs2589 } from "./diagnostics.ts";

export interface ScalePoint {
  readonly kind: ScaleKind;
  readonly size: number;
  readonly check_s: number;
  readonly instantiations: number;
  readonly ts2589: number;
}

export interface ScaleReport {
  readonly points: readonly ScalePoint[];
  /** Per series (each kind measured at two sizes or more), how the cost per unit grows. */
  readonly growth: readonly ScaleGrowth[];
}

/**
 * The cost per unit (state, variable, merge) at the largest size over the smallest, in check time
 * and in instantiations: about 1 when the cost grows linearly, 10 when quadratic over 100 → 1,000.
 */
export interface ScaleGrowth {
  readonly kind: ScaleKind;
  readonly from: number;
  readonly to: number;
  readonly check: number | null;
  readonly instantiations: number | null;
}

/**
 * The programs measured, in order: one chain (states), many assigned variables, many
 * `resultField` merges, and names replaced again and again (assigns and merges into the same fields).
 */
export const SCALE_RUNS: readonly (readonly [ScaleKind, number])[] = [
  ["chain", 100],
  ["chain", 200],
  ["chain", 400],
  ["chain", 1000],
  ["variables", 50],
  ["variables", 100],
  ["variables", 200],
  ["variables", 300],
  ["merges", 50],
  ["merges", 100],
  ["merges", 200],
  ["replacements", 300],
];

/** Per-unit growth of `value` from `small` to `large` (null when the smaller costs nothing). */
function perUnitGrowth(small: ScalePoint, large: ScalePoint, value: (p: ScalePoint) => number): number | null {
  if (value(small) <= 0 || !Number.isFinite(value(small)) || !Number.isFinite(value(large))) return null;
  return Number((value(large) / large.size / (value(small) / small.size)).toFixed(2));
}

/** The scale report from measured points. */
export function scaleReport(points: readonly ScalePoint[]): ScaleReport {
  const growth: ScaleGrowth[] = [];
  for (const kind of new Set(points.map((p) => p.kind))) {
    const series = points.filter((p) => p.kind === kind).sort((a, b) => a.size - b.size);
    const small = series[0];
    const large = series.at(-1);
    if (small === undefined || large === undefined || small.size === large.size) continue;
    growth.push({ kind, from: small.size, to: large.size, check: perUnitGrowth(small, large, (p) => p.check_s), instantiations: perUnitGrowth(small, large, (p) => p.instantiations) });
  }
  return { points, growth };
}

/** Measures every program of {@link SCALE_RUNS} once (instantiations are exact; times are one sample). */
export async function measureScaleSeries(log: (message: string) => void): Promise<ScaleReport> {
  const points: ScalePoint[] = [];
  for (const [kind, size] of SCALE_RUNS) {
    log(`type-check at scale: ${kind} ${size} ...`);
    const run = await measureScale(kind, size);
    points.push({ kind, size, check_s: run.checkSeconds ?? Number.NaN, instantiations: run.instantiations ?? 0, ts2589: countTs2589(run.output) });
  }
  return scaleReport(points);
}

const int = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

/** The report lines of the scale measurement: one line per kind, its sizes and its growth. */
export function formatScale(s: ScaleReport): string[] {
  const describe = (p: ScalePoint): string => `${int.format(p.size)}: ${p.check_s.toFixed(2)} s, ${int.format(p.instantiations)} inst.${p.ts2589 > 0 ? `, TS2589 ×${p.ts2589}` : ""}`;
  const lines = ["  at scale (one tsc program each; growth = cost per unit at the largest size / at the smallest, 1 = linear):"];
  for (const kind of new Set(s.points.map((p) => p.kind))) {
    const g = s.growth.find((x) => x.kind === kind);
    const growth = g === undefined ? "" : `; growth ${g.from}→${g.to}: check ×${g.check ?? "—"}, instantiations ×${g.instantiations ?? "—"}`;
    lines.push(`    ${kind}: ${s.points.filter((p) => p.kind === kind).map(describe).join(" | ")}${growth}`);
  }
  return lines;
}
