import { describe, expect, test } from "vitest";
import { prepareStateMachine } from "../engine/machine.ts";
import { InvalidDefinitionError } from "../engine/validation-bridge.ts";
import { CallbackRegistry } from "./callback-registry.ts";
import { sfnCallbackTasks } from "./sfn-callback-tasks.ts";
import { StateMachineRegistry } from "./state-machine-registry.ts";

const T0 = Date.UTC(2025, 0, 1);
/** Parents start at T0 too: children started by a Task share their parent's clock. */
const AT_T0 = { startTime: new Date(T0) };
const CHILD_ARN = "arn:aws:states:us-east-1:123456789012:stateMachine:Doubler";
const EXEC_ARN = "arn:aws:states:us-east-1:123456789012:execution:Doubler:child-1";

const doubler = {
  StartAt: "Pause",
  States: {
    Pause: { Type: "Wait", Seconds: 60, Next: "Double" },
    Double: { Type: "Pass", Parameters: { "doubled.$": "States.MathAdd($.n, $.n)" }, End: true },
  },
};
const failing = { StartAt: "Broke", States: { Broke: { Type: "Fail", Error: "ChildError", Cause: "child broke" } } };

function parent(resource: string, parameters: Record<string, unknown> = { StateMachineArn: CHILD_ARN, Input: { "n.$": "$.n" }, Name: "child-1" }, extra: Record<string, unknown> = {}) {
  return { StartAt: "Run", States: { Run: { Type: "Task", Resource: resource, Parameters: parameters, End: true, ...extra } } };
}

function setup(children: Record<string, unknown> = { [CHILD_ARN]: doubler }) {
  const callbacks = new CallbackRegistry();
  const registry = new StateMachineRegistry({ callbacks, now: () => T0, defaults: { tasks: sfnCallbackTasks(callbacks) } });
  for (const [arn, def] of Object.entries(children)) registry.register(arn, def);
  return registry;
}

