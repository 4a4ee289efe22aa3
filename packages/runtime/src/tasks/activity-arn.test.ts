import { expect, test } from "vitest";
import { isActivityArn } from "./activity-arn.ts";

test("activity ARNs, and what is not one", () => {
  expect(isActivityArn("arn:aws:states:us-east-1:123456789012:activity:review")).toBe(true);
  expect(isActivityArn("arn:aws-us-gov:states:us-gov-west-1:123456789012:activity:review")).toBe(true);
  expect(isActivityArn("arn:aws:states:::sqs:sendMessage")).toBe(false);
  expect(isActivityArn("arn:aws:states:us-east-1:123:activity:short-account")).toBe(false);
  expect(isActivityArn("arn:aws:states:us-east-1:123456789012:activity:a:b")).toBe(false);
  expect(isActivityArn("review")).toBe(false);
});
