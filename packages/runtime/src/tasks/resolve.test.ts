import { describe, expect, it } from "vitest";
import { createTaskResolver } from "./resolve.ts";
import { rawPayload } from "./raw-payload.ts";

const base = { lambdaErrorFormat: "python" as const, region: "us-east-1", accountId: "111111111111" };
const ctx = { stateName: "T", resource: "r", signal: new AbortController().signal, taskToken: undefined, heartbeat: () => undefined };

describe("createTaskResolver", () => {
  it("finds functions by ARN or name and treats raw text results as the function's bytes", async () => {
    const resolve = createTaskResolver({ ...base, tasks: { f: () => rawPayload('{"a":1}'), g: () => rawPayload("not json") } });
    expect(await resolve("arn:aws:lambda:us-east-1:111111111111:function:f", "T").invoke({}, ctx)).toEqual({ a: 1 });
    expect(await resolve("arn:aws:lambda:us-east-1:111111111111:function:g", "T").invoke({}, ctx)).toBe("not json");
  });

  it("fails raw results over the limit with States.DataLimitExceeded naming the function", async () => {
    const arn = "arn:aws:lambda:us-east-1:111111111111:function:big";
    const resolve = createTaskResolver({ ...base, tasks: { big: () => rawPayload("a".repeat(257 * 1024)) } });
    await expect(Promise.resolve().then(() => resolve(arn, "T").invoke({}, ctx))).rejects.toMatchObject({
      error: "States.DataLimitExceeded",
      cause: `The state/task '${arn}' returned a result with a size exceeding the maximum number of bytes service limit.`,
    });
  });

  it("sends lambda:invoke a Payload string as JSON text and absent Payload as {}", async () => {
    const resolve = createTaskResolver({ ...base, tasks: { echo: (e) => e } });
    const task = resolve("arn:aws:states:::lambda:invoke", "T");
    expect(await task.invoke({ FunctionName: "echo", Payload: "true" }, ctx)).toMatchObject({ Payload: true });
    expect(await task.invoke({ FunctionName: "echo" }, ctx)).toMatchObject({ Payload: {} });
    await expect(Promise.resolve().then(() => task.invoke({}, ctx))).rejects.toMatchObject({ error: "States.Runtime" });
  });

  it("stays synchronous for a synchronous handler", () => {
    const resolve = createTaskResolver({ ...base, tasks: { f: (e) => e } });
    expect(resolve("arn:aws:lambda:us-east-1:111111111111:function:f", "T").invoke({ a: 1 }, ctx)).toEqual({ a: 1 });
  });

  it("accepts any thenable from a handler", async () => {
    const thenable = { then: (resolve: (v: unknown) => void) => resolve({ via: "thenable" }) };
    const resolve = createTaskResolver({ ...base, tasks: { f: () => thenable } });
    expect(await resolve("arn:aws:lambda:us-east-1:111111111111:function:f", "T").invoke({}, ctx)).toEqual({ via: "thenable" });
  });

  it("binds other resources by exact ARN", async () => {
    const resolve = createTaskResolver({ ...base, tasks: { "arn:aws:states:::sqs:sendMessage": () => ({ MessageId: "1" }) } });
    const task = resolve("arn:aws:states:::sqs:sendMessage", "T");
    expect(task).toMatchObject({ kind: "service", resourceType: "sqs", resourceAction: "sendMessage" });
    expect(await task.invoke({}, ctx)).toEqual({ MessageId: "1" });
  });
});
