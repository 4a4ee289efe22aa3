// Lambda callback tasks of a plain-CDK machine (LambdaInvoke with WAIT_FOR_TASK_TOKEN of a
// NodejsFunction): the bundled handler runs in-process with the token in its payload, and the
// execution waits for the token's answer, as on AWS.
import { afterEach, describe, expect, it, vi } from "vitest";
import { startTestExecution, testExecution } from "@stepcraft/runtime/testing";
import "@stepcraft/runtime/vitest";
import { refundStack } from "./fixtures/refund-app.ts";
import { fromStack } from "./index.ts";

interface ApprovalMail {
  readonly to: string;
  readonly refundId: string;
  readonly token: string;
}

// One synthesis (with esbuild bundling of the function) for the whole file.
const stack = refundStack();
const refund = fromStack(stack);
const outbox = (): ApprovalMail[] => (globalThis as { approvalOutbox?: ApprovalMail[] }).approvalOutbox ?? [];
afterEach(() => {
  delete (globalThis as { approvalOutbox?: unknown }).approvalOutbox;
});

describe("lambda:invoke.waitForTaskToken of a deployed function", () => {
  it("runs the handler with the token in its payload, then waits for the answer to that token", async () => {
    const run = startTestExecution(refund, { refundId: "r-1", amount: 30 });
    await run.waitForState("AskApprover");
    // The handler runs a few promise turns after the state is entered (its bundle loads first).
    const mail = await vi.waitFor(() => outbox()[0] ?? Promise.reject(new Error("no mail yet")));
    // It ran with its environment as Lambda sets it, and its mail carries the token.
    expect(mail).toMatchObject({ to: "finance@example.com", refundId: "r-1" });
    expect(run.pendingCallbacks()).toEqual([expect.objectContaining({ stateName: "AskApprover", token: mail.token })]);
    // Its return value is not the task's result: the answer to the token is.
    await run.sendTaskSuccess(mail.token, { approved: true, by: "finance" });
    const result = await run.result();
    expect(result).toHaveSucceeded();
    expect(result.output).toEqual({ refundId: "r-1", amount: 30, decision: { approved: true, by: "finance" } });
  });

  it("fails the task with the error the answer sends", async () => {
    const run = startTestExecution(refund, { refundId: "r-2", amount: 30 });
    await run.waitForState("AskApprover");
    // Answered by state name: the handle finds the token itself.
    await run.sendTaskFailure("AskApprover", "Rejected", "not a valid refund");
    expect(await run.result()).toHaveFailedWith("Rejected", "not a valid refund");
  });

  it("fails at once, with the function's error, when the handler throws", async () => {
    const result = await testExecution(refund, { refundId: "r-3", amount: 0 });
    expect(result).toHaveFailedWith("InvalidRefund", /refund r-3: the amount must be positive/);
    expect(outbox()).toEqual([]);
  });

  it("times out like AWS when nobody answers within the task's timeout", async () => {
    const result = await testExecution(refund, { refundId: "r-4", amount: 30 });
    expect(result).toHaveFailedWith("States.Timeout");
    expect(outbox()).toHaveLength(1);
  });

  it("does not run the code when the test binds the state (its result answers) or turns handlers off (the task only waits)", async () => {
    const bound = await testExecution(refund, { refundId: "r-5", amount: 30 }, { tasks: { AskApprover: () => ({ approved: false }) } });
    expect(bound).toHaveSucceeded();
    expect(bound.output).toMatchObject({ decision: { approved: false } });

    const quiet = startTestExecution(fromStack(stack, { runHandlers: false }), { refundId: "r-6", amount: 30 });
    await quiet.waitForState("AskApprover");
    await quiet.sendTaskSuccess("AskApprover", { approved: true });
    expect(await quiet.result()).toHaveSucceeded();
    expect(outbox()).toEqual([]);
  });
});
