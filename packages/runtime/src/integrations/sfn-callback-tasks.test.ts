import { describe, expect, test } from "vitest";
import { StatesError } from "../errors.ts";
import type { TaskCallContext } from "../tasks/types.ts";
import { CallbackRegistry } from "./callback-registry.ts";
import { sfnCallbackTasks } from "./sfn-callback-tasks.ts";

const ctx: TaskCallContext = { stateName: "S", resource: "r", signal: new AbortController().signal, taskToken: undefined };
const at = { stateName: "Wait", resource: "arn:aws:states:::sns:publish.waitForTaskToken", input: {} };

function thrown(f: () => unknown): StatesError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(StatesError);
    return e as StatesError;
  }
  throw new Error("expected a failure");
}

describe("sfnCallbackTasks", () => {
  const callbacks = new CallbackRegistry();
  const tasks = sfnCallbackTasks(callbacks);
  const success = tasks["arn:aws:states:::aws-sdk:sfn:sendTaskSuccess"]!;
  const failure = tasks["arn:aws:states:::aws-sdk:sfn:sendTaskFailure"]!;
  const heartbeat = tasks["arn:aws:states:::aws-sdk:sfn:sendTaskHeartbeat"]!;

  test("success, failure and heartbeat answer the registry and return {}", async () => {
    const a = callbacks.wait("a", at);
    const b = callbacks.wait("b", at);
    expect(heartbeat({ TaskToken: "a" }, ctx)).toEqual({});
    expect(callbacks.get("a")?.lastHeartbeat).toEqual(expect.any(Number));
    expect(success({ TaskToken: "a", Output: '{"x":1}' }, ctx)).toEqual({});
    expect(failure({ TaskToken: "b", Error: "E", Cause: "C" }, ctx)).toEqual({});
    await expect(a).resolves.toEqual({ x: 1 });
    await expect(b).rejects.toMatchObject({ error: "E", cause: "C" });
  });

  test("AWS's exceptions become Sfn.<Exception> task errors", () => {
    expect(thrown(() => success({ TaskToken: "a", Output: "{}" }, ctx)).error).toBe("Sfn.TaskTimedOutException");
    expect(thrown(() => failure({ TaskToken: "never" }, ctx)).error).toBe("Sfn.TaskDoesNotExistException");
    expect(thrown(() => heartbeat({ TaskToken: "" }, ctx)).error).toBe("Sfn.InvalidTokenException");
    void callbacks.wait("c", at);
    expect(thrown(() => success({ TaskToken: "c", Output: "{bad" }, ctx))).toMatchObject({ error: "Sfn.InvalidOutputException", cause: "Invalid Output: '{bad'" });
  });

  test("missing parameters are States.Runtime", () => {
    expect(thrown(() => success({ TaskToken: "c" }, ctx))).toMatchObject({ error: "States.Runtime", cause: "sendTaskSuccess needs 'Output' (JSON text)" });
    expect(thrown(() => heartbeat(null, ctx))).toMatchObject({ error: "States.Runtime", cause: "The SFN callback call needs 'TaskToken'" });
  });
});
