import { describe, expect, it } from "vitest";
import { CHECKED_SERVICES, integrationShape } from "./integration-shapes.ts";
import { mockResultProblem } from "./mock-validation.ts";
import type { FieldValidationMode } from "./mock-validation.ts";

function problem(resource: string, result: unknown, mode: FieldValidationMode = "STRICT"): string | undefined {
  const shape = integrationShape(resource);
  if (shape === undefined) throw new Error(`no shape for ${resource}`);
  return mockResultProblem(result, shape, mode);
}

describe("integrationShape", () => {
  it("maps the optimized integrations the issue names to their AWS operations", () => {
    const cases: Record<string, string> = {
      "arn:aws:states:::lambda:invoke": "lambda/Invoke",
      "arn:aws:states:::sqs:sendMessage": "sqs/SendMessage",
      "arn:aws:states:::sns:publish": "sns/Publish",
      "arn:aws:states:::dynamodb:putItem": "dynamodb/PutItem",
      "arn:aws:states:::dynamodb:getItem": "dynamodb/GetItem",
      "arn:aws:states:::events:putEvents": "eventbridge/PutEvents",
      "arn:aws:states:::ecs:runTask": "ecs/RunTask",
      "arn:aws:states:::glue:startJobRun": "glue/StartJobRun",
      "arn:aws:states:::athena:startQueryExecution": "athena/StartQueryExecution",
      "arn:aws:states:::batch:submitJob": "batch/SubmitJob",
      "arn:aws:states:::states:startExecution": "sfn/StartExecution",
      "arn:aws:states:::states:startExecution.sync:2": "sfn/DescribeExecution",
      "arn:aws:states:::aws-sdk:dynamodb:query": "dynamodb/Query",
      "arn:aws:states:::aws-sdk:sfn:listExecutions": "sfn/ListExecutions",
    };
    for (const [resource, expected] of Object.entries(cases)) {
      const shape = integrationShape(resource);
      expect(shape === undefined ? undefined : `${shape.service}/${shape.operation}`, resource).toBe(expected);
    }
    expect(CHECKED_SERVICES).toEqual(["athena", "batch", "dynamodb", "ecs", "eventbridge", "glue", "lambda", "sfn", "sns", "sqs"]);
  });

  it("leaves unmodelled resources unchecked: callbacks, other .sync forms, unknown services, Lambda ARNs", () => {
    for (const resource of [
      "arn:aws:states:::lambda:invoke.waitForTaskToken",
      "arn:aws:states:::ecs:runTask.sync",
      "arn:aws:states:::aws-sdk:s3:getObject",
      "arn:aws:states:::aws-sdk:dynamodb:noSuchAction",
      "arn:aws:lambda:us-east-1:123456789012:function:f",
    ]) {
      expect(integrationShape(resource), resource).toBeUndefined();
    }
  });
});

describe("mockResultProblem", () => {
  it("STRICT rejects a missing required field with AWS's wording", () => {
    expect(problem("arn:aws:states:::states:startExecution", { StartDate: "2025-01-01" })).toBe(
      "Mock result schema validation error: Required field 'ExecutionArn' is missing",
    );
    expect(problem("arn:aws:states:::sqs:sendMessage", { MessageId: "m", MD5OfMessageBody: "x" })).toBeUndefined();
  });

  it("checks types of present fields, nested and in lists", () => {
    expect(problem("arn:aws:states:::events:putEvents", { Entries: "nope" })).toBe("Mock result schema validation error: Field 'Entries' must be an array");
    expect(problem("arn:aws:states:::events:putEvents", { Entries: [{ EventId: "a" }, { EventId: 1 }] })).toBe(
      "Mock result schema validation error: Field 'EventId' must be a string",
    );
    expect(problem("arn:aws:states:::lambda:invoke", { StatusCode: "200" })).toBe("Mock result schema validation error: Field 'StatusCode' must be a number");
    expect(problem("arn:aws:states:::states:startExecution", { ExecutionArn: "a", StartDate: true })).toBe(
      "Mock result schema validation error: Field 'StartDate' must be a string",
    );
    expect(problem("arn:aws:states:::dynamodb:putItem", { ConsumedCapacity: { CapacityUnits: "1" } })).toBe(
      "Mock result schema validation error: Field 'CapacityUnits' must be a number",
    );
    expect(problem("arn:aws:states:::dynamodb:getItem", { Item: { id: { S: "1" }, tags: { SS: ["a", 2] } } })).toBe(
      "Mock result schema validation error: Field 'SS' must be a string",
    );
    expect(problem("arn:aws:states:::sns:publish", "text")).toBe("Mock result schema validation error: The mocked result must be an object");
  });

  it("holds lambda:invoke's Payload to the API model's blob (text)", () => {
    expect(problem("arn:aws:states:::lambda:invoke", { Payload: { ok: true } })).toBe("Mock result schema validation error: Field 'Payload' must be a string");
    expect(problem("arn:aws:states:::lambda:invoke", { Payload: { ok: true } }, "NONE")).toBeUndefined();
  });

  it("accepts fields the API model does not have, as AWS does", () => {
    expect(problem("arn:aws:states:::events:putEvents", { random: "json" })).toBeUndefined();
    expect(problem("arn:aws:states:::lambda:invoke", { Payload: "out", SdkHttpMetadata: { HttpStatusCode: 200 } })).toBeUndefined();
  });

  it("PRESENT checks only the fields given; NONE checks nothing", () => {
    expect(problem("arn:aws:states:::states:startExecution", {}, "PRESENT")).toBeUndefined();
    expect(problem("arn:aws:states:::states:startExecution", { StartDate: 3 }, "PRESENT")).toBe(
      "Mock result schema validation error: Field 'StartDate' must be a string",
    );
    expect(problem("arn:aws:states:::states:startExecution", { StartDate: 3 }, "NONE")).toBeUndefined();
  });
});
