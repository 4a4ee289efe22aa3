export interface RestockEvent {
  readonly skus: readonly string[];
}

export interface RestockRequest {
  readonly requestId: string;
  readonly skus: string[];
}

/** Asks the warehouse to reorder SKUs running low; the order itself goes ahead. */
export async function handler(event: RestockEvent): Promise<RestockRequest> {
  return { requestId: `restock-${event.skus.join("+")}`, skus: [...event.skus] };
}
