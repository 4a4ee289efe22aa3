// Types for the Amazon States Language (both query languages). These describe a definition
// that has passed validation; the validator itself works on `unknown` and never trusts them.

/** Any JSON value. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A JSON object. */
export type JsonObject = { [key: string]: JsonValue };

/** The two query languages a state machine or a state may use. */
export type QueryLanguage = "JSONPath" | "JSONata";

/** A JSONata expression string: starts with `{%` and ends with `%}`. */
export type JsonataExpression = `{%${string}%}`;

/** The eight state types. */
export type StateType = "Task" | "Pass" | "Choice" | "Wait" | "Succeed" | "Fail" | "Parallel" | "Map";

/** Every state type, in the order AWS lists them in its messages. */
export const STATE_TYPES: readonly StateType[] = ["Task", "Wait", "Pass", "Succeed", "Fail", "Choice", "Parallel", "Map"];

/** True when the value names one of the eight state types. */
export function isStateType(value: unknown): value is StateType {
  return typeof value === "string" && (STATE_TYPES as readonly string[]).includes(value);
}

/** A whole state machine definition. */
export interface StateMachineDefinition {
  /** Name of the first state; must be a key of `States`. */
  StartAt: string;
  /** The states, by name. Names are unique across the whole machine. */
  States: Record<string, State>;
  Comment?: string;
  /** ASL version, default `"1.0"`. */
  Version?: string;
  /** Execution timeout; exceeding it fails the execution with `States.Timeout`. */
  TimeoutSeconds?: number;
  /** Default query language for every state, default `"JSONPath"`. */
  QueryLanguage?: QueryLanguage;
}

/** A nested graph: a Parallel branch, a Map ItemProcessor or a legacy Map Iterator. */
export interface StateGraph {
  StartAt: string;
  States: Record<string, State>;
  Comment?: string;
}

/** Any state. Discriminated by `Type`. */
export type State = TaskState | PassState | ChoiceState | WaitState | SucceedState | FailState | ParallelState | MapState;

/** Fields every state may carry. */
export interface BaseState {
  Type: StateType;
  Comment?: string;
  /** Overrides the machine's query language for this state (JSONata machines cannot downgrade). */
  QueryLanguage?: QueryLanguage;
}

/** `Next` xor `End: true` for states that transition. */
export type Transition = { Next: string; End?: never } | { End: true; Next?: never };

/** JSONPath-mode input/output filters shared by most states. */
export interface JsonPathInputOutput {
  /** Path applied to the raw input; `null` means `{}`. */
  InputPath?: string | null;
  /** Path applied to the state output; `null` means `{}`. */
  OutputPath?: string | null;
}

/** JSONPath-mode result placement (reference path; `null` discards the result). */
export interface JsonPathResultPath {
  ResultPath?: string | null;
}

/** A payload template: keys ending in `.$` hold paths or intrinsic calls evaluated at runtime. */
export type PayloadTemplate = JsonObject;

/** Variable assignments: each key is a variable name. */
export type Assign = JsonObject;

/** Retry policy for one set of error names. */
export interface Retrier {
  /** Error names this retrier matches; `States.ALL` must be alone and in the last retrier. */
  ErrorEquals: string[];
  /** Seconds before the first retry, ≥1, default 1. */
  IntervalSeconds?: number;
  /** Retries allowed, ≥0, default 3; 0 means never retry. */
  MaxAttempts?: number;
  /** Multiplier of the interval per attempt, ≥1.0, default 2.0. */
  BackoffRate?: number;
  /** Cap on the delay, 1..31622400. */
  MaxDelaySeconds?: number;
  /** `FULL` randomises each delay in [0, delay]. */
  JitterStrategy?: "FULL" | "NONE";
  Comment?: string;
}

