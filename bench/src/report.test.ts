import { describe, expect, it } from "vitest";
import { formatCoverageOverhead, formatFastPath, formatReport, jsonWorkload, speedup } from "./report.ts";
import type { JsonReport } from "./report.ts";
import type { WorkloadRow } from "./sections/runtime.ts";

const engineRow = (tps: number | null, error?: string) => ({
  tps,
  usPerExecution: tps === null ? null : 1e6 / tps,
  samples: tps === null ? 0 : 3,
  error,
  unsupported: false,
});

const good: WorkloadRow = { id: "a", title: "a_pass", twinOf: undefined, executions: 1, ours: engineRow(2000), peer: engineRow(1000), ratio: 2, ok: true };
const bad: WorkloadRow = {
  id: "c",
  title: "c_loop",
  twinOf: undefined,
  executions: 1,
  ours: engineRow(null, "wrong output of execution 0: $.i: expected 5000, got 4999"),
  peer: engineRow(1000),
  ratio: null,
  ok: false,
};

const report = (workloads: WorkloadRow[]): JsonReport => ({
  generated_at: "2026-01-01T00:00:00.000Z",
  node: "v20",
  quick: true,
  workloads: workloads.map((row) => jsonWorkload(row, workloads)),
  typecheck: null,
  validator: null,
  compiler: null,
  memory: null,
  prepare: null,
  overhead: null,
  jsonata_fast_path: null,
  coverage_overhead: null,
});

const twin: WorkloadRow = {
  id: "a-jsonata",
  title: "a_pass_jsonata",
  twinOf: "a",
  executions: 1,
  ours: engineRow(1500),
  peer: { ...engineRow(null), unsupported: true },
  ratio: null,
  ok: true,
};

describe("report", () => {
  it("has the JSON fields CI reads", () => {
    expect(jsonWorkload(good)).toMatchObject({ id: "a", ours_tps: 2000, peer_tps: 1000, ratio: 2, ok: true });
    expect(Object.keys(report([good]))).toEqual(
      expect.arrayContaining(["workloads", "typecheck", "validator", "compiler", "memory", "prepare"]),
    );
  });
  it("says 'not measured yet' for the compiler and type-check until their sections exist", () => {
    const text = formatReport(report([good]));
    expect(text).toContain("Compiler: not measured yet");
    expect(text).toContain("Type-check: not measured yet");
  });
  it("reports a wrong output loudly", () => {
    const text = formatReport(report([good, bad]));
    expect(text).toMatch(/c_loop .*FAILED/);
    expect(text).toContain("!!!   c: stepcraft: wrong output of execution 0: $.i: expected 5000, got 4999");
  });
  it("phrases ratios as faster or slower", () => {
    expect(speedup(4)).toBe("4.0× faster");
    expect(speedup(0.5)).toBe("2.0× slower");
    expect(speedup(null)).toBe("—");
  });
  it("gives a JSONata twin its ratio to its JSONPath workload and to the peer's JSONPath figure", () => {
    const rows = [good, twin];
    expect(jsonWorkload(twin, rows).twin).toEqual({ to_jsonpath: 0.75, to_peer: 1.5 });
    expect(jsonWorkload(good, rows).twin).toBeNull();
    // Without its JSONPath row (e.g. `--only a-jsonata`) the ratios are unknown, not invented.
    expect(jsonWorkload(twin, [twin]).twin).toEqual({ to_jsonpath: null, to_peer: null });
    const text = formatReport(report(rows));
    expect(text).toMatch(/ {2}a_pass_jsonata +1,500 +n\/a +1\.50× +0\.75×/);
    expect(text).toContain("ours/peer is against the peer's JSONPath figure");
  });
  it("prints the built packages' peak RSS under plain node against the 100 MB target", () => {
    const memory = {
      workload: "b0",
      ours_peak_rss_mb: 150,
      peer_peak_rss_mb: 230,
      ours_baseline_rss_mb: 120,
      peer_baseline_rss_mb: 125,
      ours_built_peak_rss_mb: 95,
      ours_built_baseline_rss_mb: 70,
      ours_built_start_rss_mb: 40,
      ours_built_imported_rss_mb: 60,
      ours_sampled_heap_mb: 40,
      peer_sampled_heap_mb: 110,
      ratio: 150 / 230,
      ok: true,
      errors: [],
    };
    expect(formatReport({ ...report([good]), memory })).toContain(
      "built packages under plain node (no tsx), as a user runs them: stepcraft 95 MB peak RSS (Node.js alone 40 MB, runtime imported 60 MB, baseline 70 MB; target < 100 MB ✅)",
    );
    expect(formatReport({ ...report([good]), memory: { ...memory, ours_built_peak_rss_mb: 110 } })).toContain("110 MB peak RSS (Node.js alone 40 MB, runtime imported 60 MB, baseline 70 MB; target < 100 MB, not met)");
  });

  it("prints the fast-path coverage with what is left to jsonata", () => {
    const counted = (fast: number, expressions: number, outside: string[] = []) => ({ fast, expressions, share: expressions === 0 ? null : fast / expressions, outside });
    const text = formatFastPath({
      corpus: counted(114, 119, ["$split($x, '/')[-1]"]),
      conformance: counted(129, 137),
      builder: counted(10, 10),
      twins: counted(0, 0),
      errors: ["conformance: ENOENT"],
    });
    expect(text).toContain("corpus 114/119 (95.8%), conformance 129/137 (94.2%), builder 10/10 (100.0%), twins 0/0");
    expect(text).toContain(`left to jsonata: "$split($x, '/')[-1]"`);
    expect(text).toContain("!!! conformance: ENOENT");
  });
  it("prints the coverage overhead per workload, and a workload that could not be measured", () => {
    const text = formatCoverageOverhead([
      { id: "c", title: "c_choice_loop_5k", off_ms: 1.1, on_ms: 1.12, ratio: 1.018, overhead_percent: 1.8, overhead_ci95_percent: [0.9, 2.6], overhead_by_machine_percent: [-0.4, 3.1], overhead_by_process_percent: [1.2, 2.4], pairs: 201, processes: 3, error: null },
      {
        id: "d",
        title: "d_parallel_10x20",
        off_ms: null,
        on_ms: null,
        ratio: null,
        overhead_percent: null,
        overhead_ci95_percent: null,
        overhead_by_machine_percent: null,
        overhead_by_process_percent: null,
        pairs: 201,
        processes: 3,
        error: "wrong output of execution 0",
      },
    ]);
    expect(text).toContain("median of 201 alternating pairs' ratios, pooled from 3 fresh processes");
    expect(text).toMatch(/c_choice_loop_5k +1\.10 +1\.12 +1\.018 +1\.8% +0\.9 … 2\.6% +1\.2 … 2\.4% +-0\.4 … 3\.1%/);
    expect(text).toMatch(/d_parallel_10x20 +— +— +— +— +— +— +—/);
    expect(text).toContain("!!! coverage overhead d: wrong output of execution 0");
  });
});
