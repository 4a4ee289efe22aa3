import type { PurchaseRequest } from "../request.ts";

export interface PurchaseOrder {
  readonly purchaseOrderId: string;
  readonly amount: number;
}

/** The ERP is down or busy: transient, the workflow retries. */
export class ErpUnavailable extends Error {
  override readonly name = "ErpUnavailable";
}

/** Raises the purchase order in the ERP once the request is approved (idempotent on requestId). */
export async function handler(event: { readonly request: PurchaseRequest; readonly approvedBy: string }): Promise<PurchaseOrder> {
  return { purchaseOrderId: `PO-${event.request.requestId}`, amount: event.request.amount };
}