/** Error handler: where to go when an error is not (or no longer) retried. */
export interface Catcher {
  ErrorEquals: string[];
  Next: string;
  /** JSONPath only: where the Error Output goes in the raw input. */
  ResultPath?: string | null;
  /** JSONata only: the state output when this catcher fires. */
  Output?: JsonValue;
  Assign?: Assign;
  Comment?: string;
}

/** Task credentials: the role the task assumes. */
export interface TaskCredentials {
  RoleArn?: string;
  "RoleArn.$"?: string;
}

interface TaskStateBase extends BaseState {
  Type: "Task";
  /** Lambda ARN, activity ARN, or `arn:aws:states:::<service>:<action>[.sync|.waitForTaskToken]`. */
  Resource: string;
  /** Positive integer (or a JSONata expression); AWS default 99999999. */
  TimeoutSeconds?: number | JsonataExpression;
  /** Positive integer smaller than the timeout (or a JSONata expression). */
  HeartbeatSeconds?: number | JsonataExpression;
  Credentials?: TaskCredentials | JsonObject;
  Retry?: Retrier[];
  Catch?: Catcher[];
  Assign?: Assign;
}

/** Task state in JSONPath mode. */
export interface JsonPathTaskState extends TaskStateBase, JsonPathInputOutput, JsonPathResultPath {
  Parameters?: PayloadTemplate;
  ResultSelector?: PayloadTemplate;
  TimeoutSecondsPath?: string;
  HeartbeatSecondsPath?: string;
}

/** Task state in JSONata mode. */
export interface JsonataTaskState extends TaskStateBase {
  Arguments?: JsonValue;
  Output?: JsonValue;
}

/** Runs work: a Lambda function, an activity, or an AWS service integration. */
export type TaskState = (JsonPathTaskState | JsonataTaskState) & Transition;

/** Pass state in JSONPath mode. */
export interface JsonPathPassState extends BaseState, JsonPathInputOutput, JsonPathResultPath {
  Type: "Pass";
  Parameters?: PayloadTemplate;
  /** Static result; never evaluated. */
  Result?: JsonValue;
  Assign?: Assign;
}

/** Pass state in JSONata mode. */
export interface JsonataPassState extends BaseState {
  Type: "Pass";
  Output?: JsonValue;
  Assign?: Assign;
}

/** Passes its input (or a fixed result) to its output. */
export type PassState = (JsonPathPassState | JsonataPassState) & Transition;

/** Comparison operators that take a literal value; each also has a `…Path` variant. */
export type ChoiceComparisonOperator =
  | "StringEquals"
  | "StringLessThan"
  | "StringGreaterThan"
  | "StringLessThanEquals"
  | "StringGreaterThanEquals"
  | "NumericEquals"
  | "NumericLessThan"
  | "NumericGreaterThan"
  | "NumericLessThanEquals"
  | "NumericGreaterThanEquals"
  | "BooleanEquals"
  | "TimestampEquals"
  | "TimestampLessThan"
  | "TimestampGreaterThan"
  | "TimestampLessThanEquals"
  | "TimestampGreaterThanEquals";

/** Operators with no `…Path` variant. */
export type ChoiceTypeTestOperator = "StringMatches" | "IsNull" | "IsPresent" | "IsNumeric" | "IsString" | "IsBoolean" | "IsTimestamp";

/** Every JSONPath Choice operator name, including the `…Path` variants. */
export type ChoiceOperator = ChoiceComparisonOperator | `${ChoiceComparisonOperator}Path` | ChoiceTypeTestOperator;

/** A JSONPath data-test rule: `Variable` plus exactly one operator. */
export type ChoiceDataTest = {
  /** Path to the value tested (`$…`, `$$…` or `$variable…`). */
  Variable: string;
  Comment?: string;
} & Partial<Record<ChoiceComparisonOperator, string | number | boolean>> &
  Partial<Record<`${ChoiceComparisonOperator}Path`, string>> & {
    StringMatches?: string;
    IsNull?: boolean;
    IsPresent?: boolean;
    IsNumeric?: boolean;
    IsString?: boolean;
    IsBoolean?: boolean;
    IsTimestamp?: boolean;
  };

