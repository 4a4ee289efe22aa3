import { LOW_STOCK_THRESHOLD, onHand } from "./catalog.ts";
import type { Line } from "./catalog.ts";

export interface CheckStockEvent {
  readonly items: readonly Line[];
}

export type StockLevel = "IN_STOCK" | "LOW" | "OUT";

export interface StockReport {
  /** OUT if any line cannot be served, LOW if serving it leaves a SKU under the threshold. */
  readonly level: StockLevel;
  /** SKUs that are short (OUT) or will run low (LOW). */
  readonly skus: string[];
}

/** Reads stock for every line of the order; it reserves nothing (ReserveStock does). */
export async function handler(event: CheckStockEvent): Promise<StockReport> {
  const short = event.items.filter((line) => onHand(line.sku) < line.qty).map((line) => line.sku);
  if (short.length > 0) return { level: "OUT", skus: short };
  const low = event.items.filter((line) => onHand(line.sku) - line.qty < LOW_STOCK_THRESHOLD).map((line) => line.sku);
  return low.length > 0 ? { level: "LOW", skus: low } : { level: "IN_STOCK", skus: [] };
}