describe("states:startExecution.sync and .sync:2", () => {
  test(".sync waits for the child and returns DescribeExecution with JSON text", async () => {
    const registry = setup();
    const run = await prepareStateMachine(parent("arn:aws:states:::states:startExecution.sync"), { resolveTask: registry.resolver() }).run({ n: 21 }, AT_T0);
    expect(run).toEqual({
      status: "SUCCEEDED",
      output: {
        ExecutionArn: EXEC_ARN,
        Input: '{"n":21}',
        InputDetails: { Included: true },
        Name: "child-1",
        Output: '{"doubled":42}',
        OutputDetails: { Included: true },
        RedriveCount: 0,
        RedriveStatus: "NOT_REDRIVABLE",
        RedriveStatusReason: "Execution is SUCCEEDED and cannot be redriven",
        StartDate: T0,
        StateMachineArn: CHILD_ARN,
        Status: "SUCCEEDED",
        // The child's own virtual clock: its 60 s Wait took no real time.
        StopDate: T0 + 60_000,
      },
    });
    expect(registry.execution(EXEC_ARN)?.execution.history.map((e) => e.type)).toContain("WaitStateExited");
  });

  test(".sync:2 returns Input and Output as JSON", async () => {
    const registry = setup();
    const run = await prepareStateMachine(parent("arn:aws:states:::states:startExecution.sync:2"), { resolveTask: registry.resolver() }).run({ n: 2 }, AT_T0);
    expect(run.output).toMatchObject({ Input: { n: 2 }, Output: { doubled: 4 }, Status: "SUCCEEDED" });
  });

  test("a failed child fails the task with States.TaskFailed and the description as cause; Catch sees it", async () => {
    const registry = setup({ [CHILD_ARN]: failing });
    const def = {
      StartAt: "Run",
      States: {
        Run: {
          Type: "Task",
          Resource: "arn:aws:states:::states:startExecution.sync:2",
          Parameters: { StateMachineArn: CHILD_ARN, Input: { "n.$": "$.n" }, Name: "child-1" },
          Catch: [{ ErrorEquals: ["States.TaskFailed"], Next: "Handled" }],
          End: true,
        },
        Handled: { Type: "Pass", End: true },
      },
    };
    const run = await prepareStateMachine(def, { resolveTask: registry.resolver() }).run({ n: 1 }, AT_T0);
    expect(run.status).toBe("SUCCEEDED");
    const caught = run.output as { Error: string; Cause: string };
    expect(caught.Error).toBe("States.TaskFailed");
    expect(JSON.parse(caught.Cause)).toEqual({
      Cause: "child broke",
      Error: "ChildError",
      ExecutionArn: "arn:aws:states:us-east-1:123456789012:execution:Doubler:child-1",
      Input: { n: 1 },
      InputDetails: { Included: true },
      Name: "child-1",
      RedriveCount: 0,
      RedriveStatus: "REDRIVABLE",
      StartDate: T0,
      StateMachineArn: CHILD_ARN,
      Status: "FAILED",
      StopDate: T0,
    });
  });

  test("an uncaught child failure fails the parent", async () => {
    const registry = setup({ [CHILD_ARN]: failing });
    const run = await prepareStateMachine(parent("arn:aws:states:::states:startExecution.sync"), { resolveTask: registry.resolver() }).run({ n: 1 }, AT_T0);
    expect(run).toMatchObject({ status: "FAILED", error: "States.TaskFailed" });
    expect(JSON.parse(run.cause!)).toMatchObject({ Input: '{"n":1}', Status: "FAILED", Error: "ChildError" });
  });

  test("a .sync child shares its parent's virtual clock: the parent's sibling Wait runs meanwhile; TaskSubmitted holds the StartExecution response", async () => {
    const registry = setup();
    const def = {
      StartAt: "Both",
      States: {
        Both: {
          Type: "Parallel",
          End: true,
          Branches: [parent("arn:aws:states:::states:startExecution.sync:2"), { StartAt: "Tick", States: { Tick: { Type: "Wait", Seconds: 30, End: true } } }],
        },
      },
    };
    const exec = prepareStateMachine(def, { resolveTask: registry.resolver() }).start({ n: 1 }, { startTime: new Date(T0 + 5000) });
    const run = await exec.result;
    expect(run.status).toBe("SUCCEEDED");
    // One timeline: the child started at the parent's now and its 60 s Wait ended 60 s later.
    expect((run.output as Record<string, unknown>[])[0]).toMatchObject({ StartDate: T0 + 5000, StopDate: T0 + 65_000 });
    expect(exec.history.find((e) => e.type === "WaitStateExited")?.timestamp.getTime()).toBe(T0 + 35_000);
    expect(exec.history.find((e) => e.type === "TaskSubmitted")).toMatchObject({ taskSubmittedEventDetails: { resourceType: "states", resource: "startExecution.sync:2" } });
    expect(JSON.parse(String((exec.history.find((e) => e.type === "TaskSubmitted")?.["taskSubmittedEventDetails"] as { output: string }).output))).toMatchObject({ ExecutionArn: EXEC_ARN, StartDate: T0 + 5000 });
  });

  test("a child that keeps real time gets its own clock from the registry's now", async () => {
    const registry = setup({});
    registry.register(CHILD_ARN, { StartAt: "Done", States: { Done: { Type: "Pass", End: true } } }, { time: "real" });
    const run = await prepareStateMachine(parent("arn:aws:states:::states:startExecution.sync:2"), { resolveTask: registry.resolver() }).run({ n: 1 }, { startTime: new Date(T0 + 5000) });
    expect(run.output).toMatchObject({ StartDate: T0, Status: "SUCCEEDED" });
  });

  test("stopping the parent stops a .sync child", async () => {
    const hanging = { StartAt: "Hang", States: { Hang: { Type: "Task", Resource: "arn:aws:states:::sqs:sendMessage", End: true } } };
    const callbacks = new CallbackRegistry();
    const registry = new StateMachineRegistry({ callbacks, defaults: { tasks: { "arn:aws:states:::sqs:sendMessage": () => new Promise(() => undefined) } } });
    registry.register(CHILD_ARN, hanging);
    const exec = prepareStateMachine(parent("arn:aws:states:::states:startExecution.sync"), { resolveTask: registry.resolver() }).start({ n: 1 }, AT_T0);
    await new Promise((r) => setTimeout(r, 5));
    exec.abort();
    expect(await registry.execution(EXEC_ARN)!.result).toMatchObject({ status: "ABORTED" });
    expect(registry.execution(EXEC_ARN)!.describe()).toMatchObject({ Status: "ABORTED", RedriveStatus: "REDRIVABLE" });
  });
});

