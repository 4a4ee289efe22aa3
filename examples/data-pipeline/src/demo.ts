// What `npm run example` runs for this example: a 1,000-row export with one corrupt batch, which
// the Map Run tolerates (1 of 10 batches failed, within 10%).
import { testExecution } from "@stepcraft/runtime/testing";
import { LOCAL_EXPORTS_BUCKET, localSetup } from "./local-run.ts";
import { salesExportCsv } from "./sample-data.ts";
import { salesPipeline } from "./workflow.ts";
import type { PipelineInput } from "./workflow.ts";

export const workflows = [{ workflow: salesPipeline, type: "STANDARD" }] as const;

export const sampleInput: PipelineInput = { key: "exports/2026-03-31/sales.csv", runDate: "2026-03-31" };

/** Rows 300–399 (the fourth batch) come from a broken upstream system. */
const corrupt = new Set(Array.from({ length: 100 }, (_, k) => 300 + k));

export async function runDemo() {
  const local = await localSetup();
  await local.store.putObject(LOCAL_EXPORTS_BUCKET, sampleInput.key, salesExportCsv(1000, { badRows: corrupt }));
  return testExecution(local.pipeline, sampleInput, { tasks: local.tasks, objectStore: local.store, startTime: new Date("2026-04-01T01:00:00Z"), random: 1 });
}
