import { describe, expect, test } from "vitest";
import { prepareStateMachine, runExecution } from "../engine/machine.ts";
import type { HistoryEvent } from "../engine/history.ts";
import { createTaskResolver } from "../tasks/resolve.ts";
import { createMockResolver } from "./mock-resolver.ts";
import { InvalidMockError } from "./plan.ts";
import type { Mock } from "./types.ts";

const FN = "arn:aws:lambda:us-east-1:123456789012:function:charge";
const INVOKE = "arn:aws:states:::lambda:invoke";

const bare = { StartAt: "Charge", States: { Charge: { Type: "Task", Resource: FN, End: true } } };
const optimized = {
  StartAt: "Charge",
  States: { Charge: { Type: "Task", Resource: INVOKE, Parameters: { FunctionName: "charge", "Payload.$": "$" }, End: true } },
};

/** History without what differs between any two runs (timestamps, request ids, dates). */
function shape(events: readonly HistoryEvent[]): unknown[] {
  return events.map(({ timestamp: _t, ...rest }) => JSON.parse(JSON.stringify(rest).replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, "<uuid>").replace(/[A-Z][a-z]{2}, \d\d [A-Z][a-z]{2} \d{4} [\d:]{8} GMT/g, "<date>")) as unknown);
}

async function historyOf(definition: object, options: Parameters<typeof prepareStateMachine>[1], input: unknown = { amount: 5 }) {
  const exec = prepareStateMachine(definition, options).start(input);
  const result = await exec.result;
  return { result, history: exec.history };
}

describe("a mocked invocation looks like a real one", () => {
  test("bare Lambda ARN: the same Lambda* events and output as a bound handler", async () => {
    const real = await historyOf(bare, { tasks: { charge: () => ({ charged: 5 }) } });
    const mocked = await historyOf(bare, { resolveTask: createMockResolver({ states: { Charge: { result: { charged: 5 } } } }) });
    expect(mocked.result).toEqual({ status: "SUCCEEDED", output: { charged: 5 } });
    expect(shape(mocked.history)).toEqual(shape(real.history));
    expect(mocked.history.map((e) => e.type)).toContain("LambdaFunctionSucceeded");
  });

  test("lambda:invoke: the result is wrapped like a real invocation ({ StatusCode, Payload, … })", async () => {
    const real = await historyOf(optimized, { tasks: { charge: () => ({ charged: 5 }) } });
    const mocked = await historyOf(optimized, { resolveTask: createMockResolver({ states: { Charge: { result: { charged: 5 } } } }) });
    expect(mocked.result.status).toBe("SUCCEEDED");
    expect(mocked.result.output).toMatchObject({ StatusCode: 200, ExecutedVersion: "$LATEST", Payload: { charged: 5 } });
    expect(shape(mocked.history)).toEqual(shape(real.history));
  });

  test("taskResult is the Task's result verbatim (no wrapper), as Step Functions Local's Return", async () => {
    const mocked = await historyOf(optimized, {
      resolveTask: createMockResolver({ states: { Charge: { taskResult: { StatusCode: 202, Payload: "queued" } } } }),
    });
    expect(mocked.result.output).toEqual({ StatusCode: 202, Payload: "queued" });
    expect(mocked.history.find((e) => e.type === "TaskSucceeded")?.["taskSucceededEventDetails"]).toMatchObject({
      resourceType: "lambda",
      resource: "invoke",
      output: JSON.stringify({ StatusCode: 202, Payload: "queued" }),
    });
  });

  test("an error mock fails the task with exactly that Error and Cause", async () => {
    const { result, history } = await historyOf(bare, {
      resolveTask: createMockResolver({ states: { Charge: { error: "Lambda.ServiceException", cause: "down" } } }),
    });
    expect(result).toEqual({ status: "FAILED", error: "Lambda.ServiceException", cause: "down" });
    expect(history.find((e) => e.type === "LambdaFunctionFailed")?.["lambdaFunctionFailedEventDetails"]).toEqual({
      error: "Lambda.ServiceException",
      cause: "down",
    });
  });

  test("an error mock without a cause gives an Error Output without Cause", async () => {
    const caught = {
      StartAt: "Charge",
      States: {
        Charge: { Type: "Task", Resource: FN, Catch: [{ ErrorEquals: ["States.ALL"], ResultPath: "$.failure", Next: "Done" }], End: true },
        Done: { Type: "Pass", End: true },
      },
    };
    const { result } = await historyOf(caught, { resolveTask: createMockResolver({ states: { Charge: { error: "Declined" } } }) });
    expect(result.output).toEqual({ amount: 5, failure: { Error: "Declined" } });
  });

  test("a handler mock runs like a bound handler: effective input, context, Lambda error format", async () => {
    const seen: unknown[] = [];
    const ok = await historyOf(optimized, {
      resolveTask: createMockResolver({
        states: {
          Charge: (input, ctx) => {
            seen.push(input, ctx.stateName, ctx.resource);
            return "ok";
          },
        },
      }),
    });
    expect(seen).toEqual([{ amount: 5 }, "Charge", INVOKE]);
    expect(ok.result.output).toMatchObject({ Payload: "ok" });
    const thrown = await historyOf(bare, {
      resolveTask: createMockResolver({
        states: {
          Charge: () => {
            throw new RangeError("too much");
          },
        },
      }),
    });
    expect(thrown.result.status).toBe("FAILED");
    expect(thrown.result.error).toBe("RangeError");
    expect(JSON.parse(thrown.result.cause ?? "")).toMatchObject({ errorType: "RangeError", errorMessage: "too much" });
  });

  test("an SDK integration with no binding at all can be mocked, and shows its own resourceType", async () => {
    const sdk = { StartAt: "Get", States: { Get: { Type: "Task", Resource: "arn:aws:states:::aws-sdk:dynamodb:getItem", Parameters: { TableName: "t" }, End: true } } };
    const { result, history } = await historyOf(sdk, { resolveTask: createMockResolver({ states: { Get: { result: { Item: {} } } } }) });
    expect(result.output).toEqual({ Item: {} });
    expect(history.find((e) => e.type === "TaskScheduled")?.["taskScheduledEventDetails"]).toMatchObject({ resourceType: "aws-sdk", resource: "dynamodb:getItem" });
  });
});

