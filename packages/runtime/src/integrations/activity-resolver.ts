import { resolvedTask } from "../tasks/resolve.ts";
import type { TaskResolver } from "../tasks/types.ts";
import { ACTIVITY_ARN } from "./activity-broker.ts";
import type { ActivityBroker } from "./activity-broker.ts";

/**
 * Binds activity ARNs to the broker (workers take the tasks) and everything else to `base`.
 * History shows Activity* events (ActivityStarted when a worker takes the task).
 */
export function activityResolver(broker: ActivityBroker, base: TaskResolver): TaskResolver {
  return (resource, stateName) => {
    if (!ACTIVITY_ARN.test(resource)) return base(resource, stateName);
    return resolvedTask("activity", "activity", resource, (input, ctx) => broker.schedule(resource, input, ctx));
  };
}
