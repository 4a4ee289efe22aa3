import { parseDefinition } from "@stepcraft/asl";
import { AwsError } from "../protocol/aws-error.ts";

/** Checks a definition as CreateStateMachine does; errors are InvalidDefinition with AWS's wording. */
export function checkDefinition(text: string, type: "STANDARD" | "EXPRESS"): void {
  const parsed = parseDefinition(text, { stateMachineType: type });
  if (parsed.ok) return;
  const errors = parsed.diagnostics.filter((d) => d.severity === "error");
  throw new AwsError(
    "InvalidDefinition",
    `Invalid State Machine Definition: '${errors.map((d) => `${d.code}: ${d.message} at ${d.path === "" ? "/" : d.path}`).join(", ")}'`,
  );
}

const IAM_ROLE = /^arn:aws[a-zA-Z-]*:iam::\d{12}:role\/.+$/;

/** Checks an execution role ARN (AWS refuses anything but an IAM role ARN: InvalidArn). */
export function checkRoleArn(roleArn: string): void {
  if (!IAM_ROLE.test(roleArn)) throw new AwsError("InvalidArn", `Invalid Arn: 'Resource type not valid in this context: ${roleArn}' (roleArn must be an IAM role ARN, arn:aws:iam::123456789012:role/Name)`);
}
