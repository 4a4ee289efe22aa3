// @stepcraft/runtime/testing: run workflows in tests on a virtual clock, with mocks, and read what happened.
export { testExecution } from "./test-execution.ts";
export type { OutputOf, TestExecutionOptions } from "./test-execution.ts";
export { startTestExecution } from "./start-test-execution.ts";
export type { StartTestExecutionOptions, TestExecutionHandle } from "./start-test-execution.ts";
export type { StateRecord, TestExecutionResult } from "./test-result.ts";
export { TestSetupError } from "./setup.ts";
export { checkExecutionInput } from "./input-schema.ts";
export type { InputCheckOptions } from "./input-schema.ts";
export type { DefinitionSource, MockConfigSelection, SourceBinding, SourceBindingContext, TestMockOptions, WorkflowLike } from "./setup.ts";
export { CallbackNotWaitingError } from "./callbacks.ts";
export type { PendingCallback } from "./callbacks.ts";
export { TestClock } from "./test-clock.ts";
export { formatTrace } from "./format-trace.ts";
export type { TraceOptions } from "./format-trace.ts";
export { readHistory } from "./read-history.ts";
export type { Attempt, ExecutionReading, StateVisit } from "./read-history.ts";
export { formatDuration } from "./duration.ts";
export * from "../mocks/index.ts";
