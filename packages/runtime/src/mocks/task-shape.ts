import { isLambdaFunctionArn, parseLambdaFunction } from "../tasks/lambda-arn.ts";
import { isActivityArn } from "../tasks/activity-arn.ts";

/** `lambda:invoke` exactly (its callback and other variants bind by Resource, like the built-in resolver). */
const LAMBDA_INVOKE = /^arn:aws[a-zA-Z-]*:states:::lambda:invoke$/;
/** Any `lambda:invoke` variant: its `FunctionName` names the function a resource mock may match. */
const LAMBDA_INVOKE_ANY = /^arn:aws[a-zA-Z-]*:states:::lambda:invoke(\..+)?$/;
const SERVICE = /^arn:aws[a-zA-Z-]*:states:::([^:]+):(.+)$/;

/** How a resource shows in history (`resourceType`/`resource`), mirroring the built-in binding. */
export interface TaskShape {
  readonly kind: "lambda-function" | "service" | "activity";
  readonly resourceType: string;
  readonly resourceAction: string;
}

/**
 * The history shape of a resource. The built-in resolver reports unbound resources as type
 * `unbound`; a mocked resource must look as it would when bound, so the shape is derived here.
 */
export function taskShape(resource: string): TaskShape {
  if (isLambdaFunctionArn(resource)) return { kind: "lambda-function", resourceType: "lambda", resourceAction: "invoke" };
  const m = SERVICE.exec(resource);
  if (m) return { kind: "service", resourceType: m[1]!, resourceAction: m[2]! };
  return { kind: isActivityArn(resource) ? "activity" : "service", resourceType: "activity", resourceAction: resource };
}

/** The key a handler must be bound under for the built-in resolver to call it for this invocation. */
export function bindingKey(resource: string, input: unknown): string {
  if (!LAMBDA_INVOKE.test(resource)) return resource;
  const name = functionNameOf(input);
  return name ?? resource;
}

/** The Lambda function an invocation calls (bare-ARN resource, or `lambda:invoke`'s FunctionName). */
export function invokedFunction(resource: string, input: unknown): string | undefined {
  if (isLambdaFunctionArn(resource)) return resource;
  if (LAMBDA_INVOKE_ANY.test(resource)) return functionNameOf(input);
  return undefined;
}

/** True for resources whose invocations name a Lambda function. */
export function callsFunction(resource: string): boolean {
  return isLambdaFunctionArn(resource) || LAMBDA_INVOKE_ANY.test(resource);
}

/**
 * True when a mock key (a function name, partial or full ARN) names the function `ref` refers to:
 * parts the key leaves out (region, account, qualifier) match anything.
 */
export function functionMatches(key: string, ref: string): boolean {
  if (key === ref) return true;
  const k = parseLambdaFunction(key);
  const r = parseLambdaFunction(ref);
  if (!k || !r || k.name !== r.name) return false;
  const same = (a: string | undefined, b: string | undefined): boolean => a === undefined || a === "" || a === b;
  return same(k.region, r.region) && same(k.accountId, r.accountId) && same(k.qualifier, r.qualifier);
}

function functionNameOf(input: unknown): string | undefined {
  if (input === null || typeof input !== "object") return undefined;
  const name = (input as Record<string, unknown>)["FunctionName"];
  return typeof name === "string" ? name : undefined;
}
