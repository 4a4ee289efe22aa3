import { z } from "zod";
import { validationError } from "./aws-error.ts";

/**
 * The members of an action's request, as a zod schema: a strict object (unknown members are
 * refused) whose constraints mirror the Step Functions API reference.
 */
export type RequestShape<T> = z.ZodType<T>;

/** Strings with AWS's length bounds. */
export const str = (min: number, max: number): z.ZodString => z.string().min(min).max(max);
/** An ARN member (1..256 characters; its form is checked by the action: InvalidArn). */
export const arn = (): z.ZodString => str(1, 256);
/** `maxResults`: 0..1000 (0 means the default page size). */
export const maxResults = (): z.ZodOptional<z.ZodNumber> => z.number().int().min(0).max(1000).optional();
/** `nextToken`: 1..1024 characters. */
export const nextToken = (): z.ZodOptional<z.ZodString> => str(1, 1024).optional();
/** `tags`: key/value pairs. */
export const tagList = () => z.array(z.strictObject({ key: str(1, 128).optional(), value: str(0, 256).optional() })).max(200);

function constraintText(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "too_small":
      return issue.origin === "string" ? `Member must have length greater than or equal to ${String(issue.minimum)}` : `Member must have value greater than or equal to ${String(issue.minimum)}`;
    case "too_big":
      return issue.origin === "string" ? `Member must have length less than or equal to ${String(issue.maximum)}` : `Member must have value less than or equal to ${String(issue.maximum)}`;
    case "invalid_type":
      return issue.input === undefined ? "Member must not be null" : `Member must be of type ${issue.expected}`;
    case "invalid_value":
      return `Member must satisfy enum value set: [${issue.values.map(String).join(", ")}]`;
    case "unrecognized_keys":
      return `Member is not part of the request (unknown: ${issue.keys.join(", ")})`;
    default:
      return issue.message;
  }
}

function describeValue(value: unknown): string {
  if (value === undefined || value === null) return "null";
  const text = typeof value === "string" ? value : JSON.stringify(value) ?? String(value);
  return `'${text.length > 64 ? `${text.slice(0, 64)}…` : text}'`;
}

/**
 * Checks a request against its shape; a mismatch is AWS's ValidationException
 * ("1 validation error detected: Value null at 'stateMachineArn' failed to satisfy constraint:
 * Member must not be null").
 */
export function parseRequest<T>(shape: RequestShape<T>, body: Record<string, unknown>): T {
  const parsed = shape.safeParse(body);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.slice(0, 10);
  const lines = issues.map((issue) => {
    const at = issue.path.map(String).join(".") || "request";
    let value: unknown = body;
    for (const key of issue.path) value = value !== null && typeof value === "object" ? (value as Record<PropertyKey, unknown>)[key] : undefined;
    return `Value ${describeValue(issue.code === "unrecognized_keys" ? issue.keys[0] : value)} at '${at}' failed to satisfy constraint: ${constraintText(issue)}`;
  });
  const count = parsed.error.issues.length;
  return (() => {
    throw validationError(`${count} validation error${count === 1 ? "" : "s"} detected: ${lines.join("; ")}`);
  })();
}
