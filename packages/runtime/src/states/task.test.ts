import { describe, expect, it } from "vitest";
import { VirtualClock } from "../engine/clock.ts";
import { prepareStateMachine, runExecution } from "../engine/machine.ts";
import { resolvedTask } from "../tasks/resolve.ts";

const FN = "arn:aws:lambda:us-east-1:123456789012:function:double";
const task = (state: Record<string, unknown>) => ({ StartAt: "T", States: { T: { Type: "Task", ...state, End: true } } });

describe("Task", () => {
  it("binds a Lambda ARN to a local function and records Lambda* events", async () => {
    const exec = prepareStateMachine(task({ Resource: FN, ResultSelector: { "v.$": "$.v" }, ResultPath: "$.r" }), {
      tasks: { [FN]: (input) => ({ v: (input as { n: number }).n * 2 }) },
    }).start({ n: 21 });
    expect(await exec.result).toEqual({ status: "SUCCEEDED", output: { n: 21, r: { v: 42 } } });
    expect(exec.history.map((e) => e.type)).toEqual([
      "ExecutionStarted",
      "TaskStateEntered",
      "LambdaFunctionScheduled",
      "LambdaFunctionStarted",
      "LambdaFunctionSucceeded",
      "TaskStateExited",
      "ExecutionSucceeded",
    ]);
    expect(exec.history[2]).toMatchObject({ lambdaFunctionScheduledEventDetails: { resource: FN, input: '{"n":21}' } });
  });

  it("wraps lambda:invoke results like AWS and records Task* events", async () => {
    const exec = prepareStateMachine(
      task({ Resource: "arn:aws:states:::lambda:invoke", Parameters: { FunctionName: "double", "Payload.$": "$" } }),
      { tasks: { double: (input) => (input as { n: number }).n * 2 } },
    ).start({ n: 2 });
    const r = await exec.result;
    expect(r.output).toMatchObject({ ExecutedVersion: "$LATEST", Payload: 4, StatusCode: 200, SdkResponseMetadata: {} });
    expect(exec.history.map((e) => e.type)).toContain("TaskScheduled");
    expect(exec.history.find((e) => e.type === "TaskScheduled")).toMatchObject({
      taskScheduledEventDetails: { resourceType: "lambda", resource: "invoke", region: "us-east-1" },
    });
  });

  it("turns a thrown Error into the Lambda error name and payload (nodejs and python formats)", async () => {
    const boom = () => {
      const e = new Error("bad input");
      e.name = "ValidationError";
      throw e;
    };
    const node = await runExecution(task({ Resource: FN }), {}, { tasks: { [FN]: boom } });
    expect(node.error).toBe("ValidationError");
    expect(JSON.parse(node.cause ?? "")).toMatchObject({ errorType: "ValidationError", errorMessage: "bad input", trace: expect.any(Array) });
    const python = await runExecution(task({ Resource: FN }), {}, { tasks: { [FN]: boom }, lambdaErrorFormat: "python" });
    expect(python.cause).toMatch(/^\{"errorMessage": "bad input", "errorType": "ValidationError", "requestId": "[0-9a-f-]+", "stackTrace": \[/);
  });

  it("fails with Lambda.ResourceNotFoundException for a function nobody bound", async () => {
    const r = await runExecution(
      task({ Resource: "arn:aws:states:::lambda:invoke", Parameters: { FunctionName: "nope" } }),
      {},
      { tasks: { other: () => 1 } },
    );
    expect(r.error).toBe("Lambda.ResourceNotFoundException");
    expect(r.cause).toMatch(/^Function not found: arn:aws:lambda:us-east-1:123456789012:function:nope:\$LATEST \(Service: AWSLambda; Status Code: 404;/);
  });

  it("names the state, the resource and the fix when a resource is unbound", async () => {
    const r = await runExecution(task({ Resource: "arn:aws:states:::sqs:sendMessage" }), {});
    expect(r.error).toBe("States.Runtime");
    expect(r.cause).toContain("The Task state 'T' uses the resource 'arn:aws:states:::sqs:sendMessage'");
    expect(r.cause).toContain("prepareStateMachine(definition, { tasks:");
  });

  it("fails with States.DataLimitExceeded when a result is over 256 KiB", async () => {
    const r = await runExecution(task({ Resource: FN }), {}, { tasks: { [FN]: () => "x".repeat(300 * 1024) } });
    expect(r.error).toBe("States.DataLimitExceeded");
  });

  it("times out with States.Timeout after TimeoutSeconds (virtual time)", async () => {
    const clock = new VirtualClock(0);
    const exec = prepareStateMachine(task({ Resource: FN, TimeoutSeconds: 30 }), { tasks: { [FN]: () => new Promise(() => undefined) } }).start(
      {},
      { clock },
    );
    expect(await exec.result).toMatchObject({ status: "FAILED", error: "States.Timeout" });
    expect(exec.history.map((e) => e.type)).toContain("LambdaFunctionTimedOut");
    expect(clock.now()).toBe(30_000);
  });

  it("hands handlers frozen events by default, with a hint when they mutate, or copies on request", async () => {
    const mutate = (event: unknown) => {
      (event as Record<string, unknown>)["x"] = 1;
      return event;
    };
    const frozen = await runExecution(task({ Resource: FN }), { a: 1 }, { tasks: { [FN]: mutate } });
    expect(frozen.error).toBe("TypeError");
    expect(frozen.cause).toContain("taskDataIsolation");
    const copied = await runExecution(task({ Resource: FN }), { a: 1 }, { tasks: { [FN]: mutate }, taskDataIsolation: "copy" });
    expect(copied.output).toEqual({ a: 1, x: 1 });
  });

  it("lets a custom resolver bind any resource", async () => {
    const r = await runExecution(task({ Resource: "arn:aws:states:::dynamodb:getItem" }), { k: 1 }, {
      resolveTask: (resource) => resolvedTask("service", "dynamodb", "getItem", async (input) => ({ resource, input })),
    });
    expect(r.output).toEqual({ resource: "arn:aws:states:::dynamodb:getItem", input: { k: 1 } });
  });
});

describe("Task callbacks", () => {
  it("exposes $$.Task.Token to Parameters and the handler of a .waitForTaskToken resource", async () => {
    const resource = "arn:aws:states:::sqs:sendMessage.waitForTaskToken";
    let seen: string | undefined;
    const r = await runExecution(task({ Resource: resource, Parameters: { "token.$": "$$.Task.Token" } }), {}, {
      tasks: {
        [resource]: (input, ctx) => {
          seen = ctx.taskToken;
          return { echoed: (input as { token: string }).token };
        },
      },
    });
    expect(seen).toMatch(/^[0-9a-f-]{36}$/);
    expect(r.output).toEqual({ echoed: seen });
  });

  it("gives no $$.Task.Token to a job-run (.sync) or request-response task, as AWS's context object has it for callbacks only", async () => {
    for (const resource of ["arn:aws:states:::glue:startJobRun.sync", "arn:aws:states:::states:startExecution.sync:2", "arn:aws:states:::sqs:sendMessage"]) {
      let token: string | undefined = "not called";
      const tasks = {
        [resource]: (input: unknown, ctx: { readonly taskToken?: string | undefined }) => {
          token = ctx.taskToken;
          return input;
        },
      };
      const read = await runExecution(task({ Resource: resource, Parameters: { "token.$": "$$.Task.Token" } }), {}, { tasks });
      expect(read.error).toBe("States.Runtime");
      expect(read.cause).toContain("$$.Task.Token");
      const context = await runExecution(task({ Resource: resource, Parameters: { "context.$": "$$" } }), {}, { tasks });
      expect(Object.keys((context.output as { context: object }).context)).not.toContain("Task");
      expect(token).toBeUndefined();
    }
  });
});

describe("Task heartbeats", () => {
  const def = task({ Resource: FN, HeartbeatSeconds: 10, TimeoutSeconds: 100 });

  it("fails with States.Timeout and no Cause when the handler stops heart-beating (as AWS records it)", async () => {
    const clock = new VirtualClock(0);
    const exec = prepareStateMachine(def, { tasks: { [FN]: () => new Promise(() => undefined) } }).start({}, { clock });
    expect(await exec.result).toEqual({ status: "FAILED", error: "States.Timeout" });
    const timedOut = exec.history.find((e) => e.type === "LambdaFunctionTimedOut");
    expect(timedOut?.["lambdaFunctionTimedOutEventDetails"]).toEqual({ error: "States.Timeout" });
    expect(exec.history.at(-1)?.["executionFailedEventDetails"]).toEqual({ error: "States.Timeout" });
    expect(clock.now()).toBe(10_000);
    expect(exec.history.map((e) => e.type)).toContain("LambdaFunctionTimedOut");
  });

  it("keeps a heart-beating handler alive until TimeoutSeconds", async () => {
    const clock = new VirtualClock(0);
    const handler = (_input: unknown, ctx: { heartbeat?(): void }) =>
      new Promise(() => {
        const beat = (): void => {
          ctx.heartbeat?.();
          void clock.sleep(5_000).done.then(beat);
        };
        beat();
      });
    const r = await prepareStateMachine(def, { tasks: { [FN]: handler } }).run({}, { clock });
    expect(r).toEqual({ status: "FAILED", error: "States.Timeout" });
    expect(clock.now()).toBe(100_000);
  });

  it("a Catch naming States.HeartbeatTimeout catches the expiry; the Error Output has no Cause", async () => {
    const caught = {
      StartAt: "T",
      States: {
        T: { Type: "Task", Resource: FN, HeartbeatSeconds: 10, Catch: [{ ErrorEquals: ["States.HeartbeatTimeout"], Next: "C" }], End: true },
        C: { Type: "Pass", End: true },
      },
    };
    const r = await prepareStateMachine(caught, { tasks: { [FN]: () => new Promise(() => undefined) } }).run({});
    expect(r).toMatchObject({ status: "SUCCEEDED", output: { Error: "States.Timeout" } });
  });

  it("a TimeoutSeconds expiry is not caught by States.HeartbeatTimeout", async () => {
    const caught = {
      StartAt: "T",
      States: {
        T: { Type: "Task", Resource: FN, TimeoutSeconds: 10, Catch: [{ ErrorEquals: ["States.HeartbeatTimeout"], Next: "C" }], End: true },
        C: { Type: "Pass", End: true },
      },
    };
    const r = await prepareStateMachine(caught, { tasks: { [FN]: () => new Promise(() => undefined) } }).run({});
    expect(r).toEqual({ status: "FAILED", error: "States.Timeout" });
  });
});
