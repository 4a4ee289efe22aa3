import type { BatchSummary, SalesBatch, SalesRow } from "../sales.ts";

/** Too much of the batch is unreadable: fail it, and let the Map's failure tolerance decide. */
export class BatchRejected extends Error {
  override readonly name = "BatchRejected";
}

/** Above this share of bad rows, the batch is treated as corrupt rather than noisy. */
const MAX_REJECTED_SHARE = 0.5;

/** Revenue of a row in cents, or undefined when the row is malformed. */
export function rowRevenue(row: SalesRow): number | undefined {
  const quantity = Number(row.quantity);
  const price = Number(row.unit_price);
  if (row.region === "" || !Number.isInteger(quantity) || quantity <= 0 || !Number.isFinite(price) || price < 0) return undefined;
  return Math.round(quantity * price * 100);
}

/** Validates one batch of rows and sums revenue per region (a warehouse load would go here too). */
export async function handler(event: SalesBatch): Promise<BatchSummary> {
  const revenueByRegion: Record<string, number> = {};
  let rejected = 0;
  for (const row of event.Items) {
    const cents = rowRevenue(row);
    if (cents === undefined) {
      rejected += 1;
      continue;
    }
    revenueByRegion[row.region] = (revenueByRegion[row.region] ?? 0) + cents;
  }
  if (event.Items.length > 0 && rejected / event.Items.length > MAX_REJECTED_SHARE) {
    throw new BatchRejected(`${rejected} of ${event.Items.length} rows unreadable in the ${event.BatchInput.runDate} export`);
  }
  return { rows: event.Items.length - rejected, rejected, revenueByRegion };
}