describe("sequences", () => {
  const retrying = {
    StartAt: "Charge",
    States: {
      Charge: {
        Type: "Task",
        Resource: FN,
        Retry: [{ ErrorEquals: ["Lambda.TooManyRequestsException"], IntervalSeconds: 3600, MaxAttempts: 3, BackoffRate: 2 }],
        End: true,
      },
    },
  };
  const throttled = { error: "Lambda.TooManyRequestsException", cause: "Rate exceeded" };

  test("invocation 0 throws, 1 throws, 2 returns: Retry then success, back-off in virtual time", async () => {
    const started = Date.now();
    const { result, history } = await historyOf(retrying, {
      resolveTask: createMockResolver({ states: { Charge: [throttled, throttled, { result: "charged" }] } }),
    });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(result).toEqual({ status: "SUCCEEDED", output: "charged" });
    const scheduled = history.filter((e) => e.type === "LambdaFunctionScheduled").map((e) => e.timestamp.getTime());
    expect(scheduled.map((t) => t - scheduled[0]!)).toEqual([0, 3_600_000, 3 * 3_600_000]);
    expect(history.filter((e) => e.type === "LambdaFunctionFailed")).toHaveLength(2);
  });

  test("a state invoked more often than its list defines fails the execution, saying how to fix it", async () => {
    const { result } = await historyOf(retrying, { resolveTask: createMockResolver({ states: { Charge: [throttled, throttled] } }) });
    expect(result.status).toBe("FAILED");
    expect(result.error).toBe("States.Runtime");
    expect(result.cause).toContain("The Task state 'Charge' was invoked 3 times (invocation 2");
    expect(result.cause).toContain("defines responses for invocations 0-1 only");
    expect(result.cause).toContain("Add a response for invocation 2");
  });

  test("a single response answers every invocation", async () => {
    const loop = {
      StartAt: "Each",
      States: { Each: { Type: "Map", ItemProcessor: { StartAt: "Charge", States: { Charge: { Type: "Task", Resource: FN, End: true } } }, End: true } },
    };
    const { result } = await historyOf(loop, { resolveTask: createMockResolver({ states: { Charge: { result: 1 } } }) }, [1, 2, 3]);
    expect(result.output).toEqual([1, 1, 1]);
  });

  test("Map iterations share the state's count (sequential Map: iteration i gets invocation i)", async () => {
    const loop = {
      StartAt: "Each",
      States: {
        Each: { Type: "Map", MaxConcurrency: 1, ItemProcessor: { StartAt: "Charge", States: { Charge: { Type: "Task", Resource: FN, End: true } } }, End: true },
      },
    };
    const { result } = await historyOf(loop, { resolveTask: createMockResolver({ states: { Charge: [{ result: "a" }, { result: "b" }, { result: "c" }] } }) }, [1, 2, 3]);
    expect(result.output).toEqual(["a", "b", "c"]);
  });

  test("counts are per execution: a prepared machine's second execution starts at invocation 0", async () => {
    const machine = prepareStateMachine(bare, { resolveTask: createMockResolver({ states: { Charge: [{ result: "first" }] } }) });
    expect((await machine.run({})).output).toBe("first");
    expect((await machine.run({})).output).toBe("first");
  });
});

