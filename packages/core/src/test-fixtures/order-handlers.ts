// Handlers used by the builder tests; only their types matter to the builder.

export interface ReserveInput {
  readonly sku: string;
  readonly qty: number;
}

export interface Reservation {
  readonly reservationId: string;
  readonly sku: string;
}

export class OutOfStock extends Error {
  override name = "OutOfStock";
}

/** Reserves stock for one line. */
export async function reserve(event: ReserveInput): Promise<Reservation> {
  if (event.qty > 100) throw new OutOfStock(event.sku);
  return { reservationId: `r-${event.sku}`, sku: event.sku };
}

export interface ChargeInput {
  readonly orderId: string;
  readonly amount: number;
}

/** Charges a card. */
export async function charge(event: ChargeInput): Promise<{ readonly chargeId: string; readonly approved: boolean }> {
  return { chargeId: `c-${event.orderId}`, approved: event.amount < 10_000 };
}

/** Reviews an order by hand. */
export async function review(event: { readonly orderId: string; readonly total: number; readonly token?: string }): Promise<{ readonly approved: boolean }> {
  return { approved: event.total < 5000 };
}
