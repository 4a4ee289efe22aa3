import {
  CreateActivityCommand,
  GetActivityTaskCommand,
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  GetExecutionHistoryCommand,
  SendTaskSuccessCommand,
  StartExecutionCommand,
  type HistoryEvent,
  type SFNClient,
} from "@aws-sdk/client-sfn";
import { describe, expect, it, vi } from "vitest";
import { startServer } from "../src/index.ts";
import { crash, dataDir, expectWholeHistory, finished, historyOf, serve } from "./durable-server.ts";
import { ROLE, sdkClient, until } from "./sdk-client.ts";

describe("durable executions across restarts", () => {
  it("keeps state machines and finished executions", async () => {
    const data = dataDir();
    const first = await serve(data);
    const { stateMachineArn } = await first.sfn.send(new CreateStateMachineCommand({ name: "P", definition: '{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}', roleArn: ROLE }));
    const { executionArn } = await first.sfn.send(new StartExecutionCommand({ stateMachineArn, input: '{"k":1}' }));
    await finished(first.sfn, executionArn);
    await crash(first.server);
    const second = await serve(data);
    expect(second.server.resumed).toBe(0);
    expect(await second.sfn.send(new DescribeExecutionCommand({ executionArn }))).toMatchObject({ status: "SUCCEEDED", output: '{"k":1}' });
    expect((await historyOf(second.sfn, executionArn)).map((e) => e.type)).toEqual(["ExecutionStarted", "PassStateEntered", "PassStateExited", "ExecutionSucceeded"]);
  });

  it("resumes a Wait with its remaining time", async () => {
    const data = dataDir();
    const first = await serve(data);
    const definition = JSON.stringify({ StartAt: "Before", States: { Before: { Type: "Pass", Next: "W" }, W: { Type: "Wait", Seconds: 2, Next: "After" }, After: { Type: "Pass", End: true } } });
    const { stateMachineArn } = await first.sfn.send(new CreateStateMachineCommand({ name: "W", definition, roleArn: ROLE }));
    const { executionArn } = await first.sfn.send(new StartExecutionCommand({ stateMachineArn }));
    await new Promise((r) => setTimeout(r, 600));
    await crash(first.server);
    const restarted = Date.now();
    const second = await serve(data);
    expect(second.server.resumed).toBe(1);
    const done = await finished(second.sfn, executionArn);
    const waitedAfterRestart = Date.now() - restarted;
    expect(done.status).toBe("SUCCEEDED");
    // About 1.4 s were left: not the whole Wait again, and not skipped.
    expect(waitedAfterRestart).toBeGreaterThan(900);
    expect(waitedAfterRestart).toBeLessThan(1900);
    const events = await historyOf(second.sfn, executionArn);
    expectWholeHistory(events);
    expect(events.map((e) => e.type)).toEqual(["ExecutionStarted", "PassStateEntered", "PassStateExited", "WaitStateEntered", "WaitStateExited", "PassStateEntered", "PassStateExited", "ExecutionSucceeded"]);
    const entered = events[3]!.timestamp!.getTime();
    const exited = events[4]!.timestamp!.getTime();
    expect(exited - entered).toBeGreaterThanOrEqual(1990);
    expect(exited - entered).toBeLessThan(2500);
  });

  it("keeps callback tokens valid and does not re-run tasks that finished", async () => {
    const data = dataDir();
    let charged = 0;
    const tasks = { charge: () => ({ charged: ++charged }) };
    const first = await serve(data, { tasks });
    const definition = JSON.stringify({
      StartAt: "Charge",
      States: {
        Charge: { Type: "Task", Resource: "arn:aws:lambda:us-east-1:123456789012:function:charge", Next: "Approve" },
        Approve: { Type: "Task", Resource: "arn:aws:states:::sqs:sendMessage.waitForTaskToken", Parameters: { "Token.$": "$$.Task.Token", QueueUrl: "q" }, End: true },
      },
    });
    const { stateMachineArn } = await first.sfn.send(new CreateStateMachineCommand({ name: "Cb", definition, roleArn: ROLE }));
    const { executionArn } = await first.sfn.send(new StartExecutionCommand({ stateMachineArn }));
    const history = await until(() => historyOf(first.sfn, executionArn), (h) => h.some((e) => e.type === "TaskStarted" && (e.previousEventId ?? 0) > 5));
    const scheduled = history.filter((e) => e.type === "TaskScheduled").at(-1)!;
    const token = (JSON.parse(scheduled.taskScheduledEventDetails!.parameters!) as { Token: string }).Token;
    await crash(first.server);
    const second = await serve(data, { tasks });
    expect(second.server.resumed).toBe(1);
    await second.sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: '{"approved":true}' }));
    const done = await finished(second.sfn, executionArn);
    expect(done).toMatchObject({ status: "SUCCEEDED", output: '{"approved":true}' });
    expect(charged).toBe(1);
    const events = await historyOf(second.sfn, executionArn);
    expectWholeHistory(events);
    expect(events.filter((e) => e.type === "LambdaFunctionScheduled")).toHaveLength(1);
    expect(events.filter((e) => e.type === "TaskScheduled")).toHaveLength(1);
  });

  it("re-runs a task that was in flight at the crash (at-least-once), recording it once", async () => {
    const data = dataDir();
    let calls = 0;
    const first = await serve(data, { tasks: { slow: () => (calls++, new Promise(() => undefined)) } });
    const definition = JSON.stringify({ StartAt: "Slow", States: { Slow: { Type: "Task", Resource: "arn:aws:lambda:us-east-1:123456789012:function:slow", End: true } } });
    const { stateMachineArn } = await first.sfn.send(new CreateStateMachineCommand({ name: "S", definition, roleArn: ROLE }));
    const { executionArn } = await first.sfn.send(new StartExecutionCommand({ stateMachineArn, input: '{"n":5}' }));
    await until(() => historyOf(first.sfn, executionArn), (h) => h.some((e) => e.type === "LambdaFunctionStarted"));
    await crash(first.server);
    const second = await serve(data, { tasks: { slow: (input) => (calls++, { done: (input as { n: number }).n }) } });
    const done = await finished(second.sfn, executionArn);
    expect(done).toMatchObject({ status: "SUCCEEDED", output: '{"done":5}' });
    expect(calls).toBe(2);
    const events = await historyOf(second.sfn, executionArn);
    expectWholeHistory(events);
    expect(events.map((e) => e.type)).toEqual(["ExecutionStarted", "TaskStateEntered", "LambdaFunctionScheduled", "LambdaFunctionStarted", "LambdaFunctionSucceeded", "TaskStateExited", "ExecutionSucceeded"]);
  });

  it("keeps an activity task a worker took before the restart: its token, and ActivityStarted in its place", async () => {
    const data = dataDir();
    const first = await serve(data);
    const { activityArn } = await first.sfn.send(new CreateActivityCommand({ name: "Review" }));
    const definition = JSON.stringify({ StartAt: "Review", States: { Review: { Type: "Task", Resource: activityArn, Next: "Done" }, Done: { Type: "Pass", End: true } } });
    const { stateMachineArn } = await first.sfn.send(new CreateStateMachineCommand({ name: "A", definition, roleArn: ROLE }));
    const { executionArn } = await first.sfn.send(new StartExecutionCommand({ stateMachineArn, input: '{"doc":1}' }));
    const task = await first.sfn.send(new GetActivityTaskCommand({ activityArn, workerName: "worker-1" }));
    expect(task.input).toBe('{"doc":1}');
    await until(() => historyOf(first.sfn, executionArn), (h) => h.some((e) => e.type === "ActivityStarted"));
    await crash(first.server);
    const second = await serve(data);
    await second.sfn.send(new SendTaskSuccessCommand({ taskToken: task.taskToken, output: '{"ok":true}' }));
    expect(await finished(second.sfn, executionArn)).toMatchObject({ status: "SUCCEEDED", output: '{"ok":true}' });
    const events = await historyOf(second.sfn, executionArn);
    expectWholeHistory(events);
    expect(events.map((e) => e.type)).toEqual(["ExecutionStarted", "TaskStateEntered", "ActivityScheduled", "ActivityStarted", "ActivitySucceeded", "TaskStateExited", "PassStateEntered", "PassStateExited", "ExecutionSucceeded"]);
    expect(events[3]!.activityStartedEventDetails?.workerName).toBe("worker-1");
  });
});

