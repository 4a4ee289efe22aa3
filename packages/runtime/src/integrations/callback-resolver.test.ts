import { describe, expect, test, vi } from "vitest";
import { prepareStateMachine } from "../engine/machine.ts";
import { createTaskResolver } from "../tasks/resolve.ts";
import type { TaskHandler } from "../tasks/types.ts";
import { callbackResolver } from "./callback-resolver.ts";
import { CallbackRegistry } from "./callback-registry.ts";

const SQS = "arn:aws:states:::sqs:sendMessage.waitForTaskToken";
const START = new Date("2025-01-01T00:00:00Z");

const approval = {
  StartAt: "AskForApproval",
  States: {
    AskForApproval: {
      Type: "Task",
      Resource: SQS,
      Parameters: { QueueUrl: "https://sqs.us-east-1.amazonaws.com/123456789012/approvals", MessageBody: { "order.$": "$.order", "token.$": "$$.Task.Token" } },
      ResultPath: "$.approval",
      Catch: [{ ErrorEquals: ["Rejected"], ResultPath: "$.rejection", Next: "Refused" }],
      Next: "Approved",
    },
    Approved: { Type: "Pass", End: true },
    Refused: { Type: "Pass", End: true },
  },
};

function machine(tasks: Record<string, TaskHandler>, registry: CallbackRegistry, unbound?: "wait" | "fail") {
  const base = createTaskResolver({ tasks, lambdaErrorFormat: "nodejs", region: "us-east-1", accountId: "123456789012" });
  return prepareStateMachine(approval, { resolveTask: callbackResolver(registry, base, unbound === undefined ? {} : { unbound }) });
}

