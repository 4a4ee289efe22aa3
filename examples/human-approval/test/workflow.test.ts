// PurchaseApproval on the local runtime: the test plays the approver. It waits until the
// approval email went out, moves virtual time by hand (days pass in milliseconds) and answers the
// callback with the task token, exactly as the approval page would.
import { describe, expect, it } from "vitest";
import { localTasks } from "@stepcraft/core";
import type { HistoryEvent, TaskHandler } from "@stepcraft/runtime";
import { startTestExecution } from "@stepcraft/runtime/testing";
import type { StartTestExecutionOptions } from "@stepcraft/runtime/testing";
import "@stepcraft/runtime/vitest";
import { handler as notifyApprover } from "../src/handlers/notify-approver.ts";
import type { ApprovalEmail, NotifyApproverEvent } from "../src/handlers/notify-approver.ts";
import { ErpUnavailable, handler as placeOrder } from "../src/handlers/place-purchase-order.ts";
import type { Decision, PurchaseRequest } from "../src/request.ts";
import { MAX_ROUNDS, purchaseApproval, ROUND_SECONDS } from "../src/workflow.ts";

// A Monday, 10:00 UTC: inside business hours.
const START = new Date("2026-03-02T10:00:00Z");

const request: PurchaseRequest = { requestId: "pr-42", requester: "ana@example.com", approver: "bo@example.com", item: "laptop", amount: 1899, currency: "EUR" };
const approve: Decision = { decision: "APPROVED", decidedBy: "bo@example.com" };

/**
 * The approval emails sent so far, oldest first. The test runtime holds a callback task for the
 * test to answer instead of invoking its function, so the emails are rebuilt by running the real
 * NotifyApprover handler on each request the history shows was scheduled.
 */
async function emailsSent(history: readonly HistoryEvent[]): Promise<ApprovalEmail[]> {
  const requests = history
    .filter((e) => e.type === "TaskScheduled")
    .map((e) => JSON.parse((e["taskScheduledEventDetails"] as { readonly parameters: string }).parameters) as { readonly FunctionName: string; readonly Payload: NotifyApproverEvent })
    .filter((p) => p.FunctionName === "NotifyApprover");
  return Promise.all(requests.map((p) => notifyApprover(p.Payload)));
}

async function start(options: StartTestExecutionOptions = {}) {
  const tasks = { ...(await localTasks(purchaseApproval)), ...options.tasks };
  return startTestExecution(purchaseApproval, request, { startTime: START, ...options, tasks });
}

const hoursSince = (date: Date | undefined) => ((date?.getTime() ?? Number.NaN) - START.getTime()) / 3_600_000;

describe("PurchaseApproval compiles", () => {
  it("to valid JSONata ASL with a callback task and a one-week execution timeout", () => {
    const { asl, diagnostics } = purchaseApproval.compile();
    expect(diagnostics).toEqual([]);
    expect(asl.TimeoutSeconds).toBe(7 * 24 * 3600);
    expect(JSON.stringify(asl)).toContain("arn:aws:states:::lambda:invoke.waitForTaskToken");
  });
});

describe("PurchaseApproval: the approver answers", () => {
  it("approved in the first round: raises the purchase order and tells the requester", async () => {
    const run = await start();
    await run.waitForState("AskApprover");
    await run.advanceTime(2 * 3600); // the approver reads the email two hours later
    const emails = await emailsSent(run.history());
    expect(emails).toHaveLength(1);
    expect(emails[0]?.subject).toBe("approve laptop for 1899 EUR (ana@example.com)");
    // The links carry the task token the approval page answers with.
    const token = run.pendingCallbacks()[0]?.token ?? "";
    expect(emails[0]?.approveUrl).toContain(encodeURIComponent(token));
    await run.sendTaskSuccess("AskApprover", approve);
    const result = await run.result();
    expect(result).toHaveSucceeded();
    expect(result).toHaveVisitedInOrder(["OpenRequest", "StartRound", "AskApprover", "Decision?", "PlacePurchaseOrder", "NotifyApproved", "Approved"]);
    expect(result.output).toEqual({ requestId: "pr-42", outcome: "APPROVED", purchaseOrderId: "PO-pr-42", rounds: 1 });
    expect(hoursSince(result.states["Decision?"]?.visits[0]?.enteredAt)).toBe(2);
  });

  it("rejected: no purchase order, the requester hears why", async () => {
    const run = await start();
    await run.waitForState("AskApprover");
    await run.sendTaskSuccess("AskApprover", { decision: "REJECTED", decidedBy: "bo@example.com", comment: "use the spare one" } satisfies Decision);
    const result = await run.result();
    expect(result).toHaveSucceeded();
    expect(result.states["PlacePurchaseOrder"]).toBeUndefined();
    expect(result).toHaveStateOutputMatching("NotifyRejected", { outcome: "REJECTED", rounds: 1 });
    expect(result.states["NotifyRejected"]?.visits[0]?.attempts.length).toBe(1);
    expect(result.output).toEqual({ requestId: "pr-42", outcome: "REJECTED", rounds: 1 });
  });

  it("fails on an answer that is neither approval nor rejection", async () => {
    const run = await start();
    await run.waitForState("AskApprover");
    await run.sendTaskSuccess("AskApprover", { decision: "MAYBE", decidedBy: "bo@example.com" });
    expect(await run.result()).toHaveFailedWith("InvalidDecision");
  });

  it("fails with the error the approval system reports through SendTaskFailure", async () => {
    const run = await start();
    await run.waitForState("AskApprover");
    await run.sendTaskFailure("AskApprover", "RequestWithdrawn", "the requester withdrew the request");
    const result = await run.result();
    expect(result).toHaveFailedWith("RequestWithdrawn", "the requester withdrew the request");
    expect(result.states["AnotherRound?"]).toBeUndefined();
  });
});

