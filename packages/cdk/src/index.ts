// @stepcraft/cdk public surface: the construct that deploys a workflow, and what its props name.

export { WorkflowStateMachine } from "./workflow-state-machine.ts";
export type { WorkflowStateMachineProps, WorkflowLoggingOptions } from "./workflow-state-machine.ts";
export type { DefinitionSource, RawDefinition, WorkflowSource } from "./definition/definition-source.ts";
export type { LambdaDeclaration } from "./functions/lambda-declaration.ts";
export { sdkIamAction } from "./permissions/sdk-integrations.ts";
export { formatDiagnostic } from "./definition/report-diagnostics.ts";
