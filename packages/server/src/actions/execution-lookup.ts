import { AwsError } from "../protocol/aws-error.ts";
import type { ExecutionRow } from "../store/execution-store.ts";
import type { ActionContext } from "./action.ts";
import { parseArn } from "./arns.ts";

/** The execution behind an ARN, or ExecutionDoesNotExist. */
export function existingExecution(ctx: ActionContext, executionArn: string): ExecutionRow {
  parseArn(executionArn, ["execution", "express"]);
  const row = ctx.services.executions.execution(executionArn);
  if (row === undefined) throw new AwsError("ExecutionDoesNotExist", `Execution Does Not Exist: '${executionArn}'`);
  return row;
}
