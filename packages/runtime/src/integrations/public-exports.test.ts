import { describe, expect, test } from "vitest";
import * as runtime from "../index.ts";

describe("@stepcraft/runtime exports the integrations and the object store", () => {
  test.each([
    "ActivityBroker",
    "activityResolver",
    "callbackResolver",
    "CallbackRegistry",
    "NestedExecution",
    "nestedExecutionResolver",
    "sfnCallbackTasks",
    "StateMachineRegistry",
    "TaskCallbackError",
    "unboundCallbacks",
    "waitForCallback",
    "CsvSyntaxError",
    "DirectoryObjectStore",
    "InMemoryObjectStore",
    "ObjectStoreError",
    "parseCsv",
    "readItems",
    "writeResults",
    "s3SdkTasks",
  ])("%s", (name) => {
    expect(typeof (runtime as Record<string, unknown>)[name]).toBe("function");
  });
});
