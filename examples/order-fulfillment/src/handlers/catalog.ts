// Stock levels the demo handlers read. A deployed service would query its inventory table; a
// fixed catalogue keeps the example self-contained and its tests deterministic.

export interface Line {
  readonly sku: string;
  readonly qty: number;
}

/** Units on hand per SKU. */
export const STOCK: Readonly<Record<string, number>> = {
  "KB-001": 120, // keyboard
  "MS-002": 40, // mouse
  "MN-003": 6, // monitor: nearly sold out
  "CB-004": 0, // cable: sold out
};

/** Below this many units left after an order, the warehouse is asked to restock. */
export const LOW_STOCK_THRESHOLD = 5;

export function onHand(sku: string): number {
  return STOCK[sku] ?? 0;
}
