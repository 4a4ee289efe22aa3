import { activityActions } from "./actions/activities.ts";
import type { ActionContext, ActionTable } from "./actions/action.ts";
import { executionActions } from "./actions/executions.ts";
import { mapRunActions } from "./actions/map-runs.ts";
import { redriveActions } from "./actions/redrive.ts";
import { stateMachineActions } from "./actions/state-machines.ts";
import { tagActions } from "./actions/tags.ts";
import { testStateActions } from "./actions/test-state.ts";
import { taskCallbackActions } from "./actions/task-callbacks.ts";
import { validateDefinitionActions } from "./actions/validate-definition.ts";
import { versionAliasActions } from "./actions/versions-aliases.ts";
import { serializationError, unknownOperation } from "./protocol/aws-error.ts";

/** Every action the service answers: one more action is one more entry. */
export const ACTIONS: ActionTable = {
  ...stateMachineActions,
  ...versionAliasActions,
  ...executionActions,
  ...redriveActions,
  ...mapRunActions,
  ...taskCallbackActions,
  ...activityActions,
  ...tagActions,
  ...validateDefinitionActions,
  ...testStateActions,
};

const TARGET_PREFIX = "AWSStepFunctions.";

/** Runs the action an `X-Amz-Target` names; an unknown one is UnknownOperationException. */
export async function dispatch(target: string | undefined, body: Record<string, unknown>, ctx: ActionContext, actions: ActionTable = ACTIONS): Promise<unknown> {
  if (target === undefined || target === "") throw serializationError("The request has no X-Amz-Target header (expected AWSStepFunctions.<Action>)");
  const name = target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : undefined;
  const handler = name === undefined || !Object.hasOwn(actions, name) ? undefined : actions[name];
  if (handler === undefined) throw unknownOperation(target);
  return await handler(body, ctx);
}
