export interface RefundEvent {
  readonly chargeId: string;
  readonly amount: number;
}

/** Compensation for ChargePayment. */
export async function handler(event: RefundEvent): Promise<{ readonly refundId: string }> {
  return { refundId: `re-${event.chargeId}` };
}
