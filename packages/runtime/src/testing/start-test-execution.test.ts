import { describe, expect, test } from "vitest";
import { CallbackNotWaitingError } from "./callbacks.ts";
import { START } from "./fixtures.ts";
import { startTestExecution } from "./start-test-execution.ts";

const approval = {
  StartAt: "Prepare",
  States: {
    Prepare: { Type: "Wait", Seconds: 600, Next: "Approve" },
    Approve: {
      Type: "Task",
      Resource: "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
      Parameters: { QueueUrl: "q", MessageBody: { "token.$": "$$.Task.Token", "order.$": "$.order" } },
      TimeoutSeconds: 7200,
      Catch: [{ ErrorEquals: ["States.Timeout"], ResultPath: "$.timeout", Next: "Expired" }, { ErrorEquals: ["Rejected"], ResultPath: "$.rejection", Next: "Refused" }],
      ResultPath: "$.approval",
      Next: "Done",
    },
    Expired: { Type: "Pass", End: true },
    Refused: { Type: "Pass", End: true },
    Done: { Type: "Succeed" },
  },
};

const at = (seconds: number): string => new Date(START.getTime() + seconds * 1000).toISOString();

describe("startTestExecution: callbacks and time under the test's control", () => {
  test("wait for the callback state, let an hour pass, answer it: the task succeeds with the answer", async () => {
    const run = startTestExecution(approval, { order: 7 }, { startTime: START });
    const visit = await run.waitForState("Approve");
    expect(visit.enteredAt.toISOString()).toBe(at(600));
    const [waiting] = run.pendingCallbacks();
    expect(waiting).toMatchObject({ stateName: "Approve", resource: "arn:aws:states:::sqs:sendMessage.waitForTaskToken" });
    expect(waiting?.input).toEqual({ QueueUrl: "q", MessageBody: { token: waiting?.token, order: 7 } });
    await run.advanceTime(3600);
    expect(run.now().toISOString()).toBe(at(4200));
    expect(run.execution.currentStatus).toBe("RUNNING");
    await run.sendTaskSuccess("Approve", { approved: true });
    const result = await run.result();
    expect(result.status).toBe("SUCCEEDED");
    expect(result.output).toEqual({ order: 7, approval: { approved: true } });
    const succeeded = result.history.find((e) => e.type === "TaskSucceeded");
    expect(succeeded?.timestamp.toISOString()).toBe(at(4200));
    expect(result.trace()).toContain("Approve (Task)  took 1h 00m");
  });

  test("one registry: the execution's own sendTaskSuccess answers the test's callback; heartbeats by state name", async () => {
    const run = startTestExecution(approval, { order: 2 });
    await run.waitForState("Approve");
    await run.sendTaskHeartbeat("Approve");
    const [waiting] = run.pendingCallbacks();
    run.execution.sendTaskSuccess(waiting!.token, "via execution");
    expect((await run.result()).output).toMatchObject({ approval: "via execution" });
    // The task ended: answering its token again is refused as AWS does.
    expect(() => run.execution.sendTaskSuccess(waiting!.token, "again")).toThrow(/Task Timed Out/);
    await expect(run.sendTaskHeartbeat("Approve")).rejects.toThrow(CallbackNotWaitingError);
  });

  test("answering by task token works too", async () => {
    const run = startTestExecution(approval, { order: 1 });
    await run.waitForState("Approve");
    await run.sendTaskSuccess(run.pendingCallbacks()[0]!.token, "ok");
    expect((await run.result()).output).toMatchObject({ approval: "ok" });
  });

  test("letting TimeoutSeconds pass times the task out (TaskTimedOut, caught as States.Timeout)", async () => {
    const run = startTestExecution(approval, { order: 7 }, { startTime: START });
    await run.waitForState("Approve");
    await run.advanceTime(7199);
    expect(run.states()["Expired"]).toBeUndefined();
    await run.advanceTime(1);
    const result = await run.result();
    expect(result.output).toMatchObject({ timeout: { Error: "States.Timeout" } });
    const timedOut = result.history.find((e) => e.type === "TaskTimedOut");
    expect(timedOut?.timestamp.toISOString()).toBe(at(600 + 7200));
    expect(run.pendingCallbacks()).toEqual([]);
  });

  test("result() lets time skip: an unanswered callback with TimeoutSeconds times out on its own", async () => {
    const run = startTestExecution(approval, { order: 7 }, { startTime: START });
    const result = await run.result();
    expect(result.states["Expired"]).toBeDefined();
    expect(result.history[result.history.length - 1]?.timestamp.toISOString()).toBe(at(7800));
  });

  test("sendTaskFailure fails the task with that error and cause", async () => {
    const run = startTestExecution(approval, { order: 7 });
    await run.waitForState("Approve");
    await run.sendTaskFailure("Approve", "Rejected", "manager said no");
    const result = await run.result();
    expect(result.output).toMatchObject({ rejection: { Error: "Rejected", Cause: "manager said no" } });
    const failed = result.history.find((e) => e.type === "TaskFailed");
    expect(failed?.["taskFailedEventDetails"]).toMatchObject({ error: "Rejected", cause: "manager said no" });
  });

  test("sendTaskFailure without a cause leaves it out, as SendTaskFailure does", async () => {
    const run = startTestExecution(approval, { order: 7 });
    await run.waitForState("Approve");
    await run.sendTaskFailure("Approve", "Rejected");
    expect((await run.result()).output).toMatchObject({ rejection: { Error: "Rejected" } });
  });

  test("answering a state that is not waiting says what is waiting and what to do", async () => {
    const run = startTestExecution(approval, { order: 7 });
    await expect(run.sendTaskSuccess("Approve", 1)).rejects.toThrow(CallbackNotWaitingError);
    await expect(run.sendTaskSuccess("Approve", 1)).rejects.toThrow(/none is waiting.*await handle.waitForState\('Approve'\) first/);
    await run.waitForState("Approve");
    await expect(run.sendTaskSuccess("Aprove", 1)).rejects.toThrow(/No callback task is waiting for 'Aprove' \(waiting: 'Approve' \(token /);
    expect(() => run.pendingCallbacks()).not.toThrow();
    await expect(run.sendTaskSuccess("Approve", { n: 10n })).rejects.toThrow(/must be JSON data/);
    expect(run.pendingCallbacks()).toHaveLength(1);
    await run.abort();
  });

  test("several callbacks of one state (Map) are answered by token", async () => {
    const fan = {
      StartAt: "Each",
      States: { Each: { Type: "Map", ItemProcessor: { StartAt: "Ask", States: { Ask: { Type: "Task", Resource: "arn:aws:states:::sns:publish.waitForTaskToken", Parameters: { "Message.$": "$$.Task.Token" }, End: true } } }, End: true } },
    };
    const run = startTestExecution(fan, ["a", "b"]);
    await run.waitForState("Ask", { visit: 2 });
    await expect(run.sendTaskSuccess("Ask", 1)).rejects.toThrow(/2 callbacks of state 'Ask' are waiting .* answer one by its token/);
    const [first, second] = run.pendingCallbacks();
    await run.sendTaskSuccess(second!.token, "B");
    await run.sendTaskSuccess(first!.token, "A");
    expect((await run.result()).output).toEqual(["A", "B"]);
  });

  test("time keeps moving for other branches while a callback waits (no TimeoutSeconds)", async () => {
    const parallel = {
      StartAt: "Both",
      States: {
        Both: {
          Type: "Parallel",
          Branches: [
            { StartAt: "Ask", States: { Ask: { Type: "Task", Resource: "arn:aws:states:::sns:publish.waitForTaskToken", Parameters: { "Message.$": "$$.Task.Token" }, End: true } } },
            { StartAt: "Sleep", States: { Sleep: { Type: "Wait", Seconds: 86400, Next: "Woke" }, Woke: { Type: "Pass", End: true } } },
          ],
          End: true,
        },
      },
    };
    const run = startTestExecution(parallel, {}, { startTime: START });
    const woke = await run.waitForState("Woke");
    expect(woke.enteredAt.toISOString()).toBe(at(86400));
    await run.sendTaskSuccess("Ask", "answered");
    expect((await run.result()).output).toEqual(["answered", {}]);
  });

  test("waitForState counts visits (a loop) and holds time still once there", async () => {
    const loop = {
      StartAt: "Tick",
      States: {
        Tick: { Type: "Wait", Seconds: 60, Next: "Count" },
        Count: { Type: "Pass", Parameters: { "n.$": "States.MathAdd($.n, 1)" }, Next: "Again" },
        Again: { Type: "Choice", Choices: [{ Variable: "$.n", NumericLessThan: 5, Next: "Tick" }], Default: "End" },
        End: { Type: "Succeed" },
      },
    };
    const run = startTestExecution(loop, { n: 0 }, { startTime: START });
    const third = await run.waitForState("Count", { visit: 3 });
    expect(third.enteredAt.toISOString()).toBe(at(180));
    expect(third.output).toEqual({ n: 3 });
    expect(run.now().toISOString()).toBe(at(180));
    expect(run.clock.isPaused).toBe(true);
    expect((await run.waitForState("Count")).output).toEqual({ n: 1 });
    await run.advanceTime(60);
    expect(run.states()["Count"]?.visits).toHaveLength(4);
    expect((await run.result()).output).toEqual({ n: 5 });
  });

  test("waitForState rejects with the trace when the execution ends without the state, or cannot reach it", async () => {
    const run = startTestExecution(approval, { order: 7 });
    await expect(run.waitForState("Refused")).rejects.toThrow(/ended \(SUCCEEDED\) before entering 'Refused'.*Nobody answered the callback of 'Approve'[\s\S]*Expired \(Pass\)/);
    const noTimeout = { ...approval, States: { ...approval.States, Approve: { ...approval.States.Approve, TimeoutSeconds: undefined } } };
    const stuck = startTestExecution(JSON.parse(JSON.stringify(noTimeout)) as object, { order: 7 }, { limits: false });
    await expect(stuck.waitForState("Done")).rejects.toThrow(/cannot reach 'Done': the execution waits for the test to answer 'Approve' \(handle.sendTaskSuccess\('Approve', output\)/);
    await expect(stuck.result()).rejects.toThrow(/cannot end on its own: the execution waits for the test to answer 'Approve'[\s\S]*Approve \(Task\)  \(running\)/);
    await stuck.sendTaskSuccess("Approve", "late");
    expect((await stuck.result()).status).toBe("SUCCEEDED");
  });

  test("bad arguments are refused", async () => {
    const run = startTestExecution(approval, { order: 7 });
    await expect(run.waitForState("Approve", { visit: 0 })).rejects.toThrow(/visit counts from 1, got 0/);
    await expect(run.advanceTime(-5)).rejects.toThrow(/a finite number of seconds ≥ 0, got -5/);
    await expect(run.advanceTime(Number.POSITIVE_INFINITY)).rejects.toThrow(RangeError);
    const aborted = await run.abort("Test.Stop", "done");
    expect(aborted).toMatchObject({ status: "ABORTED", error: "Test.Stop", cause: "done" });
  });

  test("a callback task with a handler or a mock is not left to the test", async () => {
    const bound = startTestExecution(approval, { order: 1 }, { tasks: { "arn:aws:states:::sqs:sendMessage.waitForTaskToken": () => "from handler" } });
    expect((await bound.result()).output).toMatchObject({ approval: "from handler" });
    const mocked = startTestExecution(approval, { order: 1 }, { mocks: { Approve: { result: "from mock" } } });
    expect((await mocked.result()).output).toMatchObject({ approval: "from mock" });
  });
});

describe("callbacks abandoned by the execution", () => {
  test("a waiting callback in a Parallel branch is dropped when a sibling branch fails", async () => {
    const parallel = {
      StartAt: "Both",
      States: {
        Both: {
          Type: "Parallel",
          Branches: [
            { StartAt: "Ask", States: { Ask: { Type: "Task", Resource: "arn:aws:states:::sns:publish.waitForTaskToken", Parameters: { "Message.$": "$$.Task.Token" }, End: true } } },
            { StartAt: "Later", States: { Later: { Type: "Wait", Seconds: 30, Next: "Broken" }, Broken: { Type: "Fail", Error: "Branch.Broke" } } },
          ],
          Catch: [{ ErrorEquals: ["States.ALL"], Next: "Handled" }],
          End: true,
        },
        Handled: { Type: "Pass", End: true },
      },
    };
    const run = startTestExecution(parallel, {});
    await run.waitForState("Ask");
    expect(run.pendingCallbacks()).toHaveLength(1);
    await run.waitForState("Handled");
    expect(run.pendingCallbacks()).toEqual([]);
    await expect(run.sendTaskSuccess("Ask", 1)).rejects.toThrow(CallbackNotWaitingError);
    const result = await run.result();
    expect(result.status).toBe("SUCCEEDED");
    expect(result.states["Ask"]?.visits[0]?.status).toBe("aborted");
  });
});
