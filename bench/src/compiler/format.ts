// The compiler section's JSON fields and printed rows.
import type { QueryLanguage } from "@stepcraft/core";
import type { CompilerResult } from "../sections/optional.ts";
import type { CompileTiming } from "./measure.ts";

const key = (ql: QueryLanguage): string => ql.toLowerCase();

/** Flat fields (the report's compiler result is a flat record): `<jsonata|jsonpath>_<metric>`. */
export function compilerResult(timings: readonly CompileTiming[]): CompilerResult {
  const result: Record<string, number | string> = {};
  for (const t of timings) {
    const k = key(t.queryLanguage);
    result[`${k}_states`] = t.states;
    result[`${k}_samples`] = t.samples;
    result[`${k}_ms`] = round(t.ms, 2);
    result[`${k}_build_ms`] = round(t.buildMs, 2);
    result[`${k}_to_asl_ms`] = round(t.toAslMs, 2);
    result[`${k}_states_per_s`] = Math.round(t.statesPerSecond);
  }
  return result;
}

const round = (v: number, digits: number): number => Number(v.toFixed(digits));

const int = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

/** One row per query language, read back from the flat record; null when it holds none. */
export function formatCompiler(result: CompilerResult): string | null {
  const rows: string[] = [];
  for (const ql of ["JSONata", "JSONPath"] as const) {
    const k = key(ql);
    const n = (metric: string): number | null => {
      const v = result[`${k}_${metric}`];
      return typeof v === "number" ? v : null;
    };
    const ms = n("ms");
    const states = n("states");
    const perS = n("states_per_s");
    if (ms === null || states === null || perS === null) continue;
    rows.push(
      `  ${ql.padEnd(8)}  ${int.format(states)} states: ${ms.toFixed(1)} ms per compile (build ${n("build_ms")?.toFixed(1) ?? "?"} ms + toAsl ${n("to_asl_ms")?.toFixed(1) ?? "?"} ms), ${int.format(perS)} states/s, median of ${n("samples") ?? "?"}`,
    );
  }
  return rows.length === 0 ? null : ["Compiler (builder → validated ASL via toAsl(), fresh build per sample):", ...rows].join("\n");
}