describe("durable Parallel branches", () => {
  it("resumes two branches waiting for callbacks and a Wait, answering each by its old token", async () => {
    const data = dataDir();
    const first = await serve(data);
    const ask = (name: string) => ({ Type: "Task", Resource: "arn:aws:states:::sqs:sendMessage.waitForTaskToken", Parameters: { "Token.$": "$$.Task.Token", QueueUrl: name }, End: true });
    const definition = JSON.stringify({
      StartAt: "Both",
      States: {
        Both: {
          Type: "Parallel",
          Branches: [
            { StartAt: "Left", States: { Left: ask("left") } },
            { StartAt: "Right", States: { Right: ask("right") } },
            { StartAt: "Pause", States: { Pause: { Type: "Wait", Seconds: 1, End: true } } },
          ],
          End: true,
        },
      },
    });
    const { stateMachineArn } = await first.sfn.send(new CreateStateMachineCommand({ name: "Par", definition, roleArn: ROLE }));
    const { executionArn } = await first.sfn.send(new StartExecutionCommand({ stateMachineArn }));
    const before = await until(() => historyOf(first.sfn, executionArn), (h) => h.filter((e) => e.type === "TaskStarted").length === 2);
    const tokens = Object.fromEntries(
      before.filter((e) => e.type === "TaskScheduled").map((e) => {
        const parameters = JSON.parse(e.taskScheduledEventDetails!.parameters!) as { Token: string; QueueUrl: string };
        return [parameters.QueueUrl, parameters.Token];
      }),
    );
    await first.sfn.send(new SendTaskSuccessCommand({ taskToken: tokens["left"], output: '"L"' }));
    await until(() => historyOf(first.sfn, executionArn), (h) => h.some((e) => e.type === "TaskSucceeded"));
    await crash(first.server);
    const stderr = vi.spyOn(process.stderr, "write");
    const second = await serve(data);
    await second.sfn.send(new SendTaskSuccessCommand({ taskToken: tokens["right"], output: '"R"' }));
    const done = await finished(second.sfn, executionArn);
    expect(done).toMatchObject({ status: "SUCCEEDED", output: '["L","R",{}]' });
    const events = await historyOf(second.sfn, executionArn);
    expectWholeHistory(events);
    expect(events.filter((e) => e.type === "TaskSucceeded")).toHaveLength(2);
    expect(events.filter((e) => e.type === "WaitStateExited")).toHaveLength(1);
    expect(events.map((e) => e.type)).toEqual([
      "ExecutionStarted", "ParallelStateEntered", "ParallelStateStarted",
      "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted", "WaitStateEntered",
      "TaskSucceeded", "TaskStateExited", "TaskSucceeded", "TaskStateExited", "WaitStateExited",
      "ParallelStateExited", "ExecutionSucceeded",
    ]);
    // The replay retraced the committed events: no divergence was reported.
    expect(stderr.mock.calls.map((c) => String(c[0])).filter((t) => t.includes("different path"))).toEqual([]);
    stderr.mockRestore();
  });
});

describe("starting next to a running service", () => {
  it("fails on a port that is taken and leaves nothing half-open", async () => {
    const first = await serve(dataDir());
    await expect(startServer({ port: first.server.port, data: dataDir() })).rejects.toMatchObject({ code: "EADDRINUSE" });
    const { stateMachineArn } = await first.sfn.send(new CreateStateMachineCommand({ name: "StillHere", definition: '{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}', roleArn: ROLE }));
    expect(stateMachineArn).toContain("StillHere");
  });

  it("refuses a data directory another service has open (both would resume the same executions)", async () => {
    const data = dataDir();
    const first = await serve(data);
    await expect(startServer({ port: 0, data })).rejects.toThrow(/is in use by another stepcraft serve process/);
    await first.sfn.send(new CreateStateMachineCommand({ name: "StillHere", definition: '{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}', roleArn: ROLE }));
    await crash(first.server);
    expect((await serve(data)).server.resumed).toBe(0);
  });
});