/** A JSONPath boolean rule combining other rules. */
export type ChoiceBooleanExpression =
  | { And: ChoiceRule[]; Comment?: string }
  | { Or: ChoiceRule[]; Comment?: string }
  | { Not: ChoiceRule; Comment?: string };

/** A nested JSONPath Choice rule (no `Next`). */
export type ChoiceRule = ChoiceDataTest | ChoiceBooleanExpression;

/** A top-level JSONPath Choice rule: a rule plus where to go when it matches. */
export type JsonPathChoiceRule = ChoiceRule & { Next: string; Assign?: Assign };

/** A JSONata Choice rule: a boolean condition. */
export interface JsonataChoiceRule {
  /** `true`/`false` or a JSONata expression yielding a boolean. */
  Condition: boolean | JsonataExpression;
  Next: string;
  Assign?: Assign;
  Output?: JsonValue;
  Comment?: string;
}

/** Choice state in JSONPath mode. */
export interface JsonPathChoiceState extends BaseState, JsonPathInputOutput {
  Type: "Choice";
  Choices: JsonPathChoiceRule[];
  Default?: string;
  Assign?: Assign;
}

/** Choice state in JSONata mode. */
export interface JsonataChoiceState extends BaseState {
  Type: "Choice";
  Choices: JsonataChoiceRule[];
  Default?: string;
  Output?: JsonValue;
  Assign?: Assign;
}

/** Branches on the first matching rule. */
export type ChoiceState = JsonPathChoiceState | JsonataChoiceState;

/** Wait state in JSONPath mode: exactly one of the four duration fields. */
export interface JsonPathWaitState extends BaseState, JsonPathInputOutput {
  Type: "Wait";
  Seconds?: number;
  SecondsPath?: string;
  /** RFC 3339 timestamp (`2026-01-01T00:00:00Z`). */
  Timestamp?: string;
  TimestampPath?: string;
  Assign?: Assign;
}

/** Wait state in JSONata mode: exactly one of Seconds / Timestamp. */
export interface JsonataWaitState extends BaseState {
  Type: "Wait";
  Seconds?: number | JsonataExpression;
  Timestamp?: string;
  Output?: JsonValue;
  Assign?: Assign;
}

/** Delays the execution. */
export type WaitState = (JsonPathWaitState | JsonataWaitState) & Transition;

/** Ends the execution (or branch) successfully. */
export interface SucceedState extends BaseState {
  Type: "Succeed";
  InputPath?: string | null;
  OutputPath?: string | null;
  Output?: JsonValue;
}

/** Ends the execution (or branch) with an error. */
export interface FailState extends BaseState {
  Type: "Fail";
  Error?: string;
  /** JSONPath only: reference path or a string-returning intrinsic call. */
  ErrorPath?: string;
  Cause?: string;
  CausePath?: string;
}

interface ParallelStateBase extends BaseState {
  Type: "Parallel";
  /** Non-empty list of branches, each run on the same input. */
  Branches: StateGraph[];
  Retry?: Retrier[];
  Catch?: Catcher[];
  Assign?: Assign;
}

/** Parallel state in JSONPath mode. */
export interface JsonPathParallelState extends ParallelStateBase, JsonPathInputOutput, JsonPathResultPath {
  Parameters?: PayloadTemplate;
  ResultSelector?: PayloadTemplate;
}

/** Parallel state in JSONata mode. */
export interface JsonataParallelState extends ParallelStateBase {
  Arguments?: JsonValue;
  Output?: JsonValue;
}

/** Runs branches concurrently; output is the array of branch outputs. */
export type ParallelState = (JsonPathParallelState | JsonataParallelState) & Transition;

/** How a Map processes its items. */
export interface ProcessorConfig {
  /** `INLINE` (default) or `DISTRIBUTED` (child executions). */
  Mode?: "INLINE" | "DISTRIBUTED";
  /** Required when `Mode` is `DISTRIBUTED`. */
  ExecutionType?: "STANDARD" | "EXPRESS";
}

