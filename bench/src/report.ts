// The JSON report and the printed table.
import { formatCompiler } from "./compiler/format.ts";
import type { CoverageOverheadRow } from "./sections/coverage-overhead.ts";
import type { CoverageCount, FastPathCoverageResult } from "./sections/fast-path-coverage.ts";
import type { MemoryResult } from "./sections/memory.ts";
import type { CompilerResult, TypecheckResult } from "./sections/optional.ts";
import type { PrepareResult } from "./sections/prepare.ts";
import type { WorkloadRow } from "./sections/runtime.ts";
import type { ValidatorResult } from "./sections/validator.ts";
import { ratio } from "./stats.ts";
import { formatTypecheckDetails } from "./typecheck/format.ts";

export interface JsonWorkload {
  readonly id: string;
  readonly title: string;
  readonly twin_of: string | null;
  readonly executions: number;
  readonly samples: { readonly ours: number; readonly peer: number };
  readonly ours_tps: number | null;
  readonly peer_tps: number | null;
  /** ours_tps / peer_tps (above 1: we are faster). */
  readonly ratio: number | null;
  readonly ok: boolean;
  readonly ours_us_per_exec: number | null;
  readonly peer_us_per_exec: number | null;
  /** A JSONata twin's throughput against its JSONPath workload (same run); null for other rows. */
  readonly twin: TwinRatios | null;
  readonly errors: string[];
}

export interface TwinRatios {
  /** Twin's tps / its JSONPath workload's tps on stepcraft (1: JSONata as fast as JSONPath). */
  readonly to_jsonpath: number | null;
  /** Twin's tps / the peer's tps on the JSONPath workload (the peer has no JSONata). */
  readonly to_peer: number | null;
}

export interface OverheadResult {
  /** Per-execution wall time on the g workload (one prepared machine, 5 transitions). */
  readonly workload: string;
  readonly ours_us: number | null;
  readonly peer_us: number | null;
  /** ours_us / peer_us (below 1: less overhead). */
  readonly ratio: number | null;
}

export interface JsonReport {
  readonly generated_at: string;
  readonly node: string;
  readonly quick: boolean;
  readonly workloads: JsonWorkload[];
  readonly typecheck: TypecheckResult | null;
  readonly validator: ValidatorResult | null;
  readonly compiler: CompilerResult | null;
  readonly memory: MemoryResult | null;
  readonly prepare: PrepareResult | null;
  readonly overhead: OverheadResult | null;
  readonly jsonata_fast_path: FastPathCoverageResult | null;
  /** What recording workflow coverage costs, per workload (on / off, same process); null when not measured. */
  readonly coverage_overhead: CoverageOverheadRow[] | null;
}

/** `row` as JSON; `rows` (the whole run) supplies a JSONata twin's JSONPath workload. */
export function jsonWorkload(row: WorkloadRow, rows: readonly WorkloadRow[] = []): JsonWorkload {
  const errors = [
    ...(row.ours.error === undefined ? [] : [`stepcraft: ${row.ours.error}`]),
    ...(row.peer.error === undefined ? [] : [`peer: ${row.peer.error}`]),
  ];
  return {
    id: row.id,
    title: row.title,
    twin_of: row.twinOf ?? null,
    executions: row.executions,
    samples: { ours: row.ours.samples, peer: row.peer.samples },
    ours_tps: row.ours.tps,
    peer_tps: row.peer.tps,
    ratio: row.ratio,
    ok: row.ok,
    ours_us_per_exec: row.ours.usPerExecution,
    peer_us_per_exec: row.peer.usPerExecution,
    twin: twinRatios(row, rows),
    errors,
  };
}

function twinRatios(row: WorkloadRow, rows: readonly WorkloadRow[]): TwinRatios | null {
  if (row.twinOf === undefined) return null;
  const original = rows.find((r) => r.id === row.twinOf);
  return {
    to_jsonpath: ratio(row.ours.tps, original?.ours.tps ?? null),
    to_peer: ratio(row.ours.tps, original?.peer.tps ?? null),
  };
}

export function overheadFrom(rows: readonly WorkloadRow[], id = "g"): OverheadResult | null {
  const row = rows.find((r) => r.id === id);
  if (row === undefined) return null;
  return {
    workload: row.title,
    ours_us: row.ours.usPerExecution,
    peer_us: row.peer.usPerExecution,
    ratio: ratio(row.ours.usPerExecution, row.peer.usPerExecution),
  };
}