describe("PurchaseApproval: reminders and expiry (virtual time)", () => {
  it("waits for the next business morning after an unanswered day, then reminds with a fresh token", async () => {
    // Starts at 18:00: the first round times out at 18:00 the next day, outside business hours.
    const evening = new Date("2026-03-02T18:00:00Z");
    const run = await start({ startTime: evening });
    await run.waitForState("AskApprover");
    const firstToken = run.pendingCallbacks()[0]?.token;
    await run.waitForState("AskApprover", { visit: 2 });
    expect(run.now().toISOString()).toBe("2026-03-04T09:00:00.000Z");
    const emails = await emailsSent(run.history());
    expect(emails.map((e) => e.subject)).toEqual(["approve laptop for 1899 EUR (ana@example.com)", "Reminder 1: approve laptop for 1899 EUR (ana@example.com)"]);
    expect(run.pendingCallbacks().map((c) => c.token)).not.toContain(firstToken);
    await run.sendTaskSuccess("AskApprover", approve);
    const result = await run.result();
    expect(result).toHaveSucceeded();
    expect(result.output).toMatchObject({ rounds: 2 });
  });

  it("reminds at once when a round ends inside business hours", async () => {
    const run = await start();
    await run.waitForState("AskApprover", { visit: 2 });
    // 10:00 + 24h = 10:00 the next day: no wait.
    expect(hoursSince(run.now())).toBe(24);
  });

  it(`expires after ${MAX_ROUNDS} unanswered rounds and tells the requester`, async () => {
    const run = await start();
    const result = await run.result();
    expect(result).toHaveFailedWith("ApprovalExpired", "the approver did not answer in time");
    expect((await emailsSent(result.history)).map((e) => e.subject.replace(/:.*/, ""))).toEqual(["approve laptop for 1899 EUR (ana@example.com)", "Reminder 1", "Reminder 2"]);
    expect(result.states["AskApprover"]?.visits).toHaveLength(MAX_ROUNDS);
    expect(result.states["AskApprover"]?.visits.every((v) => v.error === "States.Timeout")).toBe(true);
    expect(result).toHaveStateOutputMatching("NotifyExpired", { notified: "ana@example.com", message: "Request pr-42 expired: no answer from bo@example.com after 3 requests" });
    expect(hoursSince(result.states["NotifyExpired"]?.visits[0]?.enteredAt)).toBe((MAX_ROUNDS * ROUND_SECONDS) / 3600);
  });
});

describe("PurchaseApproval: retries with back-off", () => {
  it("retries the ERP after 10s and 20s, then raises the order", async () => {
    let calls = 0;
    const flakyErp: TaskHandler = (input) => {
      calls += 1;
      if (calls <= 2) throw new ErpUnavailable("503 from the ERP");
      return placeOrder(input as Parameters<typeof placeOrder>[0]);
    };
    const run = await start({ tasks: { PlacePurchaseOrder: flakyErp } });
    await run.waitForState("AskApprover");
    await run.sendTaskSuccess("AskApprover", approve);
    const result = await run.result();
    expect(result).toHaveSucceeded();
    const attempts = result.states["PlacePurchaseOrder"]?.visits[0]?.attempts ?? [];
    expect(attempts.map((a) => a.outcome)).toEqual(["failed", "failed", "succeeded"]);
    const seconds = attempts.map((a) => a.startedAt.getTime() / 1000);
    expect([(seconds[1] ?? 0) - (seconds[0] ?? 0), (seconds[2] ?? 0) - (seconds[1] ?? 0)]).toEqual([10, 20]);
  });
});
