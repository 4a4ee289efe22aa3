import { describe, expect, test } from "vitest";
import { StatesError } from "../errors.ts";
import { prepareStateMachine } from "../engine/machine.ts";
import { ActivityBroker } from "../integrations/activity-broker.ts";
import { activityResolver } from "../integrations/activity-resolver.ts";
import { TaskCallbackError } from "../integrations/callback-errors.ts";
import { CallbackRegistry } from "../integrations/callback-registry.ts";
import { callbackResolver } from "../integrations/callback-resolver.ts";
import { createTaskResolver } from "../tasks/resolve.ts";
import type { TaskCallContext } from "../tasks/types.ts";

const T0 = Date.UTC(2025, 0, 1);
const AT_T0 = { startTime: new Date(T0) };
const CALLBACK = "arn:aws:states:::sqs:sendMessage.waitForTaskToken";
const ask = (extra: Record<string, unknown> = {}) => ({
  Type: "Task",
  Resource: CALLBACK,
  Parameters: { QueueUrl: "q", MessageBody: { "token.$": "$$.Task.Token" } },
  ...extra,
});

/** A Parallel whose first branch waits for a person and whose second waits `seconds`. */
function withSiblingWait(task: Record<string, unknown>, seconds: number) {
  return {
    StartAt: "Both",
    States: {
      Both: {
        Type: "Parallel",
        End: true,
        Branches: [
          { StartAt: "Approve", States: { Approve: { ...task, End: true } } },
          { StartAt: "Tick", States: { Tick: { Type: "Wait", Seconds: seconds, End: true } } },
        ],
      },
    },
  };
}

function timeOf(history: readonly { type: string; timestamp: Date }[], type: string): number | undefined {
  return history.find((e) => e.type === type)?.timestamp.getTime();
}

function codeOf(f: () => void): string | undefined {
  try {
    f();
  } catch (e) {
    return e instanceof TaskCallbackError ? e.code : `not a TaskCallbackError: ${String(e)}`;
  }
  return undefined;
}

describe("callbacks answered through the execution", () => {
  test("a human approval waits (time moves for a sibling Wait) until a later execution.sendTaskSuccess", async () => {
    const machine = prepareStateMachine(withSiblingWait(ask(), 3600));
    const exec = machine.start({}, AT_T0);
    const pending = await machine.callbacks.waitForPending("Approve");
    expect(pending.input).toEqual({ QueueUrl: "q", MessageBody: { token: pending.token } });
    // The person is "thinking": the sibling's hour-long Wait still ends in virtual time.
    for (let i = 0; i < 20 && timeOf(exec.history, "WaitStateExited") === undefined; i++) await new Promise((r) => setImmediate(r));
    expect(timeOf(exec.history, "WaitStateExited")).toBe(T0 + 3_600_000);
    expect(exec.currentStatus).toBe("RUNNING");
    exec.sendTaskSuccess(pending.token, { approved: true });
    expect(await exec.result).toEqual({ status: "SUCCEEDED", output: [{ approved: true }, {}] });
    // Answered once: a second answer is refused like AWS does.
    expect(codeOf(() => exec.sendTaskSuccess(pending.token, {}))).toBe("TaskTimedOut");
  });

  test("sendTaskFailure fails the task; sendTaskHeartbeat keeps it alive; bad tokens are refused", async () => {
    const machine = prepareStateMachine({ StartAt: "Approve", States: { Approve: ask({ HeartbeatSeconds: 60, End: true }) } });
    const exec = machine.start({}, AT_T0);
    const { token } = await machine.callbacks.waitForPending("Approve");
    machine.sendTaskHeartbeat(token);
    expect(codeOf(() => exec.sendTaskSuccess("no-such-token", {}))).toBe("TaskDoesNotExist");
    expect(codeOf(() => exec.sendTaskSuccess("", {}))).toBe("InvalidToken");
    expect(codeOf(() => exec.sendTaskSuccess(token, { big: 1n }))).toBe("InvalidOutput");
    exec.sendTaskFailure(token, "Rejected", "manager said no");
    expect(await exec.result).toEqual({ status: "FAILED", error: "Rejected", cause: "manager said no" });
  });

  test("a heartbeat that expires fails with States.Timeout (no Cause) at the virtual deadline while a sibling Wait runs", async () => {
    const machine = prepareStateMachine(withSiblingWait(ask({ HeartbeatSeconds: 300 }), 120));
    const exec = machine.start({}, AT_T0);
    const { token } = await machine.callbacks.waitForPending("Approve");
    const result = await exec.result;
    expect(result).toEqual({ status: "FAILED", error: "States.Timeout" });
    expect(timeOf(exec.history, "WaitStateExited")).toBe(T0 + 120_000);
    expect(timeOf(exec.history, "TaskTimedOut")).toBe(T0 + 300_000);
    // The attempt ended: its token answers TaskTimedOut.
    expect(codeOf(() => exec.sendTaskHeartbeat(token))).toBe("TaskTimedOut");
  });

  test("a .waitForTaskToken with TimeoutSeconds times out at the virtual deadline; a late answer is TaskTimedOut", async () => {
    const machine = prepareStateMachine({ StartAt: "Approve", States: { Approve: ask({ TimeoutSeconds: 86_400, End: true }) } });
    const exec = machine.start({}, AT_T0);
    const { token } = await machine.callbacks.waitForPending("Approve");
    expect(await exec.result).toMatchObject({ status: "FAILED", error: "States.Timeout" });
    expect(timeOf(exec.history, "TaskTimedOut")).toBe(T0 + 86_400_000);
    expect(codeOf(() => exec.sendTaskSuccess(token, { approved: true }))).toBe("TaskTimedOut");
  });

  test("a sibling's failure aborts the waiting attempt (TaskStateAborted) and expires its token", async () => {
    const def = {
      StartAt: "Both",
      States: {
        Both: {
          Type: "Parallel",
          End: true,
          Branches: [
            { StartAt: "Approve", States: { Approve: ask({ End: true }) } },
            { StartAt: "Later", States: { Later: { Type: "Wait", Seconds: 10, Next: "Boom" }, Boom: { Type: "Fail", Error: "Boom" } } },
          ],
        },
      },
    };
    const machine = prepareStateMachine(def);
    const exec = machine.start({}, AT_T0);
    const { token } = await machine.callbacks.waitForPending("Approve");
    expect(await exec.result).toMatchObject({ status: "FAILED", error: "Boom" });
    expect(exec.history.map((e) => e.type)).toContain("TaskStateAborted");
    expect(codeOf(() => machine.sendTaskSuccess(token, {}))).toBe("TaskTimedOut");
  });

  test("stopping the execution expires its tokens", async () => {
    const machine = prepareStateMachine({ StartAt: "Approve", States: { Approve: ask({ End: true }) } });
    const exec = machine.start({});
    const { token } = await machine.callbacks.waitForPending("Approve");
    exec.abort();
    expect((await exec.result).status).toBe("ABORTED");
    expect(codeOf(() => exec.sendTaskSuccess(token, {}))).toBe("TaskTimedOut");
  });

  test("a bound handler still answers a callback task itself (its result is the output)", async () => {
    const run = await prepareStateMachine({ StartAt: "Approve", States: { Approve: ask({ End: true }) } }, { tasks: { [CALLBACK]: () => ({ auto: true }) } }).run({});
    expect(run).toEqual({ status: "SUCCEEDED", output: { auto: true } });
  });
});

