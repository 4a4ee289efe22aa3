// SalesPipeline's test cases, run on two sources: the compiled ASL with the handlers from source
// (workflow.test.ts) and the machine of the synthesized stack with the bundled handlers
// (cdk-out.test.ts). Each file says how to run; the cases and the expected outcomes are the same.
import { describe, expect, it } from "vitest";
import type { InMemoryObjectStore, TaskHandler } from "@stepcraft/runtime";
import type { TestExecutionResult } from "@stepcraft/runtime/testing";
import "@stepcraft/runtime/vitest";
import { handler as loadBatch, rowRevenue } from "../src/handlers/load-batch.ts";
import { readableRows, salesExportCsv } from "../src/sample-data.ts";
import type { SalesBatch, SalesReport } from "../src/sales.ts";
import { BATCH_SIZE, RESULTS_PREFIX } from "../src/workflow.ts";
import type { PipelineInput } from "../src/workflow.ts";

export const input: PipelineInput = { key: "exports/2026-03-31/sales.csv", runDate: "2026-03-31" };

/** When the test runs start: a fixed instant, so timestamps are reproducible. */
export const START = new Date("2026-04-01T01:00:00Z");

/** One way to run SalesPipeline. */
export interface PipelineHarness {
  /** The bucket the Map Run's ResultWriter writes to. */
  readonly resultsBucket: string;
  /**
   * Puts `csv` at `input.key` in the exports bucket (nothing when undefined) and runs the pipeline
   * on `input`; `loadBatch` replaces the batch function when given.
   */
  run(csv: string | undefined, loadBatch?: TaskHandler): Promise<{ readonly result: TestExecutionResult<unknown>; readonly store: InMemoryObjectStore }>;
}

/** Row indexes `[from, to)`. */
const range = (from: number, to: number) => new Set(Array.from({ length: to - from }, (_, k) => from + k));

/** The report computed independently of the workflow, from the rows the batches that succeed hold. */
function expectedReport(rows: number, badRows: ReadonlySet<number>, failedBatches: readonly number[] = []): SalesReport {
  const revenueByRegion: Record<string, number> = {};
  let counted = 0;
  let rejected = 0;
  for (let b = 0; b * BATCH_SIZE < rows; b++) {
    if (failedBatches.includes(b)) continue;
    const from = b * BATCH_SIZE;
    const to = Math.min(rows, from + BATCH_SIZE);
    const good = readableRows(from, to, { badRows });
    counted += good.length;
    rejected += to - from - good.length;
    for (const row of good) revenueByRegion[row.region] = (revenueByRegion[row.region] ?? 0) + (rowRevenue(row) ?? 0);
  }
  const top = Object.entries(revenueByRegion).sort(([a, x], [b, y]) => y - x || a.localeCompare(b))[0]?.[0] ?? null;
  return { runDate: input.runDate, batches: Math.ceil(rows / BATCH_SIZE) - failedBatches.length, rows: counted, rejected, revenueByRegion, topRegion: top };
}

/** Registers the run cases (describe blocks) for `harness`. */
export function describePipelineRuns(harness: PipelineHarness): void {
  const { run, resultsBucket } = harness;

  describe("SalesPipeline: a clean export", () => {
    it("reads 250 rows in 3 batches, writes the Map Run's results to S3 and reports the day", async () => {
      const { result, store } = await run(salesExportCsv(250));
      expect(result).toHaveSucceeded();
      expect(result).toHaveVisitedInOrder(["LoadSales", "ReadManifest", "ReadResults", "Summarize", "ReportReady"]);
      expect(result.output).toEqual(expectedReport(250, new Set()));
      const written = (await store.listObjectsV2(resultsBucket, `${RESULTS_PREFIX}/`)).map((o) => o.Key.split("/").at(-1));
      expect(written.sort()).toEqual(["SUCCEEDED_0.json", "manifest.json"]);
    });

    it("rejects a few unreadable rows without failing their batch", async () => {
      const noisy = new Set([3, 150, 151]);
      const { result } = await run(salesExportCsv(250, { badRows: noisy }));
      expect(result).toHaveSucceeded();
      expect(result.output).toEqual(expectedReport(250, noisy));
      expect(result.output).toMatchObject({ rows: 247, rejected: 3 });
    });
  });

  describe("SalesPipeline: failure tolerance", () => {
    it("tolerates one corrupt batch in ten (10%), and reports the other nine", async () => {
      const corrupt = range(300, 400);
      const { result, store } = await run(salesExportCsv(1000, { badRows: corrupt }));
      expect(result).toHaveSucceeded();
      expect(result.output).toEqual(expectedReport(1000, corrupt, [3]));
      // The failed batch is kept in S3 for a redrive.
      const files = (await store.listObjectsV2(resultsBucket, `${RESULTS_PREFIX}/`)).map((o) => o.Key.split("/").at(-1));
      expect(files).toContain("FAILED_0.json");
    });

    // AWS counts a failed batch as all of its items failed (200 of 1,000 items here: 20% > 10%).
    it("fails the run when two batches in ten are corrupt (20% > 10%)", async () => {
      const corrupt = new Set([...range(0, 100), ...range(500, 600)]);
      const { result } = await run(salesExportCsv(1000, { badRows: corrupt }));
      expect(result).toHaveFailedWith("TooManyBadBatches");
      expect(result.states["Summarize"]).toBeUndefined();
    });

    it("fails clearly when the export is missing", async () => {
      const { result } = await run(undefined);
      expect(result).toHaveFailedWith("ExportUnreadable", /sales\.csv/);
    });
  });

  describe("SalesPipeline: retries", () => {
    it("retries batches Lambda throttled, inside their child executions, and loses nothing", async () => {
      let calls = 0;
      const throttledTwice: TaskHandler = (event) => {
        calls += 1;
        if (calls <= 2) throw Object.assign(new Error("Rate exceeded"), { name: "Lambda.TooManyRequestsException" });
        return loadBatch(event as SalesBatch);
      };
      const { result } = await run(salesExportCsv(250), throttledTwice);
      expect(result).toHaveSucceeded();
      expect(calls).toBe(3 + 2);
      expect(result.output).toEqual(expectedReport(250, new Set()));
    });
  });
}
