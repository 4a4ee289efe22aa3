// Deterministic sales exports for the demo and the tests: `rows` rows over four regions, with
// optional unreadable rows, as a CSV text with a header row (what the ItemReader parses).
import type { SalesRow } from "./sales.ts";

const REGIONS = ["emea", "amer", "apac", "latam"] as const;
const SKUS = ["KB-001", "MS-002", "MN-003"] as const;
const PRICES: Readonly<Record<(typeof SKUS)[number], string>> = { "KB-001": "49.90", "MS-002": "19.50", "MN-003": "189.00" };

export interface ExportOptions {
  /** Row indexes whose quantity is unreadable (as a broken upstream system writes them). */
  readonly badRows?: ReadonlySet<number>;
}

/** Row `i` of the export: a fixed pseudo-random mix, so regions end up with different totals. */
export function sampleRow(i: number, options: ExportOptions = {}): SalesRow {
  const mix = (i * 7919 + 104_729) % 1_000_003;
  const sku = SKUS[mix % SKUS.length] ?? "KB-001";
  return {
    order_id: `o-${String(i).padStart(6, "0")}`,
    region: REGIONS[Math.floor(mix / 7) % REGIONS.length] ?? "emea",
    sku,
    quantity: options.badRows?.has(i) === true ? "n/a" : String(1 + (Math.floor(mix / 11) % 5)),
    unit_price: PRICES[sku],
  };
}

export function salesExportCsv(rows: number, options: ExportOptions = {}): string {
  const header = "order_id,region,sku,quantity,unit_price";
  const lines = Array.from({ length: rows }, (_, i) => {
    const r = sampleRow(i, options);
    return [r.order_id, r.region, r.sku, r.quantity, r.unit_price].join(",");
  });
  return `${[header, ...lines].join("\n")}\n`;
}

/** The rows of `[from, to)` that are readable, for computing expected totals independently. */
export function readableRows(from: number, to: number, options: ExportOptions = {}): SalesRow[] {
  return Array.from({ length: to - from }, (_, k) => sampleRow(from + k, options)).filter((r) => r.quantity !== "n/a");
}
