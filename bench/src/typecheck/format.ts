// The type-check section's JSON fields and printed rows.
import type { TypecheckResult } from "../sections/optional.ts";
import { ratio } from "../stats.ts";
import type { TypecheckMeasurement } from "./measure.ts";
import { formatScale, type ScaleReport } from "./scale.ts";

/** The target of the comparison: our check no slower than 1.5× the CDK's. */
export const TARGET_RATIO = 1.5;

/**
 * The report's type-check result: `ours_s` / `cdk_s` / `ratio` are tsc's "Check time" (what the
 * fixture's types cost); the `*_total_s` fields add config, parse and bind time, where the
 * CDK's much larger .d.ts weigh in.
 */
export interface TypecheckReport extends TypecheckResult {
  readonly states: number;
  readonly rounds: number;
  /** Fastest round's check time (the medians are ours_s / cdk_s). */
  readonly ours_min_check_s: number;
  readonly cdk_min_check_s: number;
  readonly ours_total_s: number;
  readonly cdk_total_s: number;
  readonly total_ratio: number | null;
  readonly ours_wall_s: number;
  readonly cdk_wall_s: number;
  readonly ours_instantiations: number;
  readonly cdk_instantiations: number;
  readonly ours_types: number;
  readonly cdk_types: number;
  readonly ours_memory_mb: number;
  readonly cdk_memory_mb: number;
  readonly ours_lines: number;
  readonly cdk_lines: number;
  readonly cdk_ts2589: number;
  /** Check time of a two-state program with the same imports (the library's own source or .d.ts). */
  readonly ours_baseline_check_s: number;
  readonly cdk_baseline_check_s: number;
  readonly ours_baseline_total_s: number;
  readonly cdk_baseline_total_s: number;
  /** Check time the workflow itself adds over its baseline (floored at 0: noise can make it negative). */
  readonly ours_workflow_check_s: number;
  readonly cdk_workflow_check_s: number;
  readonly ours_workflow_instantiations: number;
  readonly cdk_workflow_instantiations: number;
  /** Type errors in either fixture (should be none). */
  readonly errors: readonly string[];
  /** The scale programs (a long chain, many variables, many merges), when measured. */
  readonly scale?: ScaleReport;
}

const round = (v: number, digits = 3): number => Number(v.toFixed(digits));

export function typecheckReport(m: TypecheckMeasurement): TypecheckReport {
  // tsc prints milliseconds: a check under 1 ms counts as 1 ms, so the ratio stays a finite number.
  const checkRatio = m.ours.checkSeconds / Math.max(m.cdk.checkSeconds, 0.001);
  const totalRatio = ratio(m.ours.totalSeconds, m.cdk.totalSeconds);
  return {
    ours_s: round(m.ours.checkSeconds),
    cdk_s: round(m.cdk.checkSeconds),
    ratio: round(checkRatio, 2),
    ts2589: m.ours.ts2589,
    states: m.states,
    rounds: m.rounds,
    ours_min_check_s: round(m.ours.minCheckSeconds),
    cdk_min_check_s: round(m.cdk.minCheckSeconds),
    ours_total_s: round(m.ours.totalSeconds),
    cdk_total_s: round(m.cdk.totalSeconds),
    total_ratio: totalRatio === null ? null : round(totalRatio, 2),
    ours_wall_s: round(m.ours.wallSeconds),
    cdk_wall_s: round(m.cdk.wallSeconds),
    ours_instantiations: m.ours.instantiations,
    cdk_instantiations: m.cdk.instantiations,
    ours_types: m.ours.types,
    cdk_types: m.cdk.types,
    ours_memory_mb: round(m.ours.memoryMb, 0),
    cdk_memory_mb: round(m.cdk.memoryMb, 0),
    ours_lines: m.ours.lines,
    cdk_lines: m.cdk.lines,
    cdk_ts2589: m.cdk.ts2589,
    ours_baseline_check_s: round(m.ours.baseline.checkSeconds),
    cdk_baseline_check_s: round(m.cdk.baseline.checkSeconds),
    ours_baseline_total_s: round(m.ours.baseline.totalSeconds),
    cdk_baseline_total_s: round(m.cdk.baseline.totalSeconds),
    ours_workflow_check_s: round(Math.max(0, m.ours.checkSeconds - m.ours.baseline.checkSeconds)),
    cdk_workflow_check_s: round(Math.max(0, m.cdk.checkSeconds - m.cdk.baseline.checkSeconds)),
    ours_workflow_instantiations: m.ours.instantiations - m.ours.baseline.instantiations,
    cdk_workflow_instantiations: m.cdk.instantiations - m.cdk.baseline.instantiations,
    errors: [...m.ours.errors.map((e) => `stepcraft: ${e}`), ...m.cdk.errors.map((e) => `cdk: ${e}`)],
  };
}

function isTypecheckReport(t: TypecheckResult): t is TypecheckReport {
  return "ours_total_s" in t && "cdk_total_s" in t;
}

const int = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const verdict = (r: number | null): string => (r === null || !Number.isFinite(r) ? "no ratio" : r <= TARGET_RATIO ? `within the ${TARGET_RATIO}× target` : `over the ${TARGET_RATIO}× target`);

/** The detail lines under the report's "Type-check:" line; empty for a result without them. */
export function formatTypecheckDetails(t: TypecheckResult): string[] {
  if (!isTypecheckReport(t)) return [];
  const lines = [
    `  ${t.states}-state workflow, tsc --extendedDiagnostics, median of ${t.rounds} alternating rounds; the seconds above are tsc's "Check time" (${verdict(t.ratio)}; fastest round ${t.ours_min_check_s.toFixed(2)} / ${t.cdk_min_check_s.toFixed(2)} s)`,
    `  total time (config+parse+bind+check): stepcraft ${t.ours_total_s.toFixed(2)} s, CDK ${t.cdk_total_s.toFixed(2)} s (ours/CDK ${t.total_ratio?.toFixed(2) ?? "—"}, ${verdict(t.total_ratio)}); process wall ${t.ours_wall_s.toFixed(2)} / ${t.cdk_wall_s.toFixed(2)} s`,
    `  of which the library alone (two-state program, same imports; stepcraft / CDK): check ${t.ours_baseline_check_s.toFixed(2)} / ${t.cdk_baseline_check_s.toFixed(2)} s, total ${t.ours_baseline_total_s.toFixed(2)} / ${t.cdk_baseline_total_s.toFixed(2)} s; the ${t.states} states add check ${t.ours_workflow_check_s.toFixed(2)} / ${t.cdk_workflow_check_s.toFixed(2)} s and ${int.format(t.ours_workflow_instantiations)} / ${int.format(t.cdk_workflow_instantiations)} instantiations`,
    `  instantiations ${int.format(t.ours_instantiations)} / ${int.format(t.cdk_instantiations)}, types ${int.format(t.ours_types)} / ${int.format(t.cdk_types)}, memory ${int.format(t.ours_memory_mb)} / ${int.format(t.cdk_memory_mb)} MB, lines parsed ${int.format(t.ours_lines)} / ${int.format(t.cdk_lines)} (stepcraft / CDK)`,
  ];
  if (t.scale !== undefined) lines.push(...formatScale(t.scale));
  for (const e of t.errors) lines.push(`!!! type-check: ${e}`);
  return lines;
}
