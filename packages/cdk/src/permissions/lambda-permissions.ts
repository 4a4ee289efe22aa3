/** `lambda:InvokeFunction` on exactly the functions a task names: the function and its versions and aliases. */
import type { StaticString } from "../definition/static-value.ts";
import { lambdaFunctionArn } from "./arns.ts";
import type { PermissionContext } from "./permission-context.ts";
import type { PermissionNeed } from "./permission-need.ts";

/** The need for invoking the function a task names (a name, ARN or substitution); `*` only when the name is computed at run time. */
export function invokeFunctionNeed(context: PermissionContext, functionName: StaticString): PermissionNeed[] {
  if (functionName.kind === "absent") return [];
  if (functionName.kind === "dynamic") return [{ actions: ["lambda:InvokeFunction"], resources: ["*"] }];
  // A wired name may carry a qualifier after its placeholder (`${fn_Charge}:live`); the grant covers it through `:*`.
  const placeholder = /^(\$\{[A-Za-z0-9_]+\})(?::[^:]+)?$/.exec(functionName.value)?.[1];
  const arn = lambdaFunctionArn(context.stack, context.substitute(placeholder ?? functionName.value));
  // `:*` covers `Function:alias` and `Function:3` as well as the unqualified ARN.
  return [{ actions: ["lambda:InvokeFunction"], resources: [arn, `${arn}:*`] }];
}
