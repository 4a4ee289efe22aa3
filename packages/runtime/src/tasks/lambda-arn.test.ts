import { describe, expect, it } from "vitest";
import { isLambdaFunctionArn, parseLambdaFunction } from "./lambda-arn.ts";

describe("Lambda function references", () => {
  it("parses full ARNs, partial ARNs and names, with qualifiers", () => {
    expect(parseLambdaFunction("arn:aws:lambda:eu-west-1:111122223333:function:f:prod")).toEqual({
      region: "eu-west-1",
      accountId: "111122223333",
      name: "f",
      qualifier: "prod",
    });
    expect(parseLambdaFunction("111122223333:function:f")).toMatchObject({ name: "f", accountId: "111122223333" });
    expect(parseLambdaFunction("my-fn:$LATEST")).toMatchObject({ name: "my-fn", qualifier: "$LATEST" });
    expect(parseLambdaFunction("not a function")).toBeUndefined();
  });

  it("recognises a bare function ARN as a Task resource", () => {
    expect(isLambdaFunctionArn("arn:aws:lambda:us-east-1:123456789012:function:f")).toBe(true);
    expect(isLambdaFunctionArn("arn:aws:states:::lambda:invoke")).toBe(false);
  });
});
