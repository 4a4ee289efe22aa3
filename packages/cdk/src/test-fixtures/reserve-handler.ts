// A handler bundled by the construct's tests; only its type matters to the builder.

export interface ReserveInput {
  readonly sku: string;
  readonly qty: number;
}

/** Reserves stock for one line. */
export async function handler(event: ReserveInput): Promise<{ readonly reservationId: string }> {
  if (event.qty > 100) throw new Error("OutOfStock");
  return { reservationId: `r-${event.sku}` };
}
