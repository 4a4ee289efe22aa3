import { PaymentDeclined } from "./errors.ts";

export interface ChargeEvent {
  readonly orderId: string;
  readonly amount: number;
  readonly cardToken: string;
}

export interface Charge {
  readonly chargeId: string;
  readonly amount: number;
}

/** Card tokens the demo gateway declines, as a test card number would be. */
const DECLINED = new Set(["tok_declined", "tok_insufficient_funds"]);

/** Charges the card. The idempotency key is the order id, so a retried charge never bills twice. */
export async function handler(event: ChargeEvent): Promise<Charge> {
  if (DECLINED.has(event.cardToken)) throw new PaymentDeclined(`card ${event.cardToken} declined for ${event.amount}`);
  return { chargeId: `ch-${event.orderId}`, amount: event.amount };
}
