// Runs a Lambda callback task (`lambda:invoke.waitForTaskToken`) as AWS does: the function's
// deployed code is invoked with the task token in its payload, what it returns is ignored, and
// the task waits until someone answers the token (the test's sendTaskSuccess/Failure, or code the
// handler started). A failure of the invoke itself (the handler throws) fails the task at once.
import { resolvedTask, waitForCallback } from "@stepcraft/runtime";
import type { CallbackRegistry, TaskResolver } from "@stepcraft/runtime";

/** The callback variant of `lambda:invoke`; group 1 is the plain invoke it sends through. */
export const LAMBDA_CALLBACK = /^(arn:aws[a-zA-Z-]*:states:::lambda:invoke)\.waitForTaskToken$/;

/** How the Task states of the callback resources are bound. */
export interface LambdaCallbackBinding {
  /** Where the task waits for its answer (the machine's registry, which the test's handle reads). */
  readonly callbacks: CallbackRegistry;
  /** The test bound this state, the function it names or the resource: its handler's result answers the task. */
  readonly boundByTest: (functionName: unknown, stateName: string, resource: string) => boolean;
  /** The function the task names runs its own code locally (else the task only waits). */
  readonly runsCode: (functionName: unknown) => boolean;
}

/**
 * Wraps `base` (which binds the plain `lambda:invoke` of each function to its code) so every
 * `lambda:invoke.waitForTaskToken` state runs its function, then waits for the token's answer.
 */
export function lambdaCallbacks(base: TaskResolver, binding: LambdaCallbackBinding): TaskResolver {
  return (resource, stateName) => {
    const plainInvoke = LAMBDA_CALLBACK.exec(resource)?.[1];
    if (plainInvoke === undefined) return base(resource, stateName);
    const byTest = base(resource, stateName);
    const send = base(plainInvoke, stateName);
    return resolvedTask("service", "lambda", "invoke.waitForTaskToken", (input, ctx) => {
      const functionName = (input as { readonly FunctionName?: unknown } | null)?.FunctionName;
      if (binding.boundByTest(functionName, stateName, resource)) return byTest.invoke(input, ctx);
      return waitForCallback(binding.callbacks, binding.runsCode(functionName) ? send : undefined, input, ctx);
    });
  };
}
