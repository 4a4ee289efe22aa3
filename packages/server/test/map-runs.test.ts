// Distributed Map Runs through the AWS SDK: DescribeMapRun, ListMapRuns, UpdateMapRun, ListExecutions by Map Run.
import {
  CreateStateMachineCommand,
  DescribeMapRunCommand,
  InvalidArn,
  ListExecutionsCommand,
  ListMapRunsCommand,
  ResourceNotFound,
  StartExecutionCommand,
  UpdateMapRunCommand,
  ValidationException,
  type SFNClient,
} from "@aws-sdk/client-sfn";
import { describe, expect, it } from "vitest";
import { crash, dataDir, expectWholeHistory, finished, historyOf, serve } from "./durable-server.ts";
import { ROLE, testServer, until } from "./sdk-client.ts";

const LAMBDA = "arn:aws:lambda:us-east-1:123456789012:function:";

/** A Distributed Map over the input's items, each child calling the `work` function. */
function distributedMap(settings: Record<string, unknown> = {}): string {
  return JSON.stringify({
    StartAt: "Each",
    States: {
      Each: {
        Type: "Map",
        Label: "Orders",
        ...settings,
        ItemProcessor: { ProcessorConfig: { Mode: "DISTRIBUTED", ExecutionType: "STANDARD" }, StartAt: "Work", States: { Work: { Type: "Task", Resource: `${LAMBDA}work`, End: true } } },
        End: true,
      },
    },
  });
}

async function onlyMapRun(sfn: SFNClient, executionArn: string | undefined): Promise<string> {
  const { mapRuns } = await sfn.send(new ListMapRunsCommand({ executionArn }));
  expect(mapRuns).toHaveLength(1);
  return mapRuns![0]!.mapRunArn!;
}

const noneOf = { pending: 0, running: 0, succeeded: 0, failed: 0, timedOut: 0, aborted: 0, resultsWritten: 0, failuresNotRedrivable: 0, pendingRedrive: 0 };

