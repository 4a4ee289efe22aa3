// @stepcraft/core public surface: the typed builder, its IR and the compiler to ASL.

export { workflow, states, goto, succeed, fail, WorkflowCompileError } from "./builder/workflow.ts";
export type { Workflow, WorkflowBuilder, WorkflowOptions, CompileResult } from "./builder/workflow.ts";

export { lambda, serviceIntegration, sdkIntegration, resource } from "./builder/task-resource.ts";
export type { TaskResource, TaskCall, IntegrationPattern, IntegrationOptions, LambdaOptions, CallbackLambdaOptions, LambdaServiceError } from "./builder/task-resource.ts";
export type { LambdaFunction, AnyHandler, HandlerInput, HandlerResult } from "./builder/task-resource.ts";
export type { LambdaDeclaration } from "./ir/lambda-declaration.ts";
export { localTasks, override } from "./local/local-tasks.ts";
export { LambdaSchemaError } from "./local/schema-check.ts";
export type { LocalTask, LocalOverride, LocalTasksOptions, LambdaSource } from "./local/local-tasks.ts";

export { and, or, not, jsonataCondition, jsonPathRule } from "./builder/conditions.ts";
export { fn, jsonata, jsonPath, asNumber, asString, asBoolean, literal } from "./builder/functions.ts";
export type { FormatArg, FormatArgs, HashAlgorithm } from "./builder/functions.ts";
export { timestamp, isTimestamp } from "./builder/timestamp.ts";
export type { Timestamp } from "./builder/timestamp.ts";
export { typeOnly, untyped } from "./builder/schema.ts";
export type { Json, JsonPrimitive, JsonObject } from "./builder/json.ts";
export type { StandardSchemaLike, InferSchema } from "./builder/schema.ts";

export type {
  Chain,
  ChainLike,
  AnyChain,
  Accepting,
  ChainOutput,
  ChainErrors,
  ChainDone,
  PassesInput,
  DoneAfter,
  CatchDone,
  ChoiceChain,
  StateChain,
  StateFactories,
  StateOptions,
  PassOptions,
  TaskOptions,
  ChoiceOptions,
  ChoiceRuleOptions,
  WaitOptions,
  SucceedOptions,
  FailOptions,
  FailStringInput,
  ParallelOptions,
  MapOptions,
  MapMode,
  BranchOutputs,
  ItemReaderSpec,
  ItemReaderArguments,
  ItemBatcherSpec,
  ResultWriterSpec,
  ResultWriterOutput,
  ProcessorInput,
  MapResult,
  RetrySpec,
  CatchSpec,
  CatcherSpec,
  CatcherOutputSpec,
  CatchOutputs,
  CatchTargetsAccept,
  ErrorNames,
  StatesErrorName,
  NumberInput,
  StringInput,
  NotGiven,
  OutputOf,
  AcceptsInput,
  Target,
  WithResultField,
  ResultFieldPath,
  ResultFieldOption,
  RetryNumbers,
  RetriesNumbers,
  WaitSeconds,
  MaxConcurrency,
  ToleratedFailureCount,
  ToleratedFailurePercentage,
} from "./builder/chain-types.ts";
export type { Ref, RefOps, NotAnOperand, JsonRef, JsonRefOps, JsonFields, ValueRef, OptionalRef, AbsentDataTests, MayBeAbsent, MayBeAbsentBrand, NumberRef, StringRef, TimestampRef, BooleanRef, ArrayRef, FieldRefs } from "./builder/data-ref.ts";
export type { Value, ValueOr, Condition } from "./builder/value.ts";
export type { Template, Resolve, MergeVars } from "./builder/template.ts";
// Named in the inferred types of chains that assign variables or merge a resultField: a user's
// declaration emit (a CDK app's tsc with declaration: true) must be able to name them.
export type { Merged, MergeFields } from "./builder/merged.ts";
export type { CheckedNumber, NumberRule } from "./builder/number-checks.ts";
export type { PresentReads, AbsentLeaf } from "./builder/present-reads.ts";
export type { InputScope, ResultScope, ErrorScope, ItemScope, VariableRefs, ContextObject, CallbackContextObject, ErrorOutput } from "./builder/scope.ts";
export type { StepcraftTypeError } from "./builder/type-error.ts";

export { renderWorkflow } from "./compiler/asl-compiler.ts";
export type { RenderResult } from "./compiler/asl-compiler.ts";
export { CORE_DIAGNOSTIC_CODES, formatDiagnostics } from "./compiler/compile-diagnostic.ts";
export type { CompileDiagnostic, CoreDiagnosticCode } from "./compiler/compile-diagnostic.ts";
export type { AslDefinition } from "./compiler/asl-definition.ts";
export type * from "./ir/expr-node.ts";
export type * from "./ir/state-node.ts";
