import {
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  DescribeStateMachineForExecutionCommand,
  ExecutionAlreadyExists,
  ExecutionDoesNotExist,
  GetExecutionHistoryCommand,
  InvalidExecutionInput,
  InvalidName,
  InvalidToken,
  ListExecutionsCommand,
  StartExecutionCommand,
  StartSyncExecutionCommand,
  StateMachineDoesNotExist,
  StateMachineTypeNotSupported,
  StopExecutionCommand,
  UpdateStateMachineCommand,
  PublishStateMachineVersionCommand,
} from "@aws-sdk/client-sfn";
import { describe, expect, it } from "vitest";
import { ROLE, testServer, until } from "./sdk-client.ts";

const add = JSON.stringify({
  StartAt: "Add",
  States: { Add: { Type: "Pass", Parameters: { "sum.$": "States.MathAdd($.a, $.b)" }, End: true } },
});
const waitLong = JSON.stringify({ StartAt: "W", States: { W: { Type: "Wait", Seconds: 3600, End: true } } });

describe("executions through the AWS SDK", () => {
  it("starts, describes and records the history of an execution", async () => {
    const { sfn } = await testServer();
    const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name: "Add", definition: add, roleArn: ROLE }));
    const { executionArn, startDate } = await sfn.send(new StartExecutionCommand({ stateMachineArn, name: "one", input: '{"a":1,"b":2}' }));
    expect(executionArn).toBe("arn:aws:states:us-east-1:123456789012:execution:Add:one");
    expect(startDate).toBeInstanceOf(Date);
    const done = await until(() => sfn.send(new DescribeExecutionCommand({ executionArn })), (d) => d.status !== "RUNNING");
    expect(done).toMatchObject({ status: "SUCCEEDED", output: '{"sum":3}', input: '{"a":1,"b":2}', name: "one", stateMachineArn, redriveStatus: "NOT_REDRIVABLE" });
    expect(done.stopDate).toBeInstanceOf(Date);
    const history = await sfn.send(new GetExecutionHistoryCommand({ executionArn }));
    expect(history.events?.map((e) => e.type)).toEqual(["ExecutionStarted", "PassStateEntered", "PassStateExited", "ExecutionSucceeded"]);
    expect(history.events?.[0]?.executionStartedEventDetails?.input).toBe('{"a":1,"b":2}');
    expect(history.events?.[0]?.timestamp).toBeInstanceOf(Date);
    const machine = await sfn.send(new DescribeStateMachineForExecutionCommand({ executionArn }));
    expect(machine.definition).toBe(add);
  });

  it("echoes numbers as they were written (0.0 stays 0.0) in the output and the history, sync or not", async () => {
    const { sfn } = await testServer();
    const echo = JSON.stringify({ StartAt: "P", States: { P: { Type: "Pass", Parameters: { "kept.$": "$.a", "sum.$": "States.MathAdd($.a, 0)" }, End: true } } });
    const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name: "Echo", definition: echo, roleArn: ROLE }));
    const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn, input: '{"a": 1.0}' }));
    const done = await until(() => sfn.send(new DescribeExecutionCommand({ executionArn })), (d) => d.status !== "RUNNING");
    expect(done.output).toBe('{"kept":1.0,"sum":1}');
    const history = await sfn.send(new GetExecutionHistoryCommand({ executionArn }));
    expect(history.events?.[1]?.stateEnteredEventDetails?.input).toBe('{"a":1.0}');
    const express = await sfn.send(new CreateStateMachineCommand({ name: "EchoExpress", definition: echo, roleArn: ROLE, type: "EXPRESS" }));
    const sync = await sfn.send(new StartSyncExecutionCommand({ stateMachineArn: express.stateMachineArn, input: '{"a": 0.0}' }));
    expect(sync.output).toBe('{"kept":0.0,"sum":0}');
  });

  it("pages history both ways and leaves data out on request", async () => {
    const { sfn } = await testServer();
    const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name: "Add", definition: add, roleArn: ROLE }));
    const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn, input: '{"a":1,"b":2}' }));
    await until(() => sfn.send(new DescribeExecutionCommand({ executionArn })), (d) => d.status !== "RUNNING");
    const page1 = await sfn.send(new GetExecutionHistoryCommand({ executionArn, maxResults: 3, reverseOrder: true }));
    expect(page1.events?.map((e) => e.id)).toEqual([4, 3, 2]);
    const page2 = await sfn.send(new GetExecutionHistoryCommand({ executionArn, maxResults: 3, reverseOrder: true, nextToken: page1.nextToken }));
    expect(page2.events?.map((e) => e.id)).toEqual([1]);
    expect(page2.nextToken).toBeUndefined();
    // A token of the other order is not a token of this request.
    await expect(sfn.send(new GetExecutionHistoryCommand({ executionArn, maxResults: 3, nextToken: page1.nextToken }))).rejects.toBeInstanceOf(InvalidToken);
    const bare = await sfn.send(new GetExecutionHistoryCommand({ executionArn, includeExecutionData: false }));
    expect(bare.events?.[0]?.executionStartedEventDetails?.input).toBeUndefined();
    expect(bare.events?.[0]?.executionStartedEventDetails?.roleArn).toBe("arn:aws:iam::123456789012:role/stepcraft-local");
  });

  it("lists executions newest first, by status, in pages", async () => {
    const { sfn } = await testServer();
    const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name: "Wait", definition: waitLong, roleArn: ROLE }));
    const arns: string[] = [];
    for (const name of ["e1", "e2", "e3"]) arns.push((await sfn.send(new StartExecutionCommand({ stateMachineArn, name }))).executionArn!);
    await sfn.send(new StopExecutionCommand({ executionArn: arns[0], error: "Stop", cause: "test" }));
    const running = await sfn.send(new ListExecutionsCommand({ stateMachineArn, statusFilter: "RUNNING" }));
    expect(running.executions?.map((e) => e.name)).toEqual(["e3", "e2"]);
    const first = await sfn.send(new ListExecutionsCommand({ stateMachineArn, maxResults: 2 }));
    expect(first.executions?.map((e) => e.name)).toEqual(["e3", "e2"]);
    const rest = await sfn.send(new ListExecutionsCommand({ stateMachineArn, maxResults: 2, nextToken: first.nextToken }));
    expect(rest.executions?.map((e) => [e.name, e.status])).toEqual([["e1", "ABORTED"]]);
    const stopped = await sfn.send(new DescribeExecutionCommand({ executionArn: arns[0] }));
    expect(stopped).toMatchObject({ status: "ABORTED", error: "Stop", cause: "test" });
    const history = await sfn.send(new GetExecutionHistoryCommand({ executionArn: arns[0] }));
    expect(history.events?.at(-1)).toMatchObject({ type: "ExecutionAborted", executionAbortedEventDetails: { error: "Stop", cause: "test" } });
    for (const arn of arns.slice(1)) await sfn.send(new StopExecutionCommand({ executionArn: arn }));
  });

  it("refuses what AWS refuses when starting", async () => {
    const { sfn } = await testServer();
    const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name: "Wait", definition: waitLong, roleArn: ROLE }));
    await expect(sfn.send(new StartExecutionCommand({ stateMachineArn: `${stateMachineArn}Nope` }))).rejects.toBeInstanceOf(StateMachineDoesNotExist);
    await expect(sfn.send(new StartExecutionCommand({ stateMachineArn, input: "{not json" }))).rejects.toBeInstanceOf(InvalidExecutionInput);
    await expect(sfn.send(new StartExecutionCommand({ stateMachineArn, name: "has space" }))).rejects.toBeInstanceOf(InvalidName);
    const first = await sfn.send(new StartExecutionCommand({ stateMachineArn, name: "same", input: "{}" }));
    // Same name and input while running: the same execution; other input: ExecutionAlreadyExists.
    expect((await sfn.send(new StartExecutionCommand({ stateMachineArn, name: "same", input: "{}" }))).executionArn).toBe(first.executionArn);
    await expect(sfn.send(new StartExecutionCommand({ stateMachineArn, name: "same", input: '{"x":1}' }))).rejects.toBeInstanceOf(ExecutionAlreadyExists);
    await expect(sfn.send(new DescribeExecutionCommand({ executionArn: "arn:aws:states:us-east-1:123456789012:execution:Wait:ghost" }))).rejects.toBeInstanceOf(ExecutionDoesNotExist);
    await expect(sfn.send(new StartSyncExecutionCommand({ stateMachineArn }))).rejects.toBeInstanceOf(StateMachineTypeNotSupported);
    await sfn.send(new StopExecutionCommand({ executionArn: first.executionArn }));
  });

  it("runs Express machines synchronously", async () => {
    const { sfn } = await testServer();
    const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name: "Fast", definition: add, roleArn: ROLE, type: "EXPRESS" }));
    const result = await sfn.send(new StartSyncExecutionCommand({ stateMachineArn, input: '{"a":2,"b":5}', name: "sync1" }));
    expect(result).toMatchObject({ status: "SUCCEEDED", output: '{"sum":7}', name: "sync1", stateMachineArn });
    expect(result.executionArn).toMatch(/^arn:aws:states:us-east-1:123456789012:express:Fast:sync1:/);
    expect(result.billingDetails?.billedDurationInMilliseconds).toBeGreaterThanOrEqual(100);
    const failing = JSON.stringify({ StartAt: "F", States: { F: { Type: "Fail", Error: "Boom", Cause: "why" } } });
    const { stateMachineArn: failArn } = await sfn.send(new CreateStateMachineCommand({ name: "Fails", definition: failing, roleArn: ROLE, type: "EXPRESS" }));
    expect(await sfn.send(new StartSyncExecutionCommand({ stateMachineArn: failArn }))).toMatchObject({ status: "FAILED", error: "Boom", cause: "why" });
  });

  it("runs the version an execution names, even after the machine changes", async () => {
    const { sfn } = await testServer();
    const v = (r: string) => JSON.stringify({ StartAt: "P", States: { P: { Type: "Pass", Result: r, End: true } } });
    const { stateMachineArn, stateMachineVersionArn } = await sfn.send(new CreateStateMachineCommand({ name: "Ver", definition: v("one"), roleArn: ROLE, publish: true }));
    await sfn.send(new UpdateStateMachineCommand({ stateMachineArn, definition: v("two") }));
    await sfn.send(new PublishStateMachineVersionCommand({ stateMachineArn }));
    const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn: stateMachineVersionArn }));
    const done = await until(() => sfn.send(new DescribeExecutionCommand({ executionArn })), (d) => d.status !== "RUNNING");
    expect(done).toMatchObject({ output: '"one"', stateMachineVersionArn });
    const latest = await sfn.send(new StartExecutionCommand({ stateMachineArn }));
    expect((await until(() => sfn.send(new DescribeExecutionCommand({ executionArn: latest.executionArn })), (d) => d.status !== "RUNNING")).output).toBe('"two"');
    expect((await sfn.send(new ListExecutionsCommand({ stateMachineArn: stateMachineVersionArn }))).executions?.map((e) => e.executionArn)).toEqual([executionArn]);
  });
});