describe("TaskSubmitted", () => {
  test("a callback task records the send's response as TaskSubmitted between TaskStarted and TaskSucceeded", async () => {
    const callbacks = new CallbackRegistry();
    const base = createTaskResolver({ tasks: { [CALLBACK]: async () => ({ MessageId: "m-1" }) }, lambdaErrorFormat: "nodejs", region: "us-east-1", accountId: "123456789012" });
    const machine = prepareStateMachine({ StartAt: "Approve", States: { Approve: ask({ End: true }) } }, { callbacks, resolveTask: callbackResolver(callbacks, base) });
    const exec = machine.start({});
    const { token } = await callbacks.waitForPending("Approve");
    exec.sendTaskSuccess(token, { ok: 1 });
    await exec.result;
    const types = exec.history.map((e) => e.type);
    expect(types.slice(types.indexOf("TaskStarted"), types.indexOf("TaskSucceeded") + 1)).toEqual(["TaskStarted", "TaskSubmitted", "TaskSucceeded"]);
    expect(exec.history.find((e) => e.type === "TaskSubmitted")).toMatchObject({
      taskSubmittedEventDetails: { resourceType: "sqs", resource: "sendMessage.waitForTaskToken", output: '{"MessageId":"m-1"}', outputDetails: { truncated: false } },
    });
  });

  test("ctx.submitted after the attempt ended records nothing", async () => {
    let late: TaskCallContext | undefined;
    const exec = prepareStateMachine(
      { StartAt: "Call", States: { Call: { Type: "Task", Resource: "arn:aws:states:::sqs:sendMessage", TimeoutSeconds: 5, End: true } } },
      { tasks: { "arn:aws:states:::sqs:sendMessage": (_input, ctx) => ((late = ctx), new Promise(() => undefined)) } },
    ).start({});
    expect((await exec.result).error).toBe("States.Timeout");
    expect(late?.attemptSignal?.aborted).toBe(true);
    late?.submitted?.({ too: "late" });
    expect(exec.history.map((e) => e.type)).not.toContain("TaskSubmitted");
  });
});

