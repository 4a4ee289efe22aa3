import { describe, expect, it } from "vitest";
import { validateDefinition } from "../validate-definition.ts";
import { lambdaFunctionArnProblem } from "./lambda-arn.ts";

const ARN = "arn:aws:lambda:us-east-1:123456789012:function:charge";

describe("Lambda function ARNs as a Task Resource", () => {
  it.each([ARN, `${ARN}:$LATEST`, `${ARN}:1`, `${ARN}:42`, `${ARN}:live`, `${ARN}:blue-green_2`, "arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:f", "arn:aws-cn:lambda:cn-north-1:123456789012:function:f:prod"])(
    "accepts %s",
    (arn) => expect(lambdaFunctionArnProblem(arn)).toBeUndefined(),
  );

  it.each([
    [`${ARN}:`, "ends with ':' but names no version or alias"],
    [`${ARN}:$latest`, "invalid qualifier '$latest'"],
    [`${ARN}:bad.alias`, "invalid qualifier 'bad.alias'"],
    [`${ARN}:${"a".repeat(129)}`, "invalid qualifier"],
    [`${ARN}:live:extra`, "more than one qualifier"],
    ["arn:aws:lambda:us-east-1:123456789012:function:", "invalid function name ''"],
    [`arn:aws:lambda:us-east-1:123456789012:function:${"f".repeat(65)}`, "invalid function name"],
    ["arn:aws:lambda:us-east-1:123456789012:function:my.fn", "invalid function name 'my.fn'"],
    ["arn:aws:lambda::123456789012:function:f", "no valid region"],
    ["arn:aws:lambda:us-east-1:1234:function:f", "no valid account id ('1234'"],
    ["arn:aws:lambda:us-east-1:123456789012:layer:x", "is not a valid Lambda function ARN"],
  ])("rejects %s", (arn, message) => {
    expect(lambdaFunctionArnProblem(arn)).toContain(message);
  });

  it("reports INVALID_RESOURCE at the Resource, and leaves placeholders alone", () => {
    const machine = (resource: string) => ({ StartAt: "T", States: { T: { Type: "Task", Resource: resource, End: true } } });
    expect(validateDefinition(machine(`${ARN}:`)).map((d) => [d.code, d.path])).toEqual([["INVALID_RESOURCE", "/States/T/Resource"]]);
    expect(validateDefinition(machine("arn:aws:lambda:${AWS::Region}:${AWS::AccountId}:function:${Name}:live"))).toEqual([]);
  });
});
