export interface OutcomeEvent {
  readonly requester: string;
  readonly requestId: string;
  readonly outcome: "APPROVED" | "REJECTED" | "EXPIRED";
  readonly detail: string;
}

/** Tells the requester how their request ended (a chat message in production: built, not sent, here). */
export async function handler(event: OutcomeEvent): Promise<{ readonly notified: string; readonly message: string }> {
  return { notified: event.requester, message: `Request ${event.requestId} ${event.outcome.toLowerCase()}: ${event.detail}` };
}
