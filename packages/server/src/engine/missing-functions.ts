import { randomUUID } from "node:crypto";
import { resolvedTask, StatesError } from "@stepcraft/runtime";
import type { TaskResolver } from "@stepcraft/runtime";

const LAMBDA_FUNCTION_ARN = /^arn:aws[a-zA-Z-]*:lambda:([^:]+):(\d{12}):function:([^:]+)(?::([^:]+))?$/;

/**
 * A bare Lambda ARN that nothing serves fails the way AWS fails a call to a function that does not
 * exist (Lambda.ResourceNotFoundException), not as an unbound local resource: the service stands
 * in for AWS, where the function would simply be missing.
 */
export function missingFunctionsFail(base: TaskResolver): TaskResolver {
  return (resource, stateName) => {
    const task = base(resource, stateName);
    const arn = LAMBDA_FUNCTION_ARN.exec(resource);
    if (task.resourceType !== "unbound" || arn === null) return task;
    const [, region, account, name, qualifier] = arn;
    const qualified = `arn:aws:lambda:${region!}:${account!}:function:${name!}:${qualifier ?? "$LATEST"}`;
    return resolvedTask("lambda-function", "lambda", "invoke", () => {
      throw new StatesError(
        "Lambda.ResourceNotFoundException",
        `Function not found: ${qualified} (Service: AWSLambda; Status Code: 404; Error Code: ResourceNotFoundException; Request ID: ${randomUUID()}; Proxy: null)`,
      );
    });
  };
}
