// The coverage-overhead section: pooling the pairs of several processes, and the child processes
// themselves (spawned for real, on two shared workloads, with a tiny plan).
import { describe, expect, it } from "vitest";
import { jsonataTwins, loadSharedWorkloads, withTwins } from "../workloads.ts";
import { measureCoverageOverheads, poolCoveragePairs } from "./coverage-overhead.ts";
import type { CoveragePairs } from "./coverage-overhead.ts";

function pairs(ratios: readonly number[], error: string | null = null): CoveragePairs {
  return { id: "c", title: "c_choice_loop_5k", offSeconds: ratios.map(() => 0.001), onSeconds: ratios.map((r) => 0.001 * r), ratios, machineMedians: [Math.min(...ratios), Math.max(...ratios)], error };
}

describe("coverage overhead: pooling processes", () => {
  it("takes the median of every process's pairs together, and the spread of the processes' own medians", () => {
    const row = poolCoveragePairs([pairs([1.01, 1.02, 1.03]), pairs([1.05, 1.06, 1.07]), pairs([1.0, 1.01, 1.02])]);
    expect(row.pairs).toBe(9);
    expect(row.processes).toBe(3);
    expect(row.ratio).toBe(1.02);
    expect(row.overhead_percent).toBeCloseTo(2, 10);
    expect(row.overhead_by_process_percent![0]).toBeCloseTo(1, 10);
    expect(row.overhead_by_process_percent![1]).toBeCloseTo(6, 10);
    expect(row.overhead_by_machine_percent![0]).toBeCloseTo(0, 10);
    expect(row.overhead_by_machine_percent![1]).toBeCloseTo(7, 10);
    expect(row.off_ms).toBeCloseTo(1, 10);
    expect(row.error).toBeNull();
  });

  it("gives no figure when any process could not measure the workload, and says why", () => {
    const row = poolCoveragePairs([pairs([1.01]), pairs([], "wrong output of execution 0")]);
    expect(row.ratio).toBeNull();
    expect(row.overhead_by_process_percent).toBeNull();
    expect(row.error).toBe("wrong output of execution 0");
    expect(() => poolCoveragePairs([])).toThrow(/no measurements/);
  });

  it("measures in fresh child processes and pools their pairs, an uncapped cold workload included", async () => {
    const shared = await loadSharedWorkloads();
    const all = withTwins(shared, jsonataTwins(shared));
    const chosen = all.filter((w) => w.id === "e" || w.id === "g-cold");
    expect(chosen.map((w) => w.id)).toEqual(["e", "g-cold"]);
    const log: string[] = [];
    const rows = await measureCoverageOverheads(chosen, { pairs: 4, processes: 2, minSampleSeconds: 0.001 }, Number.POSITIVE_INFINITY, (m) => log.push(m));
    expect(log).toEqual([expect.stringMatching(/process 1 of 2/), expect.stringMatching(/process 2 of 2/)]);
    for (const row of rows) {
      expect(row.error, row.id).toBeNull();
      expect([row.pairs, row.processes]).toEqual([4, 2]);
      // Every execution of the cold workload ran (an infinite cap once reached the child as 0).
      expect(row.off_ms!, row.id).toBeGreaterThan(0.05);
      expect(Number.isFinite(row.ratio)).toBe(true);
    }
  }, 120_000);

  it("turns a child process that dies into an error row for each workload instead of failing the whole bench", async () => {
    const shared = await loadSharedWorkloads();
    const unknown = { ...shared[0]!, id: "no-such-workload", title: "no_such_workload" };
    const rows = await measureCoverageOverheads([unknown], { pairs: 2, processes: 2, minSampleSeconds: 0.001 }, 25, () => {});
    expect(rows).toHaveLength(1);
    expect(rows[0]!.ratio).toBeNull();
    expect(rows[0]!.error).toMatch(/coverage overhead child exited 1 without a report: .*no workload no-such-workload/s);
  }, 60_000);
});
