import type { PurchaseRequest } from "../request.ts";

export interface NotifyApproverEvent {
  readonly request: PurchaseRequest;
  /** 1 for the first request, 2+ for reminders. */
  readonly round: number;
  /** The task token: the approve/reject links carry it back to SendTaskSuccess. */
  readonly taskToken: string;
}

export interface ApprovalEmail {
  readonly to: string;
  readonly subject: string;
  readonly approveUrl: string;
  readonly rejectUrl: string;
}

/** Where the approval page lives; set on the deployed function by the stack. */
const APPROVAL_URL = process.env["APPROVAL_URL"] ?? "https://approvals.example.com/decide";

/** Builds the approval email. Its return value is ignored: the task ends when the approver answers. */
export function approvalEmail(event: NotifyApproverEvent): ApprovalEmail {
  const { request, round, taskToken } = event;
  const link = (decision: string) => `${APPROVAL_URL}?decision=${decision}&token=${encodeURIComponent(taskToken)}`;
  return {
    to: request.approver,
    subject: `${round > 1 ? `Reminder ${round - 1}: ` : ""}approve ${request.item} for ${request.amount} ${request.currency} (${request.requester})`,
    approveUrl: link("APPROVED"),
    rejectUrl: link("REJECTED"),
  };
}

/**
 * Sends the approval email. A deployed function would hand it to SES; the example stops at
 * building it, so it needs no verified sender. Step Functions ignores what this returns.
 */
export async function handler(event: NotifyApproverEvent): Promise<ApprovalEmail> {
  return approvalEmail(event);
}
