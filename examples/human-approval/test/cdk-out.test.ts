// The deployed form of PurchaseApproval (JSONata, a Lambda callback task): synthesize the CDK app
// into a cloud assembly, then drive the machine it holds with the bundled handlers in-process.
import { afterAll, describe, expect, it } from "vitest";
import { fromCdkOut, synthesizeCdkOut } from "@stepcraft/cdk/testing";
import { startTestExecution } from "@stepcraft/runtime/testing";
import "@stepcraft/runtime/vitest";
import { createStack } from "../cdk/stack.ts";
import type { Decision, PurchaseRequest } from "../src/request.ts";

// One synthesis for the file, into a directory of its own; path metadata on, as the CDK CLI does.
const cdkOut = synthesizeCdkOut(createStack);
afterAll(() => cdkOut.dispose());

const machine = fromCdkOut(cdkOut.directory, { stack: "HumanApproval" });
const START = new Date("2026-03-02T10:00:00Z");
const request: PurchaseRequest = { requestId: "pr-42", requester: "ana@example.com", approver: "bo@example.com", item: "laptop", amount: 1899, currency: "EUR" };

describe("PurchaseApproval from its cloud assembly", () => {
  it("waits for the approver's callback, then runs the deployed ERP and notification functions", async () => {
    const run = startTestExecution(machine, request, { startTime: START });
    await run.waitForState("AskApprover");
    await run.advanceTime(2 * 3600);
    await run.sendTaskSuccess("AskApprover", { decision: "APPROVED", decidedBy: "bo@example.com" } satisfies Decision);
    const result = await run.result();
    expect(result).toHaveSucceeded();
    expect(result).toHaveVisitedInOrder(["OpenRequest", "StartRound", "AskApprover", "Decision?", "PlacePurchaseOrder", "NotifyApproved", "Approved"]);
    expect(result.output).toEqual({ requestId: "pr-42", outcome: "APPROVED", purchaseOrderId: "PO-pr-42", rounds: 1 });
  });

  it("calls the approver's function by its placeholder ARN, which maps back to its construct", () => {
    const asl = JSON.stringify(machine.toAsl());
    const notify = machine.constructAt("NotifyApprover");
    expect(notify.type).toBe("AWS::Lambda::Function");
    expect(asl).toContain(notify.arn);
    expect(machine.constructOf(notify.arn!)?.path).toBe("HumanApproval/PurchaseApproval/Functions/NotifyApprover");
  });
});