describe("Map Runs", () => {
  it("keeps a Distributed Map's run: its settings, counts, child executions and history events", async () => {
    const work = (n: unknown) => {
      if (n === 3) throw Object.assign(new Error("bad item"), { name: "BadItem" });
      return { done: n };
    };
    const { sfn } = await testServer({ tasks: { work } });
    const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name: "Fanout", definition: distributedMap({ MaxConcurrency: 2, ToleratedFailureCount: 1 }), roleArn: ROLE }));
    const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn, input: "[1,2,3,4,5]" }));
    expect(await finished(sfn, executionArn)).toMatchObject({ status: "SUCCEEDED" });

    const { mapRuns } = await sfn.send(new ListMapRunsCommand({ executionArn }));
    expect(mapRuns).toMatchObject([{ executionArn, stateMachineArn: "arn:aws:states:us-east-1:123456789012:stateMachine:Fanout/Orders" }]);
    const mapRunArn = mapRuns![0]!.mapRunArn!;
    expect(mapRunArn).toMatch(/^arn:aws:states:us-east-1:123456789012:mapRun:Fanout\/Orders:[0-9a-f-]{36}$/);

    const described = await sfn.send(new DescribeMapRunCommand({ mapRunArn }));
    expect(described).toMatchObject({ mapRunArn, executionArn, status: "SUCCEEDED", maxConcurrency: 2, toleratedFailureCount: 1, toleratedFailurePercentage: 0, redriveCount: 0 });
    expect(described.stopDate!.getTime()).toBeGreaterThanOrEqual(described.startDate!.getTime());
    expect(described.itemCounts).toEqual({ ...noneOf, succeeded: 4, failed: 1, total: 5 });
    expect(described.executionCounts).toEqual({ ...noneOf, succeeded: 4, failed: 1, total: 5 });

    const { executions } = await sfn.send(new ListExecutionsCommand({ mapRunArn }));
    expect(executions).toHaveLength(5);
    expect(executions![0]).toMatchObject({ stateMachineArn: "arn:aws:states:us-east-1:123456789012:stateMachine:Fanout/Orders", mapRunArn, itemCount: 1 });
    expect(executions!.every((e) => e.executionArn === `arn:aws:states:us-east-1:123456789012:execution:Fanout/Orders:${e.name!}`)).toBe(true);
    const failed = await sfn.send(new ListExecutionsCommand({ mapRunArn, statusFilter: "FAILED" }));
    expect(failed.executions!.map((e) => e.status)).toEqual(["FAILED"]);
    const paged = await sfn.send(new ListExecutionsCommand({ mapRunArn, maxResults: 2 }));
    expect(paged.executions).toHaveLength(2);
    expect((await sfn.send(new ListExecutionsCommand({ mapRunArn, maxResults: 2, nextToken: paged.nextToken }))).executions).toHaveLength(2);

    const types = (await historyOf(sfn, executionArn)).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(["MapRunStarted", "MapRunSucceeded"]));
    const started = (await historyOf(sfn, executionArn)).find((e) => e.type === "MapRunStarted")!;
    expect(started.mapRunStartedEventDetails).toEqual({ mapRunArn });
  });

  it("records a failed Map Run, with its children; batches count their items", async () => {
    const work = (batch: unknown) => {
      if ((batch as { Items: number[] }).Items.includes(3)) throw Object.assign(new Error("bad batch"), { name: "BadBatch" });
      return {};
    };
    const { sfn } = await testServer({ tasks: { work } });
    const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name: "Batches", definition: distributedMap({ ItemBatcher: { MaxItemsPerBatch: 2 }, MaxConcurrency: 1 }), roleArn: ROLE }));
    const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn, input: "[1,2,3,4,5]" }));
    expect(await finished(sfn, executionArn)).toMatchObject({ status: "FAILED", error: "BadBatch" });
    const mapRunArn = await onlyMapRun(sfn, executionArn);
    const described = await sfn.send(new DescribeMapRunCommand({ mapRunArn }));
    expect(described.status).toBe("FAILED");
    expect(described.executionCounts).toEqual({ ...noneOf, succeeded: 1, failed: 1, pending: 1, total: 3 });
    expect(described.itemCounts).toEqual({ ...noneOf, succeeded: 2, failed: 2, pending: 1, total: 5 });
    expect((await historyOf(sfn, executionArn)).map((e) => e.type)).toContain("MapRunFailed");
  });

  it("applies UpdateMapRun to a running Map Run: more children at once, a failure tolerated", async () => {
    const waiting: { resolve: (v: unknown) => void; reject: (e: Error) => void }[] = [];
    const work = () => new Promise((resolve, reject) => waiting.push({ resolve, reject }));
    const { sfn } = await testServer({ tasks: { work } });
    const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name: "Slow", definition: distributedMap({ MaxConcurrency: 1 }), roleArn: ROLE }));
    const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn, input: "[1,2,3,4]" }));
    const mapRunArn = (await until(() => sfn.send(new ListMapRunsCommand({ executionArn })), (r) => r.mapRuns?.length === 1)).mapRuns![0]!.mapRunArn!;
    await until(async () => waiting.length, (n) => n === 1);
    expect((await sfn.send(new DescribeMapRunCommand({ mapRunArn }))).executionCounts).toMatchObject({ running: 1, pending: 3 });

    await sfn.send(new UpdateMapRunCommand({ mapRunArn, maxConcurrency: 3, toleratedFailureCount: 1 }));
    expect(await sfn.send(new DescribeMapRunCommand({ mapRunArn }))).toMatchObject({ maxConcurrency: 3, toleratedFailureCount: 1, status: "RUNNING" });
    // The first child fails (now tolerated); the new concurrency lets the other three start together.
    waiting[0]!.reject(Object.assign(new Error("flaky"), { name: "Flaky" }));
    await until(async () => waiting.length, (n) => n === 4);
    expect((await sfn.send(new DescribeMapRunCommand({ mapRunArn }))).executionCounts).toMatchObject({ running: 3, failed: 1, pending: 0 });
    for (const child of waiting.slice(1)) child.resolve({ ok: true });
    expect(await finished(sfn, executionArn)).toMatchObject({ status: "SUCCEEDED" });
    expect((await sfn.send(new DescribeMapRunCommand({ mapRunArn }))).status).toBe("SUCCEEDED");
  });

  it("answers AWS's errors for unknown or malformed Map Runs and empty updates", async () => {
    const { sfn } = await testServer();
    const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name: "P", definition: '{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}', roleArn: ROLE }));
    const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn }));
    expect((await sfn.send(new ListMapRunsCommand({ executionArn }))).mapRuns).toEqual([]);
    const mapRunArn = "arn:aws:states:us-east-1:123456789012:mapRun:P/label:abc";
    await expect(sfn.send(new DescribeMapRunCommand({ mapRunArn }))).rejects.toBeInstanceOf(ResourceNotFound);
    await expect(sfn.send(new UpdateMapRunCommand({ mapRunArn, maxConcurrency: 2 }))).rejects.toBeInstanceOf(ResourceNotFound);
    await expect(sfn.send(new ListExecutionsCommand({ mapRunArn }))).rejects.toBeInstanceOf(ResourceNotFound);
    await expect(sfn.send(new DescribeMapRunCommand({ mapRunArn: "not-an-arn" }))).rejects.toBeInstanceOf(InvalidArn);
    await expect(sfn.send(new UpdateMapRunCommand({ mapRunArn, toleratedFailurePercentage: 101 }))).rejects.toBeInstanceOf(ValidationException);
    await expect(sfn.send(new UpdateMapRunCommand({ mapRunArn }))).rejects.toBeInstanceOf(ValidationException);
  });

  it("is durable: a Map Run in flight at a crash keeps its ARN and finishes after the restart", async () => {
    const data = dataDir();
    let calls = 0;
    const first = await serve(data, { tasks: { work: (n: unknown) => (++calls, n === 3 ? new Promise(() => undefined) : { done: n }) } });
    const { stateMachineArn } = await first.sfn.send(new CreateStateMachineCommand({ name: "Kept", definition: distributedMap({ MaxConcurrency: 1 }), roleArn: ROLE }));
    const { executionArn } = await first.sfn.send(new StartExecutionCommand({ stateMachineArn, input: "[1,2,3,4]" }));
    await until(async () => calls, (n) => n === 3);
    const mapRunArn = await onlyMapRun(first.sfn, executionArn);
    expect((await first.sfn.send(new DescribeMapRunCommand({ mapRunArn }))).executionCounts).toMatchObject({ succeeded: 2, running: 1, pending: 1 });
    await crash(first.server);

    const second = await serve(data, { tasks: { work: (n: unknown) => (++calls, { done: n }) } });
    expect(await finished(second.sfn, executionArn)).toMatchObject({ status: "SUCCEEDED" });
    expect(await onlyMapRun(second.sfn, executionArn)).toBe(mapRunArn);
    expect(await second.sfn.send(new DescribeMapRunCommand({ mapRunArn }))).toMatchObject({ status: "SUCCEEDED", executionCounts: { ...noneOf, succeeded: 4, total: 4 } });
    // The two children that had finished were not run again; the one in flight was (at-least-once).
    expect(calls).toBe(5);
    const events = await historyOf(second.sfn, executionArn);
    expectWholeHistory(events);
    expect(events.filter((e) => e.type === "MapRunStarted")).toHaveLength(1);
  });
});