describe("resource mocks and fallback", () => {
  test("a Lambda function mocked by name answers bare ARNs and lambda:invoke FunctionNames", async () => {
    const resolveTask = createMockResolver({ resources: { charge: { result: "by name" } } });
    expect((await runExecution(bare, {}, { resolveTask })).output).toBe("by name");
    expect((await runExecution(optimized, {}, { resolveTask })).output).toMatchObject({ Payload: "by name" });
  });

  test("a function key with a qualifier only matches that qualifier", async () => {
    const resolveTask = createMockResolver({ resources: { "charge:prod": { result: "prod" } } }, { fallback: createTaskResolver({ tasks: { charge: () => "real" }, lambdaErrorFormat: "nodejs", region: "us-east-1", accountId: "123456789012" }) });
    expect((await runExecution(bare, {}, { resolveTask })).output).toBe("real");
    expect((await runExecution({ ...bare, States: { Charge: { ...bare.States.Charge, Resource: `${FN}:prod` } } }, {}, { resolveTask })).output).toBe("prod");
  });

  test("an exact Resource key mocks every state using it; a state mock wins over it", async () => {
    const two = {
      StartAt: "A",
      States: {
        A: { Type: "Task", Resource: "arn:aws:states:::sqs:sendMessage", Parameters: { QueueUrl: "q", MessageBody: "a" }, ResultPath: "$.a", Next: "B" },
        B: { Type: "Task", Resource: "arn:aws:states:::sqs:sendMessage", Parameters: { QueueUrl: "q", MessageBody: "b" }, ResultPath: "$.b", End: true },
      },
    };
    const resolveTask = createMockResolver({ states: { B: { result: "state" } }, resources: { "arn:aws:states:::sqs:sendMessage": { result: "resource" } } });
    expect((await runExecution(two, {}, { resolveTask })).output).toEqual({ a: "resource", b: "state" });
  });

  test("unmocked states go to the fallback's real bindings", async () => {
    const two = {
      StartAt: "A",
      States: {
        A: { Type: "Task", Resource: FN, ResultPath: "$.a", Next: "B" },
        B: { Type: "Task", Resource: "arn:aws:lambda:us-east-1:123456789012:function:other", ResultPath: "$.b", End: true },
      },
    };
    const fallback = createTaskResolver({ tasks: { other: () => "real" }, lambdaErrorFormat: "nodejs", region: "us-east-1", accountId: "123456789012" });
    const resolveTask = createMockResolver({ states: { A: { result: "mock" } } }, { fallback });
    expect((await runExecution(two, {}, { resolveTask })).output).toEqual({ a: "mock", b: "real" });
  });

  test("a lambda:invoke of a function no mock names goes to the fallback", async () => {
    const resolveTask = createMockResolver({ resources: { other: { result: "x" } } });
    const result = await runExecution(optimized, {}, { resolveTask });
    expect(result.status).toBe("FAILED");
    expect(result.error).toBe("Lambda.ResourceNotFoundException");
  });

  test("an unbound, unmocked resource fails naming the state, the resource and how to bind it", async () => {
    const result = await runExecution(
      { StartAt: "Notify", States: { Notify: { Type: "Task", Resource: "arn:aws:states:::sns:publish", Parameters: { Message: "hi" }, End: true } } },
      {},
      { resolveTask: createMockResolver({ states: { Other: { result: 1 } } }) },
    );
    expect(result.status).toBe("FAILED");
    expect(result.error).toBe("States.Runtime");
    expect(result.cause).toContain("'Notify'");
    expect(result.cause).toContain("arn:aws:states:::sns:publish");
    expect(result.cause).toContain("tasks: { 'arn:aws:states:::sns:publish'");
  });
});