describe("activities", () => {
  const ACTIVITY = "arn:aws:states:us-east-1:123456789012:activity:review";
  const base = createTaskResolver({ tasks: {}, lambdaErrorFormat: "nodejs", region: "us-east-1", accountId: "123456789012" });
  const review = (extra: Record<string, unknown>) => ({ StartAt: "Review", States: { Review: { Type: "Task", Resource: ACTIVITY, End: true, ...extra } } });

  test("ActivityScheduled, ActivityStarted (worker name), ActivitySucceeded", async () => {
    const callbacks = new CallbackRegistry();
    const broker = new ActivityBroker(callbacks);
    const exec = prepareStateMachine(review({ TimeoutSeconds: 600, HeartbeatSeconds: 60 }), { resolveTask: activityResolver(broker, base) }).start({ doc: 1 }, AT_T0);
    const task = await broker.getActivityTask(ACTIVITY, "worker-7");
    callbacks.sendTaskSuccess(task!.taskToken, { ok: true });
    expect(await exec.result).toEqual({ status: "SUCCEEDED", output: { ok: true } });
    const events = exec.history.filter((e) => e.type.startsWith("Activity"));
    expect(events.map((e) => e.type)).toEqual(["ActivityScheduled", "ActivityStarted", "ActivitySucceeded"]);
    expect(events[0]).toMatchObject({ activityScheduledEventDetails: { resource: ACTIVITY, input: '{"doc":1}', timeoutInSeconds: 600, heartbeatInSeconds: 60 } });
    expect(events[1]).toMatchObject({ activityStartedEventDetails: { workerName: "worker-7" } });
    expect(events[2]).toMatchObject({ activitySucceededEventDetails: { output: '{"ok":true}' } });
  });

  test("ActivityFailed carries the worker's error and cause", async () => {
    const callbacks = new CallbackRegistry();
    const broker = new ActivityBroker(callbacks);
    const exec = prepareStateMachine(review({}), { resolveTask: activityResolver(broker, base) }).start({});
    const task = await broker.getActivityTask(ACTIVITY, "w");
    callbacks.sendTaskFailure(task!.taskToken, "Rejected", "typos");
    expect(await exec.result).toEqual({ status: "FAILED", error: "Rejected", cause: "typos" });
    expect(exec.history.find((e) => e.type === "ActivityFailed")).toMatchObject({ activityFailedEventDetails: { error: "Rejected", cause: "typos" } });
  });

  test("TimeoutSeconds counts from ActivityStarted: ActivityTimedOut at start + timeout", async () => {
    const callbacks = new CallbackRegistry();
    const broker = new ActivityBroker(callbacks);
    const def = {
      StartAt: "Both",
      States: {
        Both: {
          Type: "Parallel",
          End: true,
          Branches: [
            { StartAt: "Review", States: { Review: { Type: "Task", Resource: ACTIVITY, TimeoutSeconds: 30, End: true } } },
            { StartAt: "Tick", States: { Tick: { Type: "Wait", Seconds: 100, End: true } } },
          ],
        },
      },
    };
    const exec = prepareStateMachine(def, { resolveTask: activityResolver(broker, base) }).start({}, AT_T0);
    // No worker yet: queued for longer than the timeout without timing out.
    for (let i = 0; i < 20 && timeOf(exec.history, "WaitStateExited") === undefined; i++) await new Promise((r) => setImmediate(r));
    expect(timeOf(exec.history, "WaitStateExited")).toBe(T0 + 100_000);
    expect(exec.history.map((e) => e.type)).not.toContain("ActivityTimedOut");
    const task = await broker.getActivityTask(ACTIVITY, "slow-worker");
    expect(await exec.result).toMatchObject({ status: "FAILED", error: "States.Timeout" });
    expect(timeOf(exec.history, "ActivityTimedOut")).toBe(T0 + 130_000);
    expect(codeOf(() => callbacks.sendTaskSuccess(task!.taskToken, {}))).toBe("TaskTimedOut");
  });
});

describe("activities bound to a handler or mocked", () => {
  const ACTIVITY = "arn:aws:states:us-east-1:123456789012:activity:review";
  test("a handler bound to an activity ARN records Activity* events (started without a worker name)", async () => {
    const exec = prepareStateMachine({ StartAt: "R", States: { R: { Type: "Task", Resource: ACTIVITY, End: true } } }, { tasks: { [ACTIVITY]: async () => ({ ok: 1 }) } }).start({});
    expect(await exec.result).toEqual({ status: "SUCCEEDED", output: { ok: 1 } });
    expect(exec.history.map((e) => e.type).filter((t) => t.startsWith("Activity") || t.startsWith("Task"))).toEqual([
      "TaskStateEntered",
      "ActivityScheduled",
      "ActivityStarted",
      "ActivitySucceeded",
      "TaskStateExited",
    ]);
  });

  test("a handler's failure is ActivityFailed with its error and cause", async () => {
    const failing = prepareStateMachine({ StartAt: "R", States: { R: { Type: "Task", Resource: ACTIVITY, End: true } } }, {
      tasks: { [ACTIVITY]: () => Promise.reject(new StatesError("Worker.Refused", "no")) },
    }).start({});
    expect(await failing.result).toMatchObject({ status: "FAILED", error: "Worker.Refused", cause: "no" });
    expect(failing.history.find((e) => e.type === "ActivityFailed")).toMatchObject({ activityFailedEventDetails: { error: "Worker.Refused", cause: "no" } });
  });
});