describe("callbackResolver", () => {
  test("human approval: the SQS handler sends the token, a later sendTaskSuccess answers", async () => {
    const registry = new CallbackRegistry();
    const sent: unknown[] = [];
    const m = machine({ [SQS]: async (input) => void sent.push(input) }, registry);
    const exec = m.start({ order: 7 }, { startTime: START });
    const task = await registry.waitForPending("AskForApproval");
    expect(sent).toEqual([{ QueueUrl: expect.any(String), MessageBody: { order: 7, token: task.token } }]);
    expect(exec.currentStatus).toBe("RUNNING");
    registry.sendTaskSuccess(task.token, { approvedBy: "ann" });
    const result = await exec.result;
    expect(result).toEqual({ status: "SUCCEEDED", output: { order: 7, approval: { approvedBy: "ann" } } });
    const types = exec.history.map((e) => e.type);
    expect(types).toContain("TaskSucceeded");
    expect(exec.history.find((e) => e.type === "TaskScheduled")).toMatchObject({ taskScheduledEventDetails: { resourceType: "sqs", resource: "sendMessage.waitForTaskToken" } });
  });

  test("a rejection sent with sendTaskFailure is caught by the Catch", async () => {
    const registry = new CallbackRegistry();
    const m = machine({ [SQS]: () => ({ MessageId: "m-1" }) }, registry);
    const exec = m.start({ order: 8 });
    const task = await registry.waitForPending("AskForApproval");
    registry.sendTaskFailure(task.token, "Rejected", "too expensive");
    expect(await exec.result).toEqual({ status: "SUCCEEDED", output: { order: 8, rejection: { Error: "Rejected", Cause: "too expensive" } } });
    expect(exec.history.find((e) => e.type === "TaskFailed")).toMatchObject({ taskFailedEventDetails: { error: "Rejected", cause: "too expensive" } });
  });

  test("a handler may answer at once (an in-process worker)", async () => {
    const registry = new CallbackRegistry();
    const m = machine({ [SQS]: (input) => registry.sendTaskSuccess((input as { MessageBody: { token: string } }).MessageBody.token, "ok") }, registry);
    expect(await m.run({ order: 1 })).toEqual({ status: "SUCCEEDED", output: { order: 1, approval: "ok" } });
  });

  test("a failing send fails the task and closes the token", async () => {
    const registry = new CallbackRegistry();
    const tokens: string[] = [];
    const m = machine(
      {
        [SQS]: async (input) => {
          tokens.push((input as { MessageBody: { token: string } }).MessageBody.token);
          throw new Error("queue gone");
        },
      },
      registry,
    );
    const result = await m.run({ order: 1 });
    // The engine reports a service handler's plain Error as States.Runtime.
    expect(result).toMatchObject({ status: "FAILED", error: "States.Runtime", cause: expect.stringContaining("queue gone") });
    expect(registry.pending()).toEqual([]);
    expect(() => registry.sendTaskSuccess(tokens[0]!, 1)).toThrow("Task Timed Out");
  });

  test("a send that throws synchronously fails the task too", async () => {
    const registry = new CallbackRegistry();
    const base = () => ({
      kind: "service" as const,
      resourceType: "sqs",
      resourceAction: "sendMessage.waitForTaskToken",
      eventDetails: {},
      invoke: () => {
        throw new Error("sync");
      },
    });
    const m = prepareStateMachine(approval, { resolveTask: callbackResolver(registry, base) });
    expect(await m.run({ order: 1 })).toMatchObject({ status: "FAILED", error: "States.Runtime", cause: expect.stringContaining("sync") });
    expect(registry.pending()).toEqual([]);
  });

  test("with no handler the task waits for the answer (or fails as unbound when asked)", async () => {
    const registry = new CallbackRegistry();
    const exec = machine({}, registry).start({ order: 2 });
    const task = await registry.waitForPending("AskForApproval");
    registry.sendTaskSuccess(task.token, true);
    expect(await exec.result).toMatchObject({ status: "SUCCEEDED", output: { approval: true } });
    expect(exec.history.find((e) => e.type === "TaskScheduled")).toMatchObject({ taskScheduledEventDetails: { resourceType: "sqs" } });
    expect(await machine({}, registry, "fail").run({})).toMatchObject({ status: "FAILED", error: "States.Runtime" });
  });

  test("sendTaskHeartbeat resets HeartbeatSeconds through the task context", async () => {
    const registry = new CallbackRegistry();
    const def = structuredClone(approval) as { States: { AskForApproval: Record<string, unknown> } };
    def.States.AskForApproval["HeartbeatSeconds"] = 60;
    const beat = vi.fn();
    const base = createTaskResolver({ tasks: {}, lambdaErrorFormat: "nodejs", region: "us-east-1", accountId: "123456789012" });
    const m = prepareStateMachine(def, { resolveTask: callbackResolver(registry, base) });
    const exec = m.start({ order: 3 });
    const off = registry.onHeartbeat(beat);
    const task = registry.pending()[0]!;
    registry.sendTaskHeartbeat(task.token);
    registry.sendTaskSuccess(task.token, "done");
    off();
    expect(await exec.result).toMatchObject({ status: "SUCCEEDED", output: { approval: "done" } });
    expect(beat).toHaveBeenCalledTimes(1);
  });

  test("stopping the execution closes the waiting token", async () => {
    const registry = new CallbackRegistry();
    const exec = machine({ [SQS]: (_input, ctx) => void ctx.signal }, registry).start({ order: 4 });
    const task = await registry.waitForPending("AskForApproval");
    exec.abort();
    await exec.result;
    expect(() => registry.sendTaskSuccess(task.token, 1)).toThrow("Task Timed Out");
  });

  test("other resources pass through untouched", async () => {
    const registry = new CallbackRegistry();
    const base = createTaskResolver({ tasks: { "arn:aws:states:::sqs:sendMessage": () => ({ MessageId: "1" }) }, lambdaErrorFormat: "nodejs", region: "us-east-1", accountId: "123456789012" });
    const m = prepareStateMachine({ StartAt: "S", States: { S: { Type: "Task", Resource: "arn:aws:states:::sqs:sendMessage", End: true } } }, { resolveTask: callbackResolver(registry, base) });
    expect(await m.run({})).toEqual({ status: "SUCCEEDED", output: { MessageId: "1" } });
  });

  test("a resolver without task tokens fails clearly", async () => {
    const registry = new CallbackRegistry();
    const { waitForCallback } = await import("./callback-resolver.ts");
    await expect(waitForCallback(registry, undefined, {}, { stateName: "S", resource: "r", signal: new AbortController().signal, taskToken: undefined })).rejects.toThrow(
      "The Task state 'S' has no task token: only .waitForTaskToken resources get one",
    );
  });
});
