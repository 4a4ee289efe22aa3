import { describe, expect, expectTypeOf, test } from "vitest";
import { FN, START, tour, tourMocks } from "./fixtures.ts";
import { TestSetupError } from "./setup.ts";
import { testExecution } from "./test-execution.ts";

const retrying = {
  StartAt: "Charge",
  States: {
    Charge: {
      Type: "Task",
      Resource: "arn:aws:states:::lambda:invoke",
      Parameters: { FunctionName: "charge", "Payload.$": "$" },
      OutputPath: "$.Payload",
      Retry: [{ ErrorEquals: ["Lambda.TooManyRequestsException"], IntervalSeconds: 1800, BackoffRate: 2, MaxAttempts: 4 }],
      Next: "Done",
    },
    Done: { Type: "Succeed" },
  },
};

describe("testExecution", () => {
  test("retries with back-off take virtual hours and a few milliseconds of real time", async () => {
    const throttled = { error: "Lambda.TooManyRequestsException", cause: "Rate exceeded" };
    const wall = performance.now();
    const run = await testExecution(retrying, { amount: 3 }, { startTime: START, mocks: { Charge: [throttled, throttled, throttled, { result: { charged: 3 } }] } });
    expect(performance.now() - wall).toBeLessThan(1000);
    expect(run.status).toBe("SUCCEEDED");
    expect(run.output).toEqual({ charged: 3 });
    const scheduled = run.history.filter((e) => e.type === "TaskScheduled").map((e) => e.timestamp.toISOString());
    expect(scheduled).toEqual(["2025-01-01T00:00:00.000Z", "2025-01-01T00:30:00.000Z", "2025-01-01T01:30:00.000Z", "2025-01-01T03:30:00.000Z"]);
    expect(run.history[run.history.length - 1]!.timestamp.toISOString()).toBe("2025-01-01T03:30:00.000Z");
    expect(run.trace()).toContain("retry #3 after 2h 00m");
  });

  test("states: inputs and outputs read from the history, per visit", async () => {
    const run = await testExecution(tour, { order: 1 }, { startTime: START, mocks: tourMocks });
    expect(run.status).toBe("FAILED");
    expect(run.error).toBe("Done.Failing");
    expect(run.cause).toBe("on purpose");
    expect(run.output).toBeUndefined();
    expect(run.states["Charge"]).toMatchObject({ input: { order: 1 }, output: { items: [1, 2, 3] } });
    expect(run.states["Ship"]?.visits.map((v) => v.input).sort()).toEqual([1, 2, 3]);
    expect(run.states["Ship"]?.output).toMatchObject({});
    expect(run.states["Boom"]).toMatchObject({ output: undefined });
    expect(Object.keys(run.states)).toEqual(["Validate", "Charge", "Fan", "Work", "Ship", "Both", "Left", "Right", "Recover", "Boom"]);
    expect(run.visits.map((v) => v.name)).toEqual(["Validate", "Charge", "Fan", "Both", "Boom"]);
    expect(run.unusedMocks).toEqual([]);
    expect(run.execution.currentStatus).toBe("FAILED");
  });

  test("a Step Functions Local mock config test case, Return/Throw per invocation, drives Retry to success", async () => {
    const config = JSON.stringify({
      StateMachines: { Payments: { TestCases: { Flaky: { Charge: "ThrottledTwice" } } } },
      MockedResponses: {
        ThrottledTwice: {
          "0-1": { Throw: { Error: "Lambda.TooManyRequestsException", Cause: "Rate exceeded" } },
          "2": { Return: { StatusCode: 200, Payload: { charged: true } } },
        },
      },
    });
    const run = await testExecution(retrying, {}, { name: "Payments", startTime: START, mockConfig: { config, testCase: "Flaky" } });
    expect(run.status).toBe("SUCCEEDED");
    expect(run.output).toEqual({ charged: true });
    expect(run.states["Charge"]?.visits[0]?.attempts.map((a) => a.outcome)).toEqual(["failed", "failed", "succeeded"]);
    expect(run.history.filter((e) => e.type === "TaskScheduled").map((e) => e.timestamp.getTime() - START.getTime())).toEqual([0, 1_800_000, 5_400_000]);
  });

  test("mocks given directly take precedence over the mock config's", async () => {
    const config = {
      StateMachines: { M: { TestCases: { T: { Charge: "Fails" } } } },
      MockedResponses: { Fails: { "0": { Throw: { Error: "E", Cause: "" } } } },
    };
    const run = await testExecution(retrying, {}, { mockConfig: { config, testCase: "T", stateMachine: "M" }, mocks: { Charge: { result: "direct" } } });
    expect(run.output).toBe("direct");
    expect(run.unusedMocks).toEqual(["Charge"]);
  });

  test("an unbound Task fails the run, naming the state, its resource and how to bind it", async () => {
    const run = await testExecution({ StartAt: "Notify", States: { Notify: { Type: "Task", Resource: "arn:aws:states:::sns:publish", Parameters: { Message: "hi" }, End: true } } });
    expect(run.status).toBe("FAILED");
    expect(run.error).toBe("States.Runtime");
    expect(run.cause).toContain(
      "The Task state 'Notify' uses the resource 'arn:aws:states:::sns:publish', which is not bound to a local handler. Bind it with prepareStateMachine(definition, { tasks: { 'arn:aws:states:::sns:publish': async (input) => result } }).",
    );
    expect(run.trace()).toContain("Notify (Task)  FAILED States.Runtime");
  });

  test("tasks bind real handlers alongside mocks", async () => {
    const two = {
      StartAt: "A",
      States: { A: { Type: "Task", Resource: FN, ResultPath: "$.a", Next: "B" }, B: { Type: "Task", Resource: "arn:aws:states:::sqs:sendMessage", Parameters: { QueueUrl: "q", MessageBody: "m" }, ResultPath: "$.b", End: true } },
    };
    const run = await testExecution(two, {}, { tasks: { "arn:aws:states:::sqs:sendMessage": () => ({ MessageId: "1" }) }, mocks: { A: { result: "mocked" } } });
    expect(run.output).toEqual({ a: "mocked", b: { MessageId: "1" } });
  });

  test("anything with toAsl() is accepted; its name picks the mock config's state machine; its output type flows", async () => {
    const workflow = {
      name: "Payments",
      toAsl: () => retrying,
      outputType: undefined as ((output: { charged: boolean }) => void) | undefined,
    };
    const config = { StateMachines: { Payments: { TestCases: { Ok: { Charge: "Ok" } } } }, MockedResponses: { Ok: { "0": { Return: { Payload: { charged: true } } } } } };
    const run = await testExecution(workflow, {}, { mockConfig: { config, testCase: "Ok" } });
    expect(run.output).toEqual({ charged: true });
    expectTypeOf(run.output).toEqualTypeOf<{ charged: boolean } | undefined>();
    const plain = await testExecution(retrying, {}, { mocks: { Charge: { result: 1 } } });
    expectTypeOf(plain.output).toEqualTypeOf<unknown>();
  });

  test("a mock config without a state machine name is refused before running", async () => {
    const config = { StateMachines: {}, MockedResponses: {} };
    await expect(testExecution(retrying, {}, { mockConfig: { config, testCase: "T" } })).rejects.toThrow(TestSetupError);
    await expect(testExecution(retrying, {}, { mockConfig: { config, testCase: "T" } })).rejects.toThrow(/mockConfig: \{ stateMachine: '<name>'/);
  });

  test("a mock naming no Task state is refused before running (strictMocks), with the likely one", async () => {
    await expect(testExecution(retrying, {}, { mocks: { Chrage: { result: 1 } } })).rejects.toThrow(
      "Mocks name a state with no Task state in the definition: 'Chrage' (did you mean 'Charge'?). Its Task states: 'Charge'. (strictMocks: false allows this.)",
    );
    const relaxed = await testExecution(retrying, {}, { strictMocks: false, mocks: { Chrage: { result: 1 }, Charge: { result: 2 } } });
    expect(relaxed.unusedMocks).toEqual(["Chrage"]);
  });

  test("an invalid definition is refused as the engine refuses it", async () => {
    await expect(testExecution({ StartAt: "Nowhere", States: {} })).rejects.toThrow(/Nowhere/);
  });
});
