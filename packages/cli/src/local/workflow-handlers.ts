/**
 * The local handlers `stepcraft run` binds for a workflow module: core's `localTasks()` over the
 * workflow's `lambda()` declarations. Their loaders run inside the module's esbuild bundle, so a
 * handler is loaded exactly as the workflow module was (same TypeScript, same resolution).
 */
import { localTasks, type LambdaDeclaration, type LocalTask } from "@stepcraft/core";
import { createTaskResolver, type TaskResolver } from "@stepcraft/runtime";
import { UsageError } from "../io.ts";

/** Handlers by every name the ASL calls them; a handler that cannot be loaded is a usage error naming it. */
export async function workflowHandlers(file: string, lambdas: readonly LambdaDeclaration[]): Promise<Record<string, LocalTask>> {
  try {
    return await localTasks({ lambdas });
  } catch (error) {
    throw new UsageError(`'${file}': ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * The resolver a mock config falls back to for the tasks it does not mock: the handlers, bound as
 * a machine prepared with default options would bind them (its region and account).
 */
export function handlerResolver(tasks: Readonly<Record<string, LocalTask>>): TaskResolver {
  return createTaskResolver({ tasks, lambdaErrorFormat: "nodejs", region: "us-east-1", accountId: "123456789012" });
}
