// What `npm run example` runs for this example: the approver ignores the first email, gets a
// reminder the next business morning and approves half an hour later. Virtual time: instant.
import { localTasks } from "@stepcraft/core";
import { startTestExecution } from "@stepcraft/runtime/testing";
import type { Decision, PurchaseRequest } from "./request.ts";
import { purchaseApproval } from "./workflow.ts";

export const workflows = [{ workflow: purchaseApproval, type: "STANDARD" }] as const;

export const sampleRequest: PurchaseRequest = { requestId: "pr-7", requester: "ana@example.com", approver: "bo@example.com", item: "standing desk", amount: 640, currency: "EUR" };

export async function runDemo() {
  const run = startTestExecution(purchaseApproval, sampleRequest, {
    tasks: await localTasks(purchaseApproval),
    startTime: new Date("2026-03-02T19:30:00Z"), // requested in the evening
  });
  await run.waitForState("AskApprover", { visit: 2 }); // the reminder, 09:00 two days later
  await run.advanceTime(30 * 60);
  await run.sendTaskSuccess("AskApprover", { decision: "APPROVED", decidedBy: "bo@example.com" } satisfies Decision);
  return run.result();
}