describe("states:startExecution (request-response)", () => {
  test("answers once the child started; the child runs on in the background", async () => {
    const registry = setup();
    const run = await prepareStateMachine(parent("arn:aws:states:::states:startExecution"), { resolveTask: registry.resolver() }).run({ n: 5 }, AT_T0);
    expect(run.output).toEqual({
      ExecutionArn: EXEC_ARN,
      SdkHttpMetadata: expect.objectContaining({ HttpStatusCode: 200 }),
      SdkResponseMetadata: { RequestId: expect.any(String) },
      StartDate: T0,
    });
    const child = registry.execution(EXEC_ARN)!;
    expect(child.describe()).toMatchObject({ Status: "RUNNING" });
    expect(await child.result).toEqual({ status: "SUCCEEDED", output: { doubled: 10 } });
    expect(registry.executions()).toEqual([child]);
  });

  test("Input as JSON text, a default Name, a version ARN, and grandchildren", async () => {
    const registry = setup();
    const middle = parent("arn:aws:states:::states:startExecution.sync:2", { StateMachineArn: `${CHILD_ARN}:3`, "Input.$": "States.JsonToString($)" }, { OutputPath: "$.Output" });
    registry.register("Middle", middle);
    const run = await prepareStateMachine(parent("arn:aws:states:::states:startExecution.sync:2", { StateMachineArn: "arn:aws:states:us-east-1:123456789012:stateMachine:Middle", Input: { "n.$": "$.n" } }), {
      resolveTask: registry.resolver(),
    }).run({ n: 4 }, AT_T0);
    expect(run.output).toMatchObject({ Output: { doubled: 8 } });
    expect(registry.executions().map((e) => e.stateMachineArn)).toEqual(["arn:aws:states:us-east-1:123456789012:stateMachine:Middle", CHILD_ARN]);
    expect(registry.executions()[0]!.name).toMatch(/^[0-9a-f-]{36}$/);
  });

  test.each([
    ["an unknown machine", { StateMachineArn: "arn:aws:states:us-east-1:123456789012:stateMachine:Nope" }, "StepFunctions.StateMachineDoesNotExist", "State Machine Does Not Exist: 'arn:aws:states:us-east-1:123456789012:stateMachine:Nope'"],
    ["no StateMachineArn", { Input: {} }, "States.Runtime", "The field 'StateMachineArn' is required for resource arn:aws:states:::states:startExecution"],
    ["Input that is not JSON text", { StateMachineArn: CHILD_ARN, Input: "{oops" }, "StepFunctions.InvalidExecutionInput", "Invalid State Machine Execution Input: '{oops'"],
    ["a bad Name", { StateMachineArn: CHILD_ARN, Name: "has space" }, "StepFunctions.InvalidName", "Invalid Name: 'has space'"],
    ["a too long Name", { StateMachineArn: CHILD_ARN, Name: "n".repeat(81) }, "StepFunctions.InvalidName", `Invalid Name: '${"n".repeat(81)}'`],
  ])("%s fails the task", async (_name, parameters, error, cause) => {
    const registry = setup();
    const run = await prepareStateMachine(parent("arn:aws:states:::states:startExecution", parameters), { resolveTask: registry.resolver() }).run({}, AT_T0);
    expect(run).toMatchObject({ status: "FAILED", error });
    expect(run.cause).toContain(cause);
  });

  test("a name used twice is ExecutionAlreadyExists", async () => {
    const registry = setup();
    registry.start(CHILD_ARN, { n: 1 }, "child-1");
    const run = await prepareStateMachine(parent("arn:aws:states:::states:startExecution"), { resolveTask: registry.resolver() }).run({ n: 1 }, AT_T0);
    expect(run).toMatchObject({ status: "FAILED", error: "StepFunctions.ExecutionAlreadyExists" });
    expect(run.cause).toContain(`Execution Already Exists: '${EXEC_ARN}'`);
  });

  test("other resources go to the base binding; machines prepared elsewhere can be registered", async () => {
    const registry = setup();
    const arn = registry.registerPrepared(prepareStateMachine({ StartAt: "P", States: { P: { Type: "Pass", Result: "own", End: true } } }, { name: "Own" }));
    expect(registry.machine(arn)?.name).toBe("Own");
    expect(registry.machine("arn:aws:states:us-east-1:123456789012:stateMachine:Unknown")).toBeUndefined();
    expect(await registry.start(arn).result).toEqual({ status: "SUCCEEDED", output: "own" });
    const run = await prepareStateMachine(parent("arn:aws:states:::sqs:sendMessage", {}), { resolveTask: registry.resolver() }).run({}, AT_T0);
    expect(run).toMatchObject({ status: "FAILED", error: "States.Runtime" });
    expect(run.cause).toContain("is not bound to a local handler");
  });
});

