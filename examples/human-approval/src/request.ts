// The purchase request the workflow carries, and the decision the approval page sends back.

export interface PurchaseRequest {
  readonly requestId: string;
  readonly requester: string;
  readonly approver: string;
  readonly item: string;
  readonly amount: number;
  readonly currency: string;
}

/** What the approval page posts back through SendTaskSuccess (the callback's output). */
export interface Decision {
  readonly decision: "APPROVED" | "REJECTED";
  readonly decidedBy: string;
  readonly comment?: string;
}
