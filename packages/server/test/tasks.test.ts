import {
  CreateActivityCommand,
  CreateStateMachineCommand,
  DeleteActivityCommand,
  DescribeActivityCommand,
  DescribeExecutionCommand,
  ActivityDoesNotExist,
  GetActivityTaskCommand,
  GetExecutionHistoryCommand,
  InvalidOutput,
  ListActivitiesCommand,
  SendTaskFailureCommand,
  SendTaskHeartbeatCommand,
  SendTaskSuccessCommand,
  StartExecutionCommand,
  TaskDoesNotExist,
  TaskTimedOut,
  InvalidToken,
} from "@aws-sdk/client-sfn";
import type { SFNClient } from "@aws-sdk/client-sfn";
import { describe, expect, it } from "vitest";
import { ROLE, testServer, until } from "./sdk-client.ts";

const callback = JSON.stringify({
  StartAt: "Ask",
  States: {
    Ask: { Type: "Task", Resource: "arn:aws:states:::sqs:sendMessage.waitForTaskToken", Parameters: { "Token.$": "$$.Task.Token", QueueUrl: "q" }, End: true },
  },
});

/** The token of the first TaskScheduled event (as a worker would get it through the queue). */
async function scheduledToken(sfn: SFNClient, executionArn: string): Promise<string> {
  const history = await until(
    () => sfn.send(new GetExecutionHistoryCommand({ executionArn })),
    (h) => h.events?.some((e) => e.type === "TaskSubmitted" || e.type === "TaskStarted") === true,
  );
  const scheduled = history.events!.find((e) => e.type === "TaskScheduled")!;
  return (JSON.parse(scheduled.taskScheduledEventDetails!.parameters!) as { Token: string }).Token;
}

describe("task callbacks and Lambda handlers through the AWS SDK", () => {
  it("answers a waiting task with SendTaskSuccess, and refuses the token afterwards", async () => {
    const { sfn } = await testServer();
    const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name: "Cb", definition: callback, roleArn: ROLE }));
    const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn }));
    const token = await scheduledToken(sfn, executionArn!);
    await sfn.send(new SendTaskHeartbeatCommand({ taskToken: token }));
    await expect(sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: "{nope" }))).rejects.toBeInstanceOf(InvalidOutput);
    await sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: '{"approved":true}' }));
    const done = await until(() => sfn.send(new DescribeExecutionCommand({ executionArn })), (d) => d.status !== "RUNNING");
    expect(done).toMatchObject({ status: "SUCCEEDED", output: '{"approved":true}' });
    await expect(sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: "{}" }))).rejects.toBeInstanceOf(TaskTimedOut);
    await expect(sfn.send(new SendTaskSuccessCommand({ taskToken: "never-issued", output: "{}" }))).rejects.toBeInstanceOf(TaskDoesNotExist);
    await expect(sfn.send(new SendTaskHeartbeatCommand({ taskToken: "x".repeat(3000) }))).rejects.toThrow(/taskToken/);
  });

  it("fails a waiting task with SendTaskFailure", async () => {
    const { sfn } = await testServer();
    const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name: "Cb", definition: callback, roleArn: ROLE }));
    const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn }));
    const token = await scheduledToken(sfn, executionArn!);
    await sfn.send(new SendTaskFailureCommand({ taskToken: token, error: "Rejected", cause: "no budget" }));
    const done = await until(() => sfn.send(new DescribeExecutionCommand({ executionArn })), (d) => d.status !== "RUNNING");
    expect(done).toMatchObject({ status: "FAILED", error: "Rejected", cause: "no budget" });
  });

  it("runs in-process Lambda handlers by function name, and fails unbound functions as AWS does", async () => {
    const { sfn } = await testServer({ tasks: { double: (input) => ({ n: (input as { n: number }).n * 2 }) } });
    const definition = JSON.stringify({
      StartAt: "Double",
      States: {
        Double: { Type: "Task", Resource: "arn:aws:states:::lambda:invoke", Parameters: { FunctionName: "double", "Payload.$": "$" }, OutputPath: "$.Payload", Next: "Missing" },
        Missing: { Type: "Task", Resource: "arn:aws:lambda:us-east-1:123456789012:function:missing", End: true },
      },
    });
    const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name: "L", definition, roleArn: ROLE }));
    const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn, input: '{"n":21}' }));
    const done = await until(() => sfn.send(new DescribeExecutionCommand({ executionArn })), (d) => d.status !== "RUNNING");
    expect(done).toMatchObject({ status: "FAILED", error: "Lambda.ResourceNotFoundException" });
    const history = await sfn.send(new GetExecutionHistoryCommand({ executionArn }));
    const succeeded = history.events!.find((e) => e.type === "TaskSucceeded")!;
    expect(JSON.parse(succeeded.taskSucceededEventDetails!.output!)).toMatchObject({ Payload: { n: 42 }, StatusCode: 200 });
  });

  it("hands activity tasks to workers with GetActivityTask (long poll)", async () => {
    const { sfn } = await testServer({ activityPollSeconds: 1 });
    const { activityArn } = await sfn.send(new CreateActivityCommand({ name: "Approve" }));
    expect(activityArn).toBe("arn:aws:states:us-east-1:123456789012:activity:Approve");
    expect((await sfn.send(new DescribeActivityCommand({ activityArn }))).name).toBe("Approve");
    expect((await sfn.send(new ListActivitiesCommand({}))).activities?.map((a) => a.name)).toEqual(["Approve"]);
    // Nothing queued: the poll ends empty after its timeout.
    const empty = await sfn.send(new GetActivityTaskCommand({ activityArn, workerName: "w" }));
    expect(empty.taskToken).toBeUndefined();
    const definition = JSON.stringify({ StartAt: "A", States: { A: { Type: "Task", Resource: activityArn, End: true } } });
    const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name: "Act", definition, roleArn: ROLE }));
    const poll = sfn.send(new GetActivityTaskCommand({ activityArn, workerName: "worker-1" }));
    const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn, input: '{"order":7}' }));
    const task = await poll;
    expect(task.input).toBe('{"order":7}');
    await sfn.send(new SendTaskSuccessCommand({ taskToken: task.taskToken, output: '{"ok":1}' }));
    const done = await until(() => sfn.send(new DescribeExecutionCommand({ executionArn })), (d) => d.status !== "RUNNING");
    expect(done).toMatchObject({ status: "SUCCEEDED", output: '{"ok":1}' });
    const types = (await sfn.send(new GetExecutionHistoryCommand({ executionArn }))).events!.map((e) => e.type);
    expect(types).toContain("ActivityStarted");
    await sfn.send(new DeleteActivityCommand({ activityArn }));
    await expect(sfn.send(new DescribeActivityCommand({ activityArn }))).rejects.toBeInstanceOf(ActivityDoesNotExist);
    await expect(sfn.send(new GetActivityTaskCommand({ activityArn }))).rejects.toBeInstanceOf(ActivityDoesNotExist);
    await expect(sfn.send(new SendTaskSuccessCommand({ taskToken: "", output: "{}" }))).rejects.toThrow();
    await expect(sfn.send(new SendTaskFailureCommand({ taskToken: "unknown" }))).rejects.toSatisfy((e) => e instanceof TaskDoesNotExist || e instanceof InvalidToken);
  });
});