describe("states:startExecution.waitForTaskToken", () => {
  test("the child answers its parent through aws-sdk:sfn:sendTaskSuccess", async () => {
    const answering = {
      StartAt: "Reply",
      States: {
        Reply: {
          Type: "Task",
          Resource: "arn:aws:states:::aws-sdk:sfn:sendTaskSuccess",
          Parameters: { "TaskToken.$": "$.token", "Output.$": "States.JsonToString($.payload)" },
          End: true,
        },
      },
    };
    const registry = setup({ [CHILD_ARN]: answering });
    const run = await prepareStateMachine(
      parent("arn:aws:states:::states:startExecution.waitForTaskToken", { StateMachineArn: CHILD_ARN, Input: { "token.$": "$$.Task.Token", payload: { approved: true } } }),
      { resolveTask: registry.resolver() },
    ).run({});
    expect(run).toEqual({ status: "SUCCEEDED", output: { approved: true } });
    expect(await registry.executions()[0]!.result).toEqual({ status: "SUCCEEDED", output: {} });
  });

  test("a child that fails without answering leaves the parent waiting, until a failure is sent", async () => {
    const registry = setup({ [CHILD_ARN]: failing });
    const exec = prepareStateMachine(parent("arn:aws:states:::states:startExecution.waitForTaskToken", { StateMachineArn: CHILD_ARN, Input: { "token.$": "$$.Task.Token" } }), {
      resolveTask: registry.resolver(),
    }).start({}, AT_T0);
    const task = await registry.callbacks.waitForPending("Run");
    expect(await registry.executions()[0]!.result).toMatchObject({ status: "FAILED" });
    expect(exec.currentStatus).toBe("RUNNING");
    registry.callbacks.sendTaskFailure(task.token, "Child.Failed", "no answer");
    expect(await exec.result).toMatchObject({ status: "FAILED", error: "Child.Failed", cause: "no answer" });
  });
});

describe("Express children", () => {
  test("an Express child runs under .sync; its own .sync or callback tasks are refused at registration", async () => {
    const registry = setup();
    const arn = registry.register("FastChild", doubler, { stateMachineType: "EXPRESS" });
    const run = await prepareStateMachine(parent("arn:aws:states:::states:startExecution.sync:2", { StateMachineArn: arn, Input: { n: 3 } }), { resolveTask: registry.resolver() }).run({}, AT_T0);
    expect(run.output).toMatchObject({ Output: { doubled: 6 }, Status: "SUCCEEDED" });
    expect(() => registry.register("BadExpress", parent("arn:aws:states:::states:startExecution.sync"), { stateMachineType: "EXPRESS" })).toThrow(InvalidDefinitionError);
    expect(() => registry.register("BadExpress", parent("arn:aws:states:::sqs:sendMessage.waitForTaskToken"), { stateMachineType: "EXPRESS" })).toThrow("Express state machine does not support '.waitForTaskToken' service integration");
  });
});