const int = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

function num(v: number | null, digits = 0): string {
  if (v === null) return "—";
  return digits === 0 ? int.format(v) : v.toFixed(digits);
}

function times(value: number | null): string {
  return value === null ? "—" : `${value.toFixed(2)}×`;
}

function share(c: CoverageCount): string {
  return `${int.format(c.fast)}/${int.format(c.expressions)}${c.share === null ? "" : ` (${(100 * c.share).toFixed(1)}%)`}`;
}

/** The fast-path coverage line, with the texts left to `jsonata` (they say where coverage could grow). */
export function formatFastPath(c: FastPathCoverageResult): string {
  const lines = [
    "JSONata fast path (expressions compiled to JavaScript, evaluated without the jsonata evaluator): " +
      `corpus ${share(c.corpus)}, conformance ${share(c.conformance)}, builder ${share(c.builder)}, twins ${share(c.twins)}`,
  ];
  const outside = [...new Set([...c.corpus.outside, ...c.conformance.outside, ...c.builder.outside, ...c.twins.outside])];
  if (outside.length > 0) lines.push(`  left to jsonata: ${outside.map((t) => JSON.stringify(t.replace(/\s+/g, " "))).join(", ")}`);
  for (const e of c.errors) lines.push(`  !!! ${e}`);
  return lines.join("\n");
}

/** The workflow-coverage overhead table: CPU time per sample off / on, and the median of the pairs' ratios. */
export function formatCoverageOverhead(rows: readonly CoverageOverheadRow[]): string {
  const pairs = rows[0]?.pairs ?? 0;
  const processes = rows[0]?.processes ?? 1;
  const where = processes === 1 ? "in this process" : `pooled from ${processes} fresh processes`;
  const lines = [
    "",
    `Workflow coverage recording (CPU ms per sample; on/off is the median of ${pairs} alternating pairs' ratios, ${where};`,
    "95% interval of that median, and the lowest and highest of the processes' own medians and of the machine pairs')",
    table(
      ["workload", "off ms", "on ms", "on/off", "overhead", "95% interval", "by process", "by machine pair"],
      rows.map((r) => [
        r.title,
        num(r.off_ms, 2),
        num(r.on_ms, 2),
        r.ratio === null ? "—" : r.ratio.toFixed(3),
        r.overhead_percent === null ? "—" : `${r.overhead_percent.toFixed(1)}%`,
        percentRange(r.overhead_ci95_percent),
        percentRange(r.overhead_by_process_percent),
        percentRange(r.overhead_by_machine_percent),
      ]),
    ),
  ];
  for (const r of rows) if (r.error !== null) lines.push(`!!! coverage overhead ${r.id}: ${r.error}`);
  return lines.join("\n");
}

/** "−0.4 … 2.1%" */
function percentRange(range: readonly [number, number] | null): string {
  return range === null ? "—" : `${range[0].toFixed(1)} … ${range[1].toFixed(1)}%`;
}

/** "3.2× faster" / "1.5× slower" from a higher-is-better ratio. */
export function speedup(betterRatio: number | null): string {
  if (betterRatio === null) return "—";
  return betterRatio >= 1 ? `${betterRatio.toFixed(1)}× faster` : `${(1 / betterRatio).toFixed(1)}× slower`;
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: readonly string[]): string =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join("  ").trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

