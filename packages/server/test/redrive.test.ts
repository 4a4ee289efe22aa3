// RedriveExecution through the AWS SDK: from the failed state, the history kept, durable across restarts.
import {
  CreateActivityCommand,
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  ExecutionDoesNotExist,
  ExecutionNotRedrivable,
  GetActivityTaskCommand,
  ListExecutionsCommand,
  RedriveExecutionCommand,
  SendTaskSuccessCommand,
  StartExecutionCommand,
  StopExecutionCommand,
  type SFNClient,
} from "@aws-sdk/client-sfn";
import { describe, expect, it } from "vitest";
import { crash, dataDir, expectWholeHistory, finished, historyOf, serve } from "./durable-server.ts";
import { ROLE, testServer, until } from "./sdk-client.ts";

const LAMBDA = "arn:aws:lambda:us-east-1:123456789012:function:";

/** The token of the last TaskScheduled event, once there are `count` of them (the task waits). */
async function waitingToken(sfn: SFNClient, executionArn: string | undefined, count = 1): Promise<string> {
  const events = await until(() => historyOf(sfn, executionArn), (h) => h.filter((e) => e.type === "TaskStarted").length >= count);
  const scheduled = events.filter((e) => e.type === "TaskScheduled").at(-1)!;
  return (JSON.parse(scheduled.taskScheduledEventDetails!.parameters!) as { Token: string }).Token;
}

/** Charge runs once and succeeds; Ship fails until `shipWorks` says otherwise. */
function chargeThenShip() {
  const calls = { charge: 0, ship: 0 };
  let shipWorks = false;
  const tasks = {
    charge: () => ({ charged: ++calls.charge }),
    ship: (input: unknown) => {
      calls.ship++;
      if (!shipWorks) throw Object.assign(new Error("carrier down"), { name: "CarrierDown" });
      return { shipped: input };
    },
  };
  const definition = JSON.stringify({
    StartAt: "Charge",
    States: {
      Charge: { Type: "Task", Resource: `${LAMBDA}charge`, Next: "Pause" },
      Pause: { Type: "Wait", Seconds: 1, Next: "Ship" },
      Ship: { Type: "Task", Resource: `${LAMBDA}ship`, End: true },
    },
  });
  return { calls, tasks, definition, fixShipping: () => (shipWorks = true) };
}

const callback = { Type: "Task", Resource: "arn:aws:states:::sqs:sendMessage.waitForTaskToken", Parameters: { "Token.$": "$$.Task.Token", QueueUrl: "q" } };

