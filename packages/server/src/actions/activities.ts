import { z } from "zod";
import { AwsError } from "../protocol/aws-error.ts";
import { arn, maxResults, nextToken, str, tagList } from "../protocol/request-shape.ts";
import { action, epochSeconds, type ActionContext, type ActionTable } from "./action.ts";
import { checkName, makeArn, parseArn } from "./arns.ts";
import { page } from "./paging.ts";

function existingActivity(ctx: ActionContext, activityArn: string) {
  parseArn(activityArn, ["activity"]);
  const row = ctx.services.resources.activity(activityArn);
  if (row === undefined) throw new AwsError("ActivityDoesNotExist", `Activity Does Not Exist: '${activityArn}'`);
  return row;
}

/** Create/Describe/Delete/ListActivities and GetActivityTask (a long poll of up to 60 seconds). */
export const activityActions: ActionTable = {
  CreateActivity: action(z.strictObject({ name: str(1, 80), tags: tagList().optional(), encryptionConfiguration: z.unknown().optional() }), (input, ctx) => {
    checkName(input.name, "activity");
    const activityArn = makeArn(ctx.request, "activity", input.name);
    const existing = ctx.services.resources.activity(activityArn);
    // CreateActivity is idempotent on AWS.
    if (existing !== undefined) return { activityArn, creationDate: epochSeconds(existing.created_ms) };
    const created = ctx.services.clock.now();
    ctx.services.resources.insertActivity({ arn: activityArn, name: input.name, created_ms: created });
    if (input.tags !== undefined) ctx.services.resources.putTags(activityArn, input.tags.map((t) => ({ key: t.key ?? "", value: t.value ?? "" })));
    return { activityArn, creationDate: epochSeconds(created) };
  }),

  DescribeActivity: action(z.strictObject({ activityArn: arn() }), (input, ctx) => {
    const row = existingActivity(ctx, input.activityArn);
    return { activityArn: row.arn, name: row.name, creationDate: epochSeconds(row.created_ms) };
  }),

  DeleteActivity: action(z.strictObject({ activityArn: arn() }), (input, ctx) => {
    parseArn(input.activityArn, ["activity"]);
    ctx.services.resources.deleteActivity(input.activityArn);
    ctx.services.resources.dropTags(input.activityArn);
    return {};
  }),

  ListActivities: action(z.strictObject({ maxResults: maxResults(), nextToken: nextToken() }), (input, ctx) => {
    const prefix = makeArn(ctx.request, "activity", "");
    const { items, nextToken: next } = page(ctx.services.resources.activities(prefix), `ListActivities|${prefix}`, input.maxResults, input.nextToken);
    return { activities: items.map((a) => ({ activityArn: a.arn, name: a.name, creationDate: epochSeconds(a.created_ms) })), ...(next === undefined ? {} : { nextToken: next }) };
  }),

  GetActivityTask: action(z.strictObject({ activityArn: arn(), workerName: str(1, 80).optional() }), async (input, ctx) => {
    existingActivity(ctx, input.activityArn);
    let task;
    try {
      task = await ctx.services.activities.getActivityTask(input.activityArn, input.workerName, ctx.services.closing);
    } catch {
      // The server is closing: the poll ends empty, as one that timed out.
      task = null;
    }
    return task === null ? {} : { taskToken: task.taskToken, input: task.input };
  }),
};