export function formatReport(report: JsonReport): string {
  const out: string[] = [];
  out.push(`stepcraft vs aws-local-stepfunctions — ${report.node}${report.quick ? " (quick)" : ""}`);
  out.push("");
  out.push("Runtime (transitions/s, median; samples alternate ours/peer)");
  out.push(
    table(
      ["workload", "stepcraft tps", "peer tps", "ours/peer", "JSONata/JSONPath", "stepcraft µs/exec", "peer µs/exec", "ok"],
      report.workloads.map((w) => [
        w.twin_of === null ? w.title : `  ${w.title}`,
        num(w.ours_tps),
        w.twin_of !== null && w.peer_tps === null && w.errors.every((e) => !e.startsWith("peer:")) ? "n/a" : num(w.peer_tps),
        times(w.twin === null ? w.ratio : w.twin.to_peer),
        w.twin === null ? "" : times(w.twin.to_jsonpath),
        num(w.ours_us_per_exec, 1),
        num(w.peer_us_per_exec, 1),
        w.ok ? "ok" : "FAILED",
      ]),
    ),
  );
  if (report.workloads.some((w) => w.twin !== null)) {
    out.push("JSONata twins (indented): ours/peer is against the peer's JSONPath figure (the peer runs no JSONata);");
    out.push("JSONata/JSONPath is the twin's throughput over its JSONPath workload's, both ours, same run.");
  }
  if (report.jsonata_fast_path !== null) out.push(formatFastPath(report.jsonata_fast_path));
  if (report.coverage_overhead !== null) out.push(formatCoverageOverhead(report.coverage_overhead));
  const failures = report.workloads.filter((w) => !w.ok);
  if (failures.length > 0) {
    out.push("");
    out.push(`!!! ${failures.length} workload(s) FAILED (wrong output or failed execution):`);
    for (const w of failures) for (const e of w.errors) out.push(`!!!   ${w.id}: ${e}`);
  }
  out.push("");
  const p = report.prepare;
  out.push(
    p === null
      ? "Prepare: not measured"
      : `Prepare (validate + prepare ${p.workload}, mean per machine): stepcraft ${num(p.ours_ms, 3)} ms, peer ${num(p.peer_ms, 3)} ms → ${speedup(ratio(p.peer_ms, p.ours_ms))}` +
          (p.errors.length > 0 ? `\n!!! ${p.errors.join("; ")}` : ""),
  );
  const o = report.overhead;
  out.push(
    o === null
      ? "Per-execution overhead: not measured (run workload g)"
      : `Per-execution overhead (${o.workload}): stepcraft ${num(o.ours_us, 1)} µs, peer ${num(o.peer_us, 1)} µs → ${speedup(ratio(o.peer_us, o.ours_us))}`,
  );
  const m = report.memory;
  out.push(
    m === null
      ? "Memory: not measured (run workload b0)"
      : `Memory (${m.workload}, peak RSS of a child process per engine): stepcraft ${num(m.ours_peak_rss_mb)} MB, peer ${num(m.peer_peak_rss_mb)} MB` +
          ` (baseline ${num(m.ours_baseline_rss_mb)} / ${num(m.peer_baseline_rss_mb)} MB; sampled heap ${num(m.ours_sampled_heap_mb)} / ${num(m.peer_sampled_heap_mb)} MB)` +
          (m.ratio === null ? "" : ` → ours/peer ${m.ratio.toFixed(2)}`) +
          `\n  built packages under plain node (no tsx), as a user runs them: stepcraft ${num(m.ours_built_peak_rss_mb)} MB peak RSS` +
          ` (Node.js alone ${num(m.ours_built_start_rss_mb)} MB, runtime imported ${num(m.ours_built_imported_rss_mb)} MB, baseline ${num(m.ours_built_baseline_rss_mb)} MB;` +
          ` target < 100 MB${builtMark(m.ours_built_peak_rss_mb)})` +
          (m.errors.length > 0 ? `\n!!! memory: ${m.errors.join("; ")}` : ""),
  );
  const v = report.validator;
  out.push(
    v === null
      ? "Validator: not measured"
      : `Validator (${v.files} real-world definitions, median pass): @stepcraft/asl ${num(v.ours_ms, 1)} ms, asl-validator ${num(v.peer_ms, 1)} ms → ${speedup(ratio(v.peer_ms, v.ours_ms))}` +
          ` (accepted: ${num(v.ours_accepted)} / ${num(v.peer_accepted)}; threw on: ${num(v.ours_crashed)} / ${num(v.peer_crashed)})` +
          (v.errors.length > 0 ? `\n!!! validator: ${v.errors.join("; ")}` : ""),
  );
  out.push(report.compiler === null ? "Compiler: not measured yet" : (formatCompiler(report.compiler) ?? `Compiler: ${JSON.stringify(report.compiler)}`));
  const t = report.typecheck;
  out.push(
    t === null
      ? "Type-check: not measured yet"
      : [`Type-check: stepcraft ${t.ours_s.toFixed(2)} s, CDK ${t.cdk_s.toFixed(2)} s (ours/CDK ${t.ratio.toFixed(2)}), TS2589: ${t.ts2589}`, ...formatTypecheckDetails(t)].join("\n"),
  );
  return out.join("\n");
}

/** Whether the built runtime's peak meets the < 100 MB target. */
function builtMark(peakMb: number | null): string {
  if (peakMb === null) return "";
  return peakMb < 100 ? " ✅" : ", not met";
}