describe("RedriveExecution", () => {
  it("continues a failed execution from the state that failed, keeping its history, and lists it as redriven", async () => {
    const flow = chargeThenShip();
    const { sfn } = await testServer({ tasks: flow.tasks, timeScale: 20 });
    const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name: "Orders", definition: flow.definition, roleArn: ROLE }));
    const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn, name: "o-1", input: '{"order":1}' }));
    const failed = await finished(sfn, executionArn);
    expect(failed).toMatchObject({ status: "FAILED", error: "CarrierDown", redriveCount: 0, redriveStatus: "REDRIVABLE" });
    expect(failed.redriveStatusReason).toBeUndefined();

    flow.fixShipping();
    const { redriveDate } = await sfn.send(new RedriveExecutionCommand({ executionArn }));
    expect(redriveDate).toBeInstanceOf(Date);
    const done = await finished(sfn, executionArn);
    expect(done).toMatchObject({ status: "SUCCEEDED", output: '{"shipped":{"charged":1}}', redriveCount: 1, redriveDate, redriveStatus: "NOT_REDRIVABLE", redriveStatusReason: "Execution is SUCCEEDED and cannot be redriven." });
    expect(flow.calls).toEqual({ charge: 1, ship: 2 });

    const events = await historyOf(sfn, executionArn);
    expectWholeHistory(events);
    const types = events.map((e) => e.type);
    expect(types.slice(types.indexOf("ExecutionFailed"))).toEqual(["ExecutionFailed", "ExecutionRedriven", "TaskStateEntered", "LambdaFunctionScheduled", "LambdaFunctionStarted", "LambdaFunctionSucceeded", "TaskStateExited", "ExecutionSucceeded"]);
    expect(events.find((e) => e.type === "ExecutionRedriven")!.executionRedrivenEventDetails).toEqual({ redriveCount: 1 });
    expect(types.filter((t) => t === "WaitStateEntered")).toHaveLength(1);

    const { executions: redriven } = await sfn.send(new ListExecutionsCommand({ stateMachineArn, redriveFilter: "REDRIVEN" }));
    expect(redriven!.map((e) => [e.name, e.redriveCount, e.redriveDate?.getTime()])).toEqual([["o-1", 1, redriveDate!.getTime()]]);
    expect((await sfn.send(new ListExecutionsCommand({ stateMachineArn, redriveFilter: "NOT_REDRIVEN" }))).executions).toEqual([]);
  });

  it("refuses, with AWS's reasons, what cannot be redriven: SUCCEEDED, RUNNING, Express, unknown", async () => {
    const { sfn } = await testServer();
    const { stateMachineArn: pass } = await sfn.send(new CreateStateMachineCommand({ name: "P", definition: '{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}', roleArn: ROLE }));
    const { executionArn: succeeded } = await sfn.send(new StartExecutionCommand({ stateMachineArn: pass }));
    await finished(sfn, succeeded);
    await expect(sfn.send(new RedriveExecutionCommand({ executionArn: succeeded }))).rejects.toMatchObject({ name: "ExecutionNotRedrivable", message: "Execution is SUCCEEDED and cannot be redriven." });

    const waits = JSON.stringify({ StartAt: "Ask", States: { Ask: { ...callback, End: true } } });
    const { stateMachineArn: asking } = await sfn.send(new CreateStateMachineCommand({ name: "Ask", definition: waits, roleArn: ROLE }));
    const { executionArn: running } = await sfn.send(new StartExecutionCommand({ stateMachineArn: asking }));
    await expect(sfn.send(new RedriveExecutionCommand({ executionArn: running }))).rejects.toMatchObject({ name: "ExecutionNotRedrivable", message: "Execution is RUNNING and cannot be redriven." });
    expect(await sfn.send(new DescribeExecutionCommand({ executionArn: running }))).toMatchObject({ redriveStatus: "NOT_REDRIVABLE", redriveStatusReason: "Execution is RUNNING and cannot be redriven." });

    const fails = '{"StartAt":"F","States":{"F":{"Type":"Fail","Error":"Nope"}}}';
    const { stateMachineArn: express } = await sfn.send(new CreateStateMachineCommand({ name: "X", type: "EXPRESS", definition: fails, roleArn: ROLE }));
    const { executionArn: expressRun } = await sfn.send(new StartExecutionCommand({ stateMachineArn: express }));
    await finished(sfn, expressRun);
    await expect(sfn.send(new RedriveExecutionCommand({ executionArn: expressRun }))).rejects.toMatchObject({ name: "ExecutionNotRedrivable", message: "Execution is of type EXPRESS and cannot be redriven." });

    const missing = `${running!.slice(0, running!.lastIndexOf(":"))}:nope`;
    await expect(sfn.send(new RedriveExecutionCommand({ executionArn: missing }))).rejects.toBeInstanceOf(ExecutionDoesNotExist);
    await expect(sfn.send(new RedriveExecutionCommand({ executionArn: running }))).rejects.toBeInstanceOf(ExecutionNotRedrivable);
  });

  it("redrives an aborted execution from the task it was waiting in, with a new token; the same clientToken answers the same", async () => {
    const { sfn } = await testServer();
    const definition = JSON.stringify({ StartAt: "Prepare", States: { Prepare: { Type: "Pass", Result: { ready: true }, Next: "Approve" }, Approve: { ...callback, End: true } } });
    const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name: "Approvals", definition, roleArn: ROLE }));
    const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn }));
    const first = await waitingToken(sfn, executionArn);
    await sfn.send(new StopExecutionCommand({ executionArn, error: "Operator", cause: "later" }));
    expect(await sfn.send(new DescribeExecutionCommand({ executionArn }))).toMatchObject({ status: "ABORTED", redriveStatus: "REDRIVABLE" });

    const once = await sfn.send(new RedriveExecutionCommand({ executionArn, clientToken: "retry-safe" }));
    const again = await sfn.send(new RedriveExecutionCommand({ executionArn, clientToken: "retry-safe" }));
    expect(again.redriveDate).toEqual(once.redriveDate);
    const second = await waitingToken(sfn, executionArn, 2);
    expect(second).not.toBe(first);
    await sfn.send(new SendTaskSuccessCommand({ taskToken: second, output: '{"approved":true}' }));
    expect(await finished(sfn, executionArn)).toMatchObject({ status: "SUCCEEDED", output: '{"approved":true}', redriveCount: 1 });
    const events = await historyOf(sfn, executionArn);
    expectWholeHistory(events);
    const types = events.map((e) => e.type);
    expect(types.slice(types.indexOf("ExecutionAborted"), types.indexOf("ExecutionAborted") + 3)).toEqual(["ExecutionAborted", "ExecutionRedriven", "TaskStateEntered"]);
    expect(types.filter((t) => t === "PassStateEntered")).toHaveLength(1);
    expect(types.filter((t) => t === "ExecutionRedriven")).toHaveLength(1);
  });

  it("redrives an aborted execution whose activity task a worker had taken (ActivityStarted kept in place)", async () => {
    const { sfn } = await testServer({ activityPollSeconds: 5 });
    const { activityArn } = await sfn.send(new CreateActivityCommand({ name: "Review" }));
    const definition = JSON.stringify({ StartAt: "Review", States: { Review: { Type: "Task", Resource: activityArn, End: true } } });
    const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name: "Reviews", definition, roleArn: ROLE }));
    const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn, input: '{"doc":1}' }));
    const taken = await sfn.send(new GetActivityTaskCommand({ activityArn, workerName: "w1" }));
    expect(taken.input).toBe('{"doc":1}');
    await sfn.send(new StopExecutionCommand({ executionArn }));
    await sfn.send(new RedriveExecutionCommand({ executionArn }));
    const again = await sfn.send(new GetActivityTaskCommand({ activityArn, workerName: "w2" }));
    expect(again.taskToken).not.toBe(taken.taskToken);
    await sfn.send(new SendTaskSuccessCommand({ taskToken: again.taskToken, output: '{"ok":true}' }));
    expect(await finished(sfn, executionArn)).toMatchObject({ status: "SUCCEEDED", output: '{"ok":true}' });
    const events = await historyOf(sfn, executionArn);
    expectWholeHistory(events);
    expect(events.map((e) => e.type)).toEqual([
      "ExecutionStarted", "TaskStateEntered", "ActivityScheduled", "ActivityStarted", "ExecutionAborted",
      "ExecutionRedriven", "TaskStateEntered", "ActivityScheduled", "ActivityStarted", "ActivitySucceeded", "TaskStateExited", "ExecutionSucceeded",
    ]);
  });

  it("redrives a timed-out execution", async () => {
    const { sfn } = await testServer({ timeScale: 20 });
    const definition = JSON.stringify({ TimeoutSeconds: 4, StartAt: "Approve", States: { Approve: { ...callback, End: true } } });
    const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name: "Slow", definition, roleArn: ROLE }));
    const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn }));
    expect(await finished(sfn, executionArn)).toMatchObject({ status: "TIMED_OUT", redriveStatus: "REDRIVABLE" });
    await sfn.send(new RedriveExecutionCommand({ executionArn }));
    const token = await waitingToken(sfn, executionArn, 2);
    await sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: '{"late":false}' }));
    expect(await finished(sfn, executionArn)).toMatchObject({ status: "SUCCEEDED", output: '{"late":false}' });
    const events = await historyOf(sfn, executionArn);
    expectWholeHistory(events);
    expect(events.map((e) => e.type ?? "").filter((t) => t.startsWith("Execution"))).toEqual(["ExecutionStarted", "ExecutionTimedOut", "ExecutionRedriven", "ExecutionSucceeded"]);
  });

  it("runs again only the Parallel branches that failed", async () => {
    const calls = { left: 0, right: 0 };
    let rightWorks = false;
    const tasks = {
      left: () => ({ side: "left", n: ++calls.left }),
      right: () => {
        calls.right++;
        if (!rightWorks) throw Object.assign(new Error("no"), { name: "RightDown" });
        return { side: "right" };
      },
    };
    const branch = (fn: string) => ({ StartAt: fn, States: { [fn]: { Type: "Task", Resource: `${LAMBDA}${fn}`, End: true } } });
    const definition = JSON.stringify({ StartAt: "Both", States: { Both: { Type: "Parallel", Branches: [branch("left"), branch("right")], End: true } } });
    const { sfn } = await testServer({ tasks });
    const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name: "Par", definition, roleArn: ROLE }));
    const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn }));
    expect(await finished(sfn, executionArn)).toMatchObject({ status: "FAILED", error: "RightDown" });
    rightWorks = true;
    await sfn.send(new RedriveExecutionCommand({ executionArn }));
    expect(await finished(sfn, executionArn)).toMatchObject({ status: "SUCCEEDED", output: '[{"side":"left","n":1},{"side":"right"}]' });
    expect(calls).toEqual({ left: 1, right: 2 });
  });

  it("is durable: a failed execution is redriven after a restart, and a redriven one resumes after another", async () => {
    const data = dataDir();
    const flow = chargeThenShip();
    const first = await serve(data, { tasks: flow.tasks, timeScale: 20 });
    const definition = JSON.stringify({
      StartAt: "Charge",
      States: {
        Charge: { Type: "Task", Resource: `${LAMBDA}charge`, Next: "Pause" },
        Pause: { Type: "Wait", Seconds: 1, Next: "Ship" },
        Ship: { Type: "Task", Resource: `${LAMBDA}ship`, Next: "Confirm" },
        Confirm: { ...callback, End: true },
      },
    });
    const { stateMachineArn } = await first.sfn.send(new CreateStateMachineCommand({ name: "Durable", definition, roleArn: ROLE }));
    const { executionArn } = await first.sfn.send(new StartExecutionCommand({ stateMachineArn, input: "{}" }));
    expect(await finished(first.sfn, executionArn)).toMatchObject({ status: "FAILED" });
    await crash(first.server);

    flow.fixShipping();
    const second = await serve(data, { tasks: flow.tasks, timeScale: 20 });
    expect(second.server.resumed).toBe(0);
    expect(await second.sfn.send(new DescribeExecutionCommand({ executionArn }))).toMatchObject({ status: "FAILED", redriveStatus: "REDRIVABLE" });
    await second.sfn.send(new RedriveExecutionCommand({ executionArn }));
    const token = await waitingToken(second.sfn, executionArn);
    await crash(second.server);

    const third = await serve(data, { tasks: flow.tasks, timeScale: 20 });
    expect(third.server.resumed).toBe(1);
    expect(await third.sfn.send(new DescribeExecutionCommand({ executionArn }))).toMatchObject({ status: "RUNNING", redriveCount: 1 });
    await third.sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: '{"confirmed":true}' }));
    expect(await finished(third.sfn, executionArn)).toMatchObject({ status: "SUCCEEDED", output: '{"confirmed":true}', redriveCount: 1 });
    expect(flow.calls).toEqual({ charge: 1, ship: 2 });
    const events = await historyOf(third.sfn, executionArn);
    expectWholeHistory(events);
    expect(events.filter((e) => e.type === "ExecutionRedriven")).toHaveLength(1);
    expect(events.filter((e) => e.type === "TaskStateEntered").map((e) => e.stateEnteredEventDetails!.name)).toEqual(["Charge", "Ship", "Ship", "Confirm"]);
  });
});
