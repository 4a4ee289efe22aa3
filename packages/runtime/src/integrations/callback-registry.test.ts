import { describe, expect, test, vi } from "vitest";
import { StatesError } from "../errors.ts";
import { CallbackRegistry } from "./callback-registry.ts";
import { TaskCallbackError } from "./callback-errors.ts";

const at = { stateName: "Approve", resource: "arn:aws:states:::sqs:sendMessage.waitForTaskToken", input: { q: 1 } };

function code(f: () => void): string | undefined {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(TaskCallbackError);
    return (e as TaskCallbackError).code;
  }
  return undefined;
}

describe("CallbackRegistry", () => {
  test("sendTaskSuccess resolves the waiting task with a copy of the output", async () => {
    const registry = new CallbackRegistry({ now: () => 1000 });
    const answer = registry.wait("t1", at);
    expect(registry.pending()).toEqual([{ token: "t1", ...at, since: 1000, lastHeartbeat: undefined }]);
    const output = { ok: true };
    registry.sendTaskSuccess("t1", output);
    output.ok = false;
    await expect(answer).resolves.toEqual({ ok: true });
    expect(registry.pending()).toEqual([]);
  });

  test("sendTaskFailure rejects with the error and cause; either may be missing", async () => {
    const registry = new CallbackRegistry();
    const a = registry.wait("a", at);
    const b = registry.wait("b", at);
    registry.sendTaskFailure("a", "Rejected", "no");
    registry.sendTaskFailure("b");
    await expect(a).rejects.toMatchObject({ error: "Rejected", cause: "no" });
    await expect(b).rejects.toMatchObject({ hasError: false, hasCause: false });
    await expect(a).rejects.toBeInstanceOf(StatesError);
  });

  test("answering twice, an unknown token and a malformed token fail as AWS does", async () => {
    const registry = new CallbackRegistry();
    const answer = registry.wait("t", at);
    registry.sendTaskSuccess("t", 1);
    await answer;
    expect(code(() => registry.sendTaskSuccess("t", 2))).toBe("TaskTimedOut");
    expect(code(() => registry.sendTaskHeartbeat("t"))).toBe("TaskTimedOut");
    expect(code(() => registry.sendTaskFailure("nope"))).toBe("TaskDoesNotExist");
    expect(code(() => registry.sendTaskSuccess("", 1))).toBe("InvalidToken");
    expect(code(() => registry.sendTaskSuccess("x".repeat(2049), 1))).toBe("InvalidToken");
    expect(() => registry.sendTaskSuccess("t", 1)).toThrow("Task Timed Out: 'Provided task does not exist anymore'");
  });

  test("outputs that are not JSON data, too large, or failures over AWS's limits are InvalidOutput", () => {
    const registry = new CallbackRegistry({ maxPayloadBytes: 10 });
    void registry.wait("t", at).catch(() => undefined);
    const circular: Record<string, unknown> = {};
    circular["self"] = circular;
    expect(code(() => registry.sendTaskSuccess("t", undefined))).toBe("InvalidOutput");
    expect(code(() => registry.sendTaskSuccess("t", circular))).toBe("InvalidOutput");
    expect(code(() => registry.sendTaskSuccess("t", "a long string"))).toBe("InvalidOutput");
    expect(code(() => registry.sendTaskFailure("t", "E".repeat(257)))).toBe("InvalidOutput");
    expect(code(() => registry.sendTaskFailure("t", "E", "c".repeat(32_769)))).toBe("InvalidOutput");
    // Refused answers leave the task waiting.
    expect(registry.pending()).toHaveLength(1);
  });

  test("heartbeats record the time, reset the engine timer and reach listeners", () => {
    let now = 0;
    const registry = new CallbackRegistry({ now: () => now });
    const beat = vi.fn();
    const seen = vi.fn();
    const off = registry.onHeartbeat(seen);
    void registry.wait("t", { ...at, heartbeat: beat });
    now = 5000;
    registry.sendTaskHeartbeat("t");
    expect(registry.get("t")?.lastHeartbeat).toBe(5000);
    expect(beat).toHaveBeenCalledTimes(1);
    expect(seen).toHaveBeenCalledWith(expect.objectContaining({ token: "t", lastHeartbeat: 5000 }));
    off();
    registry.sendTaskHeartbeat("t");
    expect(seen).toHaveBeenCalledTimes(1);
    expect(beat).toHaveBeenCalledTimes(2);
  });

  test("an aborted execution, expire() and cancel() close the token", async () => {
    const registry = new CallbackRegistry();
    const controller = new AbortController();
    const a = registry.wait("a", { ...at, signal: controller.signal });
    controller.abort();
    await expect(a).rejects.toMatchObject({ error: "States.Runtime" });
    expect(code(() => registry.sendTaskSuccess("a", 1))).toBe("TaskTimedOut");
    const b = registry.wait("b", at);
    registry.expire("b");
    await expect(b).rejects.toMatchObject({ error: "States.Runtime" });
    expect(code(() => registry.sendTaskSuccess("b", 1))).toBe("TaskTimedOut");
    void registry.wait("c", at);
    registry.cancel("c");
    registry.cancel("c");
    expect(code(() => registry.sendTaskSuccess("c", 1))).toBe("TaskTimedOut");
    await expect(registry.wait("c", at)).rejects.toThrow("The task token 'c' is already in use");
    await expect(registry.wait("d", { ...at, signal: AbortSignal.abort() })).rejects.toThrow("The execution stopped before the task could wait");
    expect(() => registry.wait("", at)).toThrow(TaskCallbackError);
  });

  test("waitForPending finds a waiting task by state name, now or later, and can be aborted", async () => {
    const registry = new CallbackRegistry();
    const later = registry.waitForPending("Approve");
    const other = registry.waitForPending((t) => t.stateName === "Other");
    const seen = vi.fn();
    const off = registry.onPending(seen);
    void registry.wait("t", at);
    await expect(later).resolves.toMatchObject({ token: "t" });
    await expect(registry.waitForPending("Approve")).resolves.toMatchObject({ token: "t" });
    expect(seen).toHaveBeenCalledTimes(1);
    off();
    const controller = new AbortController();
    const aborted = registry.waitForPending("Never", controller.signal);
    controller.abort(new Error("gave up"));
    await expect(aborted).rejects.toThrow("gave up");
    await expect(registry.waitForPending("Never", AbortSignal.abort(new Error("at once")))).rejects.toThrow("at once");
    void registry.wait("o", { ...at, stateName: "Other" });
    await expect(other).resolves.toMatchObject({ token: "o" });
  });
});