/** The per-item graph of a Map state. */
export interface ItemProcessor extends StateGraph {
  ProcessorConfig?: ProcessorConfig;
}

/** How a Distributed Map reads its items from S3. */
export interface ReaderConfig {
  InputType?: "CSV" | "JSON" | "JSONL" | "PARQUET" | "MANIFEST";
  Transformation?: "NONE" | "LOAD_AND_FLATTEN";
  ManifestType?: "ATHENA_DATA" | "S3_INVENTORY";
  CSVDelimiter?: "COMMA" | "PIPE" | "SEMICOLON" | "SPACE" | "TAB";
  CSVHeaderLocation?: "FIRST_ROW" | "GIVEN";
  CSVHeaders?: string[];
  /** JSON Pointer to the array inside a JSON file. */
  ItemsPointer?: string;
  /** Positive integer ≤ 100,000,000 (or JSONata expression). */
  MaxItems?: number | JsonataExpression;
  MaxItemsPath?: string;
}

/** Where a Distributed Map reads its items from. */
export interface ItemReader {
  Resource: string;
  ReaderConfig?: ReaderConfig;
  /** JSONPath mode. */
  Parameters?: PayloadTemplate;
  /** JSONata mode. */
  Arguments?: JsonValue;
}

/** Groups items into batches for each child. At least one limit is required. */
export interface ItemBatcher {
  MaxItemsPerBatch?: number | JsonataExpression;
  MaxItemsPerBatchPath?: string;
  /** ≤ 262144 bytes. */
  MaxInputBytesPerBatch?: number | JsonataExpression;
  MaxInputBytesPerBatchPath?: string;
  BatchInput?: JsonValue;
}

/** Where a Distributed Map writes its results. */
export interface ResultWriter {
  Resource?: string;
  Parameters?: PayloadTemplate;
  Arguments?: JsonValue;
  WriterConfig?: { Transformation?: "NONE" | "COMPACT" | "FLATTEN"; OutputType?: "JSON" | "JSONL" };
}

interface MapStateBase extends BaseState {
  Type: "Map";
  /** The per-item graph (`Iterator` is the legacy name; exactly one of the two). */
  ItemProcessor?: ItemProcessor;
  /** @deprecated use `ItemProcessor`. */
  Iterator?: StateGraph;
  ItemSelector?: JsonValue;
  ItemReader?: ItemReader;
  ItemBatcher?: ItemBatcher;
  ResultWriter?: ResultWriter;
  /** ≥0; 0 or absent means unlimited. */
  MaxConcurrency?: number | JsonataExpression;
  ToleratedFailureCount?: number | JsonataExpression;
  ToleratedFailurePercentage?: number | JsonataExpression;
  /** Map Run label, ≤40 characters, unique in the definition. */
  Label?: string;
  Retry?: Retrier[];
  Catch?: Catcher[];
  Assign?: Assign;
}

/** Map state in JSONPath mode. */
export interface JsonPathMapState extends MapStateBase, JsonPathInputOutput, JsonPathResultPath {
  ItemsPath?: string;
  /** @deprecated use `ItemSelector`. */
  Parameters?: PayloadTemplate;
  ResultSelector?: PayloadTemplate;
  MaxConcurrencyPath?: string;
  ToleratedFailureCountPath?: string;
  ToleratedFailurePercentagePath?: string;
}

/** Map state in JSONata mode. */
export interface JsonataMapState extends MapStateBase {
  Items?: JsonValue[] | JsonObject | JsonataExpression;
  Output?: JsonValue;
}

/** Runs its ItemProcessor once per item. */
export type MapState = (JsonPathMapState | JsonataMapState) & Transition;

/** `STANDARD` or `EXPRESS`; some features are Standard-only. */
export type StateMachineType = "STANDARD" | "EXPRESS";
