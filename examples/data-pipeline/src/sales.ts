// The data the pipeline moves: CSV rows of a daily sales export, per-batch summaries, the report.

/** One CSV row as the ItemReader yields it: every value is a string (header row gives the keys). */
export interface SalesRow {
  readonly order_id: string;
  readonly region: string;
  readonly sku: string;
  readonly quantity: string;
  readonly unit_price: string;
}

/** What the ItemBatcher hands each child execution. */
export interface SalesBatch {
  readonly Items: readonly SalesRow[];
  readonly BatchInput: { readonly runDate: string };
}

/** What one batch contributes. */
export interface BatchSummary {
  readonly rows: number;
  readonly rejected: number;
  /** Revenue in cents per region (integers: no floating-point drift when summing). */
  readonly revenueByRegion: Readonly<Record<string, number>>;
}

export interface SalesReport {
  readonly runDate: string;
  readonly batches: number;
  readonly rows: number;
  readonly rejected: number;
  readonly revenueByRegion: Readonly<Record<string, number>>;
  readonly topRegion: string | null;
}
