import { onHand } from "./catalog.ts";
import type { Line } from "./catalog.ts";
import { OutOfStock } from "./errors.ts";

export interface ReserveEvent {
  readonly orderId: string;
  readonly items: readonly Line[];
}

export interface Reservation {
  readonly reservationId: string;
  readonly units: number;
}

/**
 * Holds the order's units. Stock can vanish between CheckStock and here, so OutOfStock is still
 * possible; a ReservationConflict (optimistic locking lost) is thrown by the datastore layer and
 * retried by the workflow.
 */
export async function handler(event: ReserveEvent): Promise<Reservation> {
  for (const line of event.items) {
    if (onHand(line.sku) < line.qty) throw new OutOfStock(`${line.sku}: ${onHand(line.sku)} on hand, ${line.qty} wanted`);
  }
  return { reservationId: `res-${event.orderId}`, units: event.items.reduce((sum, line) => sum + line.qty, 0) };
}
