import { Stack } from "aws-cdk-lib";
import { describe, expect, it } from "vitest";
import { flatten } from "../test-fixtures/synth.ts";
import { dynamoTableArn, executionsArn, lambdaFunctionArn, sqsQueueArn } from "./arns.ts";
import { sdkIamAction } from "./sdk-integrations.ts";

describe("sdkIamAction", () => {
  it("capitalizes the API action under the service's IAM prefix", () => {
    expect(sdkIamAction("dynamodb", "putItem")).toBe("dynamodb:PutItem");
    expect(sdkIamAction("sfn", "startSyncExecution")).toBe("states:StartSyncExecution");
    expect(sdkIamAction("cloudwatchlogs", "putLogEvents")).toBe("logs:PutLogEvents");
    expect(sdkIamAction("efs", "describeFileSystems")).toBe("elasticfilesystem:DescribeFileSystems");
  });
  it("uses the IAM action of calls authorized by another name", () => {
    expect(sdkIamAction("s3", "listObjectsV2")).toBe("s3:ListBucket");
    expect(sdkIamAction("s3", "headObject")).toBe("s3:GetObject");
    expect(sdkIamAction("lambda", "invoke")).toBe("lambda:InvokeFunction");
  });
});

describe("ARNs from what a definition names", () => {
  const stack = new Stack(undefined, "Arns", { env: { account: "123456789012", region: "eu-west-1" } });
  const text = (value: string) => flatten(stack.resolve(value));

  it("reads every form of a Lambda function name, without the qualifier", () => {
    const arn = "arn:aws:lambda:eu-west-1:123456789012:function:f";
    expect(text(lambdaFunctionArn(stack, "f"))).toBe(arn);
    expect(text(lambdaFunctionArn(stack, "f:live"))).toBe(arn);
    expect(text(lambdaFunctionArn(stack, `${arn}:3`))).toBe(arn);
    expect(text(lambdaFunctionArn(stack, "210987654321:function:f:live"))).toBe("arn:aws:lambda:eu-west-1:210987654321:function:f");
  });

  it("reads SQS queue URLs in both host forms, and refuses what is not one", () => {
    expect(text(sqsQueueArn(stack, "https://sqs.us-east-2.amazonaws.com/210987654321/q") ?? "")).toBe("arn:aws:sqs:us-east-2:210987654321:q");
    expect(text(sqsQueueArn(stack, "https://us-east-2.queue.amazonaws.com/210987654321/q.fifo") ?? "")).toBe("arn:aws:sqs:us-east-2:210987654321:q.fifo");
    expect(sqsQueueArn(stack, "not a url")).toBeUndefined();
    expect(sqsQueueArn(stack, "https://example.com/q")).toBeUndefined();
  });

  it("names tables and executions (of a machine, an alias or a version)", () => {
    expect(text(dynamoTableArn(stack, "t"))).toBe("arn:aws:dynamodb:eu-west-1:123456789012:table/t");
    expect(executionsArn(stack, "arn:aws:states:eu-west-1:123456789012:stateMachine:M:live")).toBe("arn:aws:states:eu-west-1:123456789012:execution:M:*");
  });
});
