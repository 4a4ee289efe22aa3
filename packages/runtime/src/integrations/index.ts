// Integrations a local runtime needs besides task handlers: nested executions, callbacks, activities.
export { CallbackRegistry } from "./callback-registry.ts";
export type { CallbackRegistryOptions, CallbackWaitOptions, PendingTask } from "./callback-registry.ts";
export { TaskCallbackError, taskTimedOut } from "./callback-errors.ts";
export type { TaskCallbackErrorCode } from "./callback-errors.ts";
export { callbackResolver, unboundCallbacks, waitForCallback } from "./callback-resolver.ts";
export type { CallbackResolverOptions } from "./callback-resolver.ts";
export { NestedExecution, StateMachineRegistry } from "./state-machine-registry.ts";
export type { StateMachineRegistryOptions } from "./state-machine-registry.ts";
export { nestedExecutionResolver } from "./nested-execution-resolver.ts";
export { sfnCallbackTasks } from "./sfn-callback-tasks.ts";
export { ActivityBroker } from "./activity-broker.ts";
export type { ActivityBrokerOptions, ActivityStart, ActivityTask } from "./activity-broker.ts";
export { activityResolver } from "./activity-resolver.ts";
