import { z } from "zod";
import { AwsError } from "../protocol/aws-error.ts";
import { arn, maxResults, nextToken } from "../protocol/request-shape.ts";
import { action, type ActionTable } from "./action.ts";
import { parseArn } from "./arns.ts";
import { existingExecution } from "./executions.ts";

/**
 * Actions whose semantics the runtime does not offer (yet): each still checks its request and
 * answers with the AWS error a client can act on, never a crash.
 */
export const notYetActions: ActionTable = {
  DescribeMapRun: action(z.strictObject({ mapRunArn: arn() }), (input) => {
    parseArn(input.mapRunArn, ["mapRun"]);
    throw new AwsError("ResourceNotFound", `Resource Not Found: '${input.mapRunArn}' (this server keeps no Map Runs)`);
  }),
  UpdateMapRun: action(z.looseObject({ mapRunArn: arn() }), (input) => {
    parseArn(input.mapRunArn, ["mapRun"]);
    throw new AwsError("ResourceNotFound", `Resource Not Found: '${input.mapRunArn}' (this server keeps no Map Runs)`);
  }),
  ListMapRuns: action(z.strictObject({ executionArn: arn(), maxResults: maxResults(), nextToken: nextToken() }), (input, ctx) => {
    existingExecution(ctx, input.executionArn);
    return { mapRuns: [] };
  }),
};
