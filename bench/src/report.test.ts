import { describe, expect, it } from "vitest";
import { formatReport, jsonWorkload, speedup } from "./report.ts";
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
  workloads: workloads.map(jsonWorkload),
  typecheck: null,
  validator: null,
  compiler: null,
  memory: null,
  prepare: null,
  overhead: null,
});

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
});
