// @stepcraft/runtime public surface.
export { StatesError, isStatesError } from "./errors.ts";
export { prepareStateMachine, runExecution } from "./engine/machine.ts";
export type { PreparedStateMachine, StateMachineOptions } from "./engine/machine.ts";
export { Execution } from "./engine/execution.ts";
export { InvalidDefinitionError } from "./engine/validation-bridge.ts";
export type { ExecutionResult, ExecutionStatus, StartOptions } from "./engine/execution.ts";
export type { HistoryEvent } from "./engine/history.ts";
export { VirtualClock, RealClock } from "./engine/clock.ts";
export type { Clock, Timer } from "./engine/clock.ts";
export { seededRandom } from "./engine/random.ts";
export type { RandomSource } from "./engine/random.ts";
export { rawPayload, RawPayload } from "./tasks/raw-payload.ts";
export { createTaskResolver, resolvedTask } from "./tasks/resolve.ts";
export type { TaskBindingOptions, TaskDataIsolation } from "./tasks/resolve.ts";
export type { LambdaErrorFormat, ResolvedTask, TaskCallContext, TaskHandler, TaskResolver } from "./tasks/types.ts";
export type { DataFlow, DataFlowFields } from "./engine/data-flow.ts";
export type { DataFlowFactory, QueryLanguage } from "./engine/compile.ts";
