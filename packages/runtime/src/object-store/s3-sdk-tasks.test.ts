import { describe, expect, test } from "vitest";
import { prepareStateMachine } from "../engine/machine.ts";
import { InMemoryObjectStore } from "./memory-object-store.ts";
import { s3SdkTasks } from "./s3-sdk-tasks.ts";

const task = (resource: string, parameters: Record<string, unknown>, next?: string) => ({
  Type: "Task",
  Resource: `arn:aws:states:::aws-sdk:s3:${resource}`,
  Parameters: parameters,
  ...(next === undefined ? { End: true } : { Next: next }),
});

describe("s3SdkTasks", () => {
  test("a workflow writes, lists and reads objects in the local store", async () => {
    const store = new InMemoryObjectStore({ now: () => Date.UTC(2025, 0, 1) });
    const machine = prepareStateMachine(
      {
        StartAt: "Put",
        States: {
          Put: { ...task("putObject", { Bucket: "data-bucket", Key: "in/items.json", "Body.$": "$.items" }, "List"), ResultPath: "$.put" },
          List: { ...task("listObjectsV2", { Bucket: "data-bucket", Prefix: "in/" }, "Get"), ResultPath: "$.list" },
          Get: { ...task("getObject", { Bucket: "data-bucket", Key: "in/items.json" }), ResultPath: "$.get" },
        },
      },
      { tasks: s3SdkTasks(store) },
    );
    const run = await machine.run({ items: [1, 2] });
    expect(run.status).toBe("SUCCEEDED");
    expect(run.output).toMatchObject({
      put: { ETag: expect.stringMatching(/^"[0-9a-f]{32}"$/) },
      list: { Contents: [{ Key: "in/items.json", Size: 5, LastModified: "2025-01-01T00:00:00.000Z", StorageClass: "STANDARD" }], KeyCount: 1, IsTruncated: false, Name: "data-bucket", Prefix: "in/" },
      get: { Body: "[1,2]", ContentLength: 5 },
    });
  });

  test("store errors are S3.<Code>Exception; missing parameters are States.Runtime", async () => {
    const tasks = s3SdkTasks(new InMemoryObjectStore());
    const run = (resource: string, parameters: Record<string, unknown>) => prepareStateMachine({ StartAt: "T", States: { T: task(resource, parameters) } }, { tasks }).run({});
    expect(await run("getObject", { Bucket: "data-bucket", Key: "k" })).toMatchObject({ status: "FAILED", error: "S3.NoSuchBucketException" });
    expect(await run("putObject", { Bucket: "Bad_Bucket", Key: "k", Body: "x" })).toMatchObject({ status: "FAILED", error: "S3.InvalidBucketNameException" });
    expect(await run("listObjectsV2", { Bucket: "data-bucket" })).toMatchObject({ status: "FAILED", error: "S3.NoSuchBucketException" });
    const missing = await run("getObject", { Bucket: "data-bucket" });
    expect(missing).toMatchObject({ status: "FAILED", error: "States.Runtime" });
    expect(missing.cause).toContain("The S3 call needs 'Key' (a string)");
  });
});
