import { describe, expect, test } from "vitest";
import { VirtualClock } from "../engine/clock.ts";
import { prepareStateMachine } from "../engine/machine.ts";
import { createTaskResolver } from "../tasks/resolve.ts";
import { callbackResolver } from "./callback-resolver.ts";
import { CallbackRegistry } from "./callback-registry.ts";

const definition = {
  StartAt: "Job",
  States: { Job: { Type: "Task", Resource: "arn:aws:states:::ecs:runTask.waitForTaskToken", HeartbeatSeconds: 10, Parameters: { "token.$": "$$.Task.Token" }, End: true } },
};
const base = createTaskResolver({ tasks: {}, lambdaErrorFormat: "nodejs", region: "us-east-1", accountId: "123456789012" });

describe("HeartbeatSeconds on callback tasks (enforced by the engine, reset by sendTaskHeartbeat)", () => {
  test("no heartbeat: the task fails with States.Timeout after 10 virtual seconds (AWS: test_heartbeat_timeout)", async () => {
    const registry = new CallbackRegistry();
    const clock = new VirtualClock(0);
    const exec = prepareStateMachine(definition, { resolveTask: callbackResolver(registry, base) }).start({}, { clock });
    expect(await exec.result).toEqual({ status: "FAILED", error: "States.Timeout" });
    expect(clock.now()).toBe(10_000);
  });

  test("a heartbeat every 5 s keeps the task alive until its answer at 20 s", async () => {
    const clock = new VirtualClock(0);
    const registry = new CallbackRegistry({ now: () => clock.now() });
    const exec = prepareStateMachine(definition, { resolveTask: callbackResolver(registry, base) }).start({}, { clock });
    const { token } = await registry.waitForPending("Job");
    for (const at of [5_000, 10_000, 15_000]) void clock.sleep(at).done.then(() => registry.sendTaskHeartbeat(token));
    void clock.sleep(20_000).done.then(() => registry.sendTaskSuccess(token, { done: true }));
    expect(await exec.result).toEqual({ status: "SUCCEEDED", output: { done: true } });
    expect(clock.now()).toBe(20_000);
  });
});
