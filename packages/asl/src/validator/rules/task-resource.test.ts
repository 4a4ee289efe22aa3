import { describe, expect, it } from "vitest";
import { createContext } from "../context.ts";
import { checkTaskResource } from "./task-resource.ts";

function codesFor(resource: unknown, type: "STANDARD" | "EXPRESS" = "STANDARD"): string[] {
  const context = createContext(type, "JSONPath");
  checkTaskResource(context, resource, "/States/A/Resource", type);
  return context.diagnostics.map((d) => d.code);
}

describe("checkTaskResource", () => {
  it.each([
    ["arn:aws:lambda:us-east-1:123456789012:function:charge"],
    ["arn:aws:lambda:us-east-1:123456789012:function:charge:live"],
    ["arn:aws:states:::lambda:invoke"],
    ["arn:aws:states:::lambda:invoke.waitForTaskToken"],
    ["arn:aws:states:::states:startExecution.sync:2"],
    ["arn:aws:states:::ecs:runTask.sync"],
    ["arn:aws:states:::aws-sdk:dynamodb:query"],
    ["arn:aws:states:::aws-sdk:sfn:sendTaskSuccess.waitForTaskToken"],
    ["arn:aws-cn:states:cn-north-1:123456789012:activity:review"],
    ["arn:aws:states:::http:invoke"],
    // Not in our table, but a real, newer integration: unknown services are given the benefit of the doubt.
    ["arn:aws:states:::bedrockagentcore:invokeHarness"],
    ["${ChargeFunctionArn}"],
    ["arn:${AWS::Partition}:states:::dynamodb:query"],
  ])("accepts %s", (resource) => {
    expect(codesFor(resource)).toEqual([]);
  });

  it.each([
    ["arn:aws:states:::dynamodb:query", "SCHEMA_VALIDATION_FAILED"],
    ["arn:aws:states:::lambda:invoke.sync", "SCHEMA_VALIDATION_FAILED"],
    ["arn:aws:states:::foo:bar:baz", "SCHEMA_VALIDATION_FAILED"],
    ["arn:aws:states:::foo", "SCHEMA_VALIDATION_FAILED"],
    ["arn:aws:states:::aws-sdk:s3", "SCHEMA_VALIDATION_FAILED"],
    ["arn:aws:states:::aws-sdk:s3:GetObject", "SCHEMA_VALIDATION_FAILED"],
    ["arn:aws:states:us-east-1:123456789012:activity:", "SCHEMA_VALIDATION_FAILED"],
    ["arn:aws:lambda:us-east-1:123456789012:layer:x", "INVALID_RESOURCE"],
    ["arn:aws:sqs:us-east-1:123456789012:queue", "INVALID_RESOURCE"],
    ["lambda", "INVALID_RESOURCE"],
    ["", "INVALID_RESOURCE"],
    [42, "SCHEMA_VALIDATION_FAILED"],
  ])("rejects %s with %s", (resource, code) => {
    expect(codesFor(resource)).toEqual([code]);
  });

  it("rejects Standard-only patterns in Express machines, placeholders included", () => {
    expect(codesFor("arn:${Partition}:states:::batch:submitJob.sync", "EXPRESS")).toEqual(["SCHEMA_VALIDATION_FAILED"]);
    expect(codesFor("arn:aws:states:::lambda:invoke", "EXPRESS")).toEqual([]);
  });
});
