import { describe, expect, test } from "vitest";
import { ExecutionNotRedrivableError } from "../engine/redrive.ts";
import { START } from "./fixtures.ts";
import { startTestExecution } from "./start-test-execution.ts";

// RedriveExecution through the testing API: a callback that was refused fails the execution; the
// test redrives it, the callback state runs again and this time the test approves.
const approval = {
  StartAt: "Prepare",
  States: {
    Prepare: { Type: "Wait", Seconds: 600, Next: "Approve" },
    Approve: {
      Type: "Task",
      Resource: "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
      Parameters: { QueueUrl: "q", MessageBody: { "token.$": "$$.Task.Token", "order.$": "$.order" } },
      ResultPath: "$.approval",
      Next: "Done",
    },
    Done: { Type: "Pass", Parameters: { "order.$": "$.order", "approval.$": "$.approval", "redrives.$": "$$.Execution.RedriveCount" }, End: true },
  },
};

describe("startTestExecution: redrive", () => {
  test("a refused callback fails the run; redriven, the callback state waits again and the run succeeds", async () => {
    const run = startTestExecution(approval, { order: 7 }, { startTime: START });
    await run.waitForState("Approve");
    await run.sendTaskFailure("Approve", "Rejected", "not today");
    expect(await run.result()).toMatchObject({ status: "FAILED", error: "Rejected", cause: "not today" });

    await run.redrive();
    // The Wait before it is not run again: the redrive re-enters Approve at once.
    const visit = await run.waitForState("Approve", { visit: 2 });
    expect(visit.input).toEqual({ order: 7 });
    await run.sendTaskSuccess("Approve", { ok: true });
    const result = await run.result();
    expect(result).toMatchObject({ status: "SUCCEEDED", output: { order: 7, approval: { ok: true }, redrives: 1 } });
    expect(run.history().filter((e) => e.type === "WaitStateEntered")).toHaveLength(1);
    expect(run.history().some((e) => e.type === "ExecutionRedriven")).toBe(true);
  });

  test("a run that succeeded cannot be redriven", async () => {
    const run = startTestExecution({ StartAt: "P", States: { P: { Type: "Pass", End: true } } }, {});
    expect((await run.result()).status).toBe("SUCCEEDED");
    await expect(run.redrive()).rejects.toThrow(ExecutionNotRedrivableError);
  });
});
