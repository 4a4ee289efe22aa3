import * as sfn from "@aws-sdk/client-sfn";
import { describe, expect, it } from "vitest";
import { ACTIONS } from "../src/dispatch.ts";

/** Every operation of the AWS SDK's Step Functions client, by its command classes. */
const sdkOperations = Object.keys(sfn)
  .filter((key) => key.endsWith("Command") && key !== "Command" && key !== "$Command")
  .map((key) => key.slice(0, -"Command".length))
  .sort();

describe("the action table", () => {
  it("has an entry for every operation of the AWS SDK's Step Functions client", () => {
    expect(sdkOperations.length).toBeGreaterThan(30);
    expect(sdkOperations.filter((name) => !Object.hasOwn(ACTIONS, name))).toEqual([]);
  });

  it("has no entry the SDK does not know", () => {
    expect(Object.keys(ACTIONS).filter((name) => !sdkOperations.includes(name))).toEqual([]);
  });
});
