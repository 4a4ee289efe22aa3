import { describe, expect, test, vi } from "vitest";
import { VirtualClock } from "../engine/clock.ts";
import { prepareStateMachine } from "../engine/machine.ts";
import { createTaskResolver } from "../tasks/resolve.ts";
import { ActivityBroker } from "./activity-broker.ts";
import { activityResolver } from "./activity-resolver.ts";
import { CallbackRegistry } from "./callback-registry.ts";

const ACTIVITY = "arn:aws:states:us-east-1:123456789012:activity:review";
const base = createTaskResolver({ tasks: {}, lambdaErrorFormat: "nodejs", region: "us-east-1", accountId: "123456789012" });

const workflow = {
  StartAt: "Review",
  States: {
    Review: { Type: "Task", Resource: ACTIVITY, ResultPath: "$.review", Catch: [{ ErrorEquals: ["Rejected"], ResultPath: "$.error", Next: "Rejected" }], End: true },
    Rejected: { Type: "Pass", End: true },
  },
};

function setup() {
  const callbacks = new CallbackRegistry();
  const broker = new ActivityBroker(callbacks, { clock: new VirtualClock(0) });
  const machine = prepareStateMachine(workflow, { resolveTask: activityResolver(broker, base) });
  return { callbacks, broker, machine };
}

describe("activities", () => {
  test("a task token given in the context (a durable host's) is the one the worker gets", async () => {
    const callbacks = new CallbackRegistry();
    const broker = new ActivityBroker(callbacks, { clock: new VirtualClock(0) });
    const given = createTaskResolver({ tasks: {}, lambdaErrorFormat: "nodejs", region: "us-east-1", accountId: "123456789012" });
    const withToken = activityResolver(broker, given);
    const machine = prepareStateMachine(workflow, {
      resolveTask: (resource, stateName) => {
        const task = withToken(resource, stateName);
        return { ...task, invoke: (input, ctx) => task.invoke(input, Object.create(ctx, { taskToken: { value: "token-from-host" } }) as typeof ctx) };
      },
    });
    const exec = machine.start({ doc: 2 });
    const task = await broker.getActivityTask(ACTIVITY, "worker-1");
    expect(task?.taskToken).toBe("token-from-host");
    callbacks.sendTaskSuccess("token-from-host", { ok: true });
    expect((await exec.result).status).toBe("SUCCEEDED");
  });

  test("a worker polling before the task is scheduled gets it, and answers by token", async () => {
    const { callbacks, broker, machine } = setup();
    const started = vi.fn();
    broker.onTaskStarted(started);
    const polling = broker.getActivityTask(ACTIVITY, "worker-1");
    const exec = machine.start({ doc: 1 });
    const task = await polling;
    expect(task).toEqual({ taskToken: expect.any(String), input: '{"doc":1}' });
    expect(started).toHaveBeenCalledWith({ activityArn: ACTIVITY, taskToken: task!.taskToken, stateName: "Review", workerName: "worker-1" });
    callbacks.sendTaskHeartbeat(task!.taskToken);
    callbacks.sendTaskSuccess(task!.taskToken, { ok: true });
    expect(await exec.result).toEqual({ status: "SUCCEEDED", output: { doc: 1, review: { ok: true } } });
    expect(exec.history.find((e) => e.type === "ActivityScheduled")).toMatchObject({ activityScheduledEventDetails: { resource: ACTIVITY, input: '{"doc":1}' } });
    expect(exec.history.find((e) => e.type === "ActivityStarted")).toMatchObject({ activityStartedEventDetails: { workerName: "worker-1" } });
  });

  test("a task scheduled first waits in the queue; a failure is caught", async () => {
    const { callbacks, broker, machine } = setup();
    const exec = machine.start({ doc: 2 });
    expect(broker.queued(ACTIVITY)).toBe(1);
    const task = await broker.getActivityTask(ACTIVITY);
    expect(broker.queued(ACTIVITY)).toBe(0);
    callbacks.sendTaskFailure(task!.taskToken, "Rejected", "typos");
    expect(await exec.result).toEqual({ status: "SUCCEEDED", output: { doc: 2, error: { Error: "Rejected", Cause: "typos" } } });
  });

  test("tasks go out oldest first; tasks of stopped executions are skipped", async () => {
    const { callbacks, broker, machine } = setup();
    const first = machine.start({ n: 1 });
    const second = machine.start({ n: 2 });
    const third = machine.start({ n: 3 });
    first.abort();
    await first.result;
    expect(broker.queued(ACTIVITY)).toBe(2);
    const a = await broker.getActivityTask(ACTIVITY);
    const b = await broker.getActivityTask(ACTIVITY);
    expect([a?.input, b?.input]).toEqual(['{"n":2}', '{"n":3}']);
    callbacks.sendTaskSuccess(a!.taskToken, "a");
    callbacks.sendTaskSuccess(b!.taskToken, "b");
    expect((await second.result).output).toEqual({ n: 2, review: "a" });
    expect((await third.result).output).toEqual({ n: 3, review: "b" });
  });

  test("an empty long poll answers null after the poll timeout (on the broker's clock)", async () => {
    const clock = new VirtualClock(0);
    const broker = new ActivityBroker(new CallbackRegistry(), { clock, pollTimeoutSeconds: 60 });
    expect(await broker.getActivityTask(ACTIVITY)).toBeNull();
    expect(clock.now()).toBe(60_000);
  });

  test("by default the long poll waits in real time", async () => {
    const broker = new ActivityBroker(new CallbackRegistry(), { pollTimeoutSeconds: 0.01 });
    expect(await broker.getActivityTask(ACTIVITY)).toBeNull();
  });

  test("an aborted poll rejects with the signal's reason and leaves the queue", async () => {
    const { broker, machine, callbacks } = setup();
    const controller = new AbortController();
    const poll = broker.getActivityTask(ACTIVITY, "w", controller.signal);
    controller.abort(new Error("shutting down"));
    await expect(poll).rejects.toThrow("shutting down");
    await expect(broker.getActivityTask(ACTIVITY, "w", AbortSignal.abort(new Error("already")))).rejects.toThrow("already");
    // The aborted poller does not swallow the next task.
    const exec = machine.start({});
    const task = await broker.getActivityTask(ACTIVITY);
    callbacks.sendTaskSuccess(task!.taskToken, 1);
    expect(await exec.result).toMatchObject({ status: "SUCCEEDED" });
  });

  test("other resources go to the base binding", async () => {
    const { broker } = setup();
    const m = prepareStateMachine({ StartAt: "S", States: { S: { Type: "Task", Resource: "arn:aws:states:::sqs:sendMessage", End: true } } }, { resolveTask: activityResolver(broker, base) });
    expect(await m.run({})).toMatchObject({ status: "FAILED", error: "States.Runtime" });
  });
});
