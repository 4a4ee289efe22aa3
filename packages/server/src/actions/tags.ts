import { z } from "zod";
import { AwsError } from "../protocol/aws-error.ts";
import { arn, str, tagList } from "../protocol/request-shape.ts";
import { action, type ActionContext, type ActionTable } from "./action.ts";
import { machineRef, parseArn } from "./arns.ts";

/** Only state machines and activities carry tags; anything else is ResourceNotFound. */
function taggable(ctx: ActionContext, resourceArn: string): string {
  const parsed = parseArn(resourceArn, ["stateMachine", "activity"]);
  const exists =
    parsed.kind === "activity"
      ? ctx.services.resources.activity(resourceArn) !== undefined
      : machineRef(resourceArn).machineArn === resourceArn && ctx.services.machines.machine(resourceArn) !== undefined;
  if (!exists) throw new AwsError("ResourceNotFound", `Resource Not Found: '${resourceArn}'`);
  return resourceArn;
}

/** AWS allows 50 tags per resource. */
const MAX_TAGS = 50;

/** Tag/Untag/ListTagsForResource. */
export const tagActions: ActionTable = {
  TagResource: action(z.strictObject({ resourceArn: arn(), tags: tagList() }), (input, ctx) => {
    const target = taggable(ctx, input.resourceArn);
    const existing = new Map(ctx.services.resources.tags(target).map((t) => [t.key, t.value]));
    for (const t of input.tags) existing.set(t.key ?? "", t.value ?? "");
    if (existing.size > MAX_TAGS) throw new AwsError("TooManyTags", `Too Many Tags: a resource can have at most ${MAX_TAGS} tags`);
    ctx.services.resources.putTags(target, input.tags.map((t) => ({ key: t.key ?? "", value: t.value ?? "" })));
    return {};
  }),
  UntagResource: action(z.strictObject({ resourceArn: arn(), tagKeys: z.array(str(1, 128)).max(200) }), (input, ctx) => {
    ctx.services.resources.removeTags(taggable(ctx, input.resourceArn), input.tagKeys);
    return {};
  }),
  ListTagsForResource: action(z.strictObject({ resourceArn: arn() }), (input, ctx) => ({ tags: ctx.services.resources.tags(taggable(ctx, input.resourceArn)) })),
};
