import { ShipmentRejected } from "./errors.ts";

export interface ShipEvent {
  readonly orderId: string;
  readonly address: { readonly country: string; readonly postcode: string };
}

export interface Shipment {
  readonly trackingNumber: string;
  readonly carrier: string;
}

/** Destinations the demo carrier does not serve. */
const EMBARGOED = new Set(["AQ"]);

/** Books a carrier pickup for the reserved, paid order. */
export async function handler(event: ShipEvent): Promise<Shipment> {
  if (EMBARGOED.has(event.address.country)) throw new ShipmentRejected(`no carrier serves ${event.address.country}`);
  return { trackingNumber: `TRK-${event.orderId}`, carrier: event.address.country === "GB" ? "Royal Mail" : "DHL" };
}
