export interface ReleaseEvent {
  readonly orderId: string;
  readonly reservationId: string;
}

/** Compensation for ReserveStock: idempotent, so the workflow may retry it freely. */
export async function handler(event: ReleaseEvent): Promise<{ readonly released: string }> {
  return { released: event.reservationId };
}
