// Type-check cost at scale, each a standalone tsc program (packages/core/scripts/scale-fixtures.ts):
// one chain at 100/200/400/1,000 states, whose check time and instantiations must grow linearly,
// 300 assigned variables and 200 `resultField` merges. TS2589 ("excessively deep") is counted.
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
  /**
   * Per state, the largest chain over the smallest: check time and instantiations. About 1 when
   * the cost grows linearly; 10 would be quadratic over 100 → 1,000 states.
   */
  readonly chain_check_growth: number | null;
  readonly chain_instantiation_growth: number | null;
}

/** The programs measured, in order. */
export const SCALE_RUNS: readonly (readonly [ScaleKind, number])[] = [
  ["chain", 100],
  ["chain", 200],
  ["chain", 400],
  ["chain", 1000],
  ["variables", 300],
  ["merges", 200],
];

/** Per-state growth of `value` from the smallest chain to the largest (null without two chains). */
function growth(points: readonly ScalePoint[], value: (p: ScalePoint) => number): number | null {
  const chain = points.filter((p) => p.kind === "chain").sort((a, b) => a.size - b.size);
  const small = chain[0];
  const large = chain.at(-1);
  if (small === undefined || large === undefined || small === large || value(small) <= 0) return null;
  return Number((value(large) / large.size / (value(small) / small.size)).toFixed(2));
}

/** The scale report from measured points. */
export function scaleReport(points: readonly ScalePoint[]): ScaleReport {
  return { points, chain_check_growth: growth(points, (p) => p.check_s), chain_instantiation_growth: growth(points, (p) => p.instantiations) };
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

/** The report lines of the scale measurement. */
export function formatScale(s: ScaleReport): string[] {
  const describe = (p: ScalePoint): string => `${p.kind} ${int.format(p.size)}: check ${p.check_s.toFixed(2)} s, ${int.format(p.instantiations)} instantiations${p.ts2589 > 0 ? `, TS2589 ×${p.ts2589}` : ""}`;
  return [
    `  at scale (one tsc program each): ${s.points.map(describe).join("; ")}`,
    `  chain growth per state, ${s.points.filter((p) => p.kind === "chain").map((p) => p.size).join("→")} states: check ×${s.chain_check_growth ?? "—"}, instantiations ×${s.chain_instantiation_growth ?? "—"} (1 = linear)`,
  ];
}
