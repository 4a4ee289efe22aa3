import { ExecutionNotRedrivableError } from "@stepcraft/runtime";
import { z } from "zod";
import { AwsError } from "../protocol/aws-error.ts";
import { arn, str } from "../protocol/request-shape.ts";
import { action, epochSeconds, type ActionTable } from "./action.ts";
import { existingExecution } from "./execution-lookup.ts";
import { redriveRefusal } from "./redrive-status.ts";

function notRedrivable(reason: string): AwsError {
  return new AwsError("ExecutionNotRedrivable", reason);
}

/** RedriveExecution: a failed, aborted or timed-out Standard execution continues from the state that did not succeed. */
export const redriveActions: ActionTable = {
  RedriveExecution: action(z.strictObject({ executionArn: arn(), clientToken: str(1, 64).optional() }), async (input, ctx) => {
    const row = existingExecution(ctx, input.executionArn);
    // The same request again (an SDK retry carries the same clientToken) answers as the first did.
    if (input.clientToken !== undefined && input.clientToken === row.redrive_token && row.redrive_ms !== null) return { redriveDate: epochSeconds(row.redrive_ms) };
    const reason = redriveRefusal(row, ctx);
    if (reason !== undefined) throw notRedrivable(reason);
    try {
      return { redriveDate: epochSeconds(await ctx.services.host.redrive(row, input.clientToken ?? null)) };
    } catch (e) {
      if (e instanceof ExecutionNotRedrivableError) throw notRedrivable(e.reason);
      throw e;
    }
  }),
};
