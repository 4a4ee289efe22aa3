import type { BatchSummary, SalesReport } from "../sales.ts";

export interface SummarizeEvent {
  readonly runDate: string;
  /** Every successful batch's summary, read back from the Map Run's result files. */
  readonly batches: readonly BatchSummary[];
}

/** Adds the batches up into the day's report. */
export async function handler(event: SummarizeEvent): Promise<SalesReport> {
  const revenueByRegion: Record<string, number> = {};
  let rows = 0;
  let rejected = 0;
  for (const batch of event.batches) {
    rows += batch.rows;
    rejected += batch.rejected;
    for (const [region, cents] of Object.entries(batch.revenueByRegion)) revenueByRegion[region] = (revenueByRegion[region] ?? 0) + cents;
  }
  const ranked = Object.entries(revenueByRegion).sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
  return { runDate: event.runDate, batches: event.batches.length, rows, rejected, revenueByRegion, topRegion: ranked[0]?.[0] ?? null };
}