describe("unused and unknown mocks", () => {
  test("reports mocks never invoked, and state mocks naming no Task state", async () => {
    const choice = {
      StartAt: "Pick",
      States: {
        Pick: { Type: "Choice", Choices: [{ Variable: "$.card", BooleanEquals: true, Next: "Charge" }], Default: "Invoice" },
        Charge: { Type: "Task", Resource: FN, End: true },
        Invoice: { Type: "Task", Resource: "arn:aws:states:::sqs:sendMessage", Parameters: { QueueUrl: "q", MessageBody: "b" }, End: true },
      },
    };
    const resolveTask = createMockResolver({ states: { Charge: { result: 1 }, Invoice: { result: 2 }, Chrage: { result: 3 } }, resources: { nobody: { result: 4 } } });
    await runExecution(choice, { card: true }, { resolveTask });
    expect(resolveTask.unusedMocks()).toEqual(["Invoice", "Chrage", "resource nobody"]);
    expect(resolveTask.unknownStates()).toEqual(["Chrage"]);
    expect(resolveTask.taskStates().sort()).toEqual(["Charge", "Invoice"]);
  });
});

describe("bad mocks are refused with what to write instead", () => {
  const cases: [string, Mock, RegExp][] = [
    ["empty list", [], /empty list/],
    ["empty object", {} as Mock, /exactly one of 'result', 'taskResult' or 'error', got an empty object/],
    ["two outcomes", { result: 1, error: "X" } as Mock, /exactly one of .* got keys 'result', 'error'/],
    ["unknown key", { result: 1, status: 200 } as Mock, /unexpected 'status' next to 'result'/],
    ["cause without error", { cause: "x" } as Mock, /exactly one of/],
    ["error not a string", { error: 42 } as unknown as Mock, /'error' must be a non-empty string .* got number 42/],
    ["empty error", { error: "" }, /'error' must be a non-empty string/],
    ["cause not a string", { error: "X", cause: { why: 1 } } as unknown as Mock, /'cause' must be a string .* got an object/],
    ["null", null as unknown as Mock, /expected \{ result \}.* got null/],
    ["a number", 3 as unknown as Mock, /got number 3/],
    ["not JSON", { result: 10n } as unknown as Mock, /not JSON data/],
    ["undefined-only value", { taskResult: () => 1 } as unknown as Mock, /not JSON data/],
    ["bad element of a list", [{ result: 1 }, { eror: "X" }] as unknown as Mock, /response 1: expected exactly one of/],
  ];
  test.each(cases)("%s", (_name, mock, message) => {
    expect(() => createMockResolver({ states: { Charge: mock } })).toThrow(InvalidMockError);
    expect(() => createMockResolver({ states: { Charge: mock } })).toThrow(message);
  });

  test("the mock's value is copied: changing the caller's object later changes nothing", async () => {
    const value = { n: 1 };
    const resolveTask = createMockResolver({ states: { Charge: { result: value } } });
    value.n = 2;
    expect((await runExecution(bare, {}, { resolveTask })).output).toEqual({ n: 1 });
    expect(Object.isFrozen(value)).toBe(false);
  });
});

describe("data isolation", () => {
  test("with taskDataIsolation 'copy' a handler mock may change its event; with the default it gets a frozen one", async () => {
    const mutate = (input: unknown): unknown => {
      (input as { amount: number }).amount += 1;
      return input;
    };
    const copied = await runExecution(bare, { amount: 1 }, { resolveTask: createMockResolver({ states: { Charge: mutate } }, { taskDataIsolation: "copy" }) });
    expect(copied.output).toEqual({ amount: 2 });
    const frozen = await runExecution(bare, { amount: 1 }, { resolveTask: createMockResolver({ states: { Charge: mutate } }) });
    expect(frozen.status).toBe("FAILED");
    expect(frozen.cause).toContain("deep-frozen");
  });
});
