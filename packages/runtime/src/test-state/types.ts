// TestState's request and response, member for member as AWS's API (and @aws-sdk/client-sfn's
// TestStateInput / TestStateOutput) names them: `stepcraft serve` passes requests straight through.
import type { FieldValidationMode } from "./mock-validation.ts";

export type { FieldValidationMode };

export type InspectionLevel = "INFO" | "DEBUG" | "TRACE";

export type TestExecutionStatus = "SUCCEEDED" | "FAILED" | "RETRIABLE" | "CAUGHT_ERROR";

export interface MockErrorOutput {
  readonly error?: string | undefined;
  readonly cause?: string | undefined;
}

/** `result` (JSON text of the state's result) or `errorOutput`, not both. */
export interface MockInput {
  readonly result?: string | undefined;
  readonly errorOutput?: MockErrorOutput | undefined;
  /** @default "STRICT" */
  readonly fieldValidationMode?: FieldValidationMode | undefined;
}

export interface TestStateConfiguration {
  /** Retries already made by the Retrier that matches the error: decides RETRIABLE or exhausted. */
  readonly retrierRetryCount?: number | undefined;
  /** The state inside a mocked Map or Parallel the mocked error comes from. */
  readonly errorCausedByState?: string | undefined;
  /** Failed iterations of a mocked Map, checked against its tolerated failure count/percentage. */
  readonly mapIterationFailureCount?: number | undefined;
  /** What a Distributed Map's s3:getObject ItemReader reads, as found in its source (JSON, JSON Lines, CSV text); the Map reads it instead of the object. */
  readonly mapItemReaderData?: string | undefined;
}

export interface TestStateInput {
  /** One state's definition, or a whole machine's with `stateName`. */
  readonly definition: string | undefined;
  readonly roleArn?: string | undefined;
  /** JSON text. @default "{}" */
  readonly input?: string | undefined;
  /** @default "INFO" */
  readonly inspectionLevel?: InspectionLevel | undefined;
  /**
   * TRACE of an HTTP Task: also show what its EventBridge connection adds to the request
   * (auth header, headers, query and body parameters; testState's `options.connections`). @default false
   */
  readonly revealSecrets?: boolean | undefined;
  /** JSON text of an object: the variables in scope. */
  readonly variables?: string | undefined;
  readonly stateName?: string | undefined;
  readonly mock?: MockInput | undefined;
  /** JSON text of (part of) the Context object: `Execution.Name`, `Execution.Id`, `Execution.StartTime`, `Map.Item`. */
  readonly context?: string | undefined;
  readonly stateConfiguration?: TestStateConfiguration | undefined;
}

export interface InspectionErrorDetails {
  catchIndex?: number;
  retryIndex?: number;
  retryBackoffIntervalSeconds?: number;
}

/** The HTTP request an HTTP Task sends (TRACE, `arn:aws:states:::http:invoke` only); headers as `[name: value, …]`. */
export interface InspectionDataRequest {
  protocol?: string;
  method?: string;
  url?: string;
  headers?: string;
  body?: string;
}

/** The HTTP response an HTTP Task's result stands for (TRACE); statusCode as text, as AWS gives it. */
export interface InspectionDataResponse {
  protocol?: string;
  statusCode?: string;
  statusMessage?: string;
  headers?: string;
  body?: string;
}

/** The data after each processing step, as JSON text (DEBUG and TRACE). */
export interface InspectionData {
  input?: string;
  afterArguments?: string;
  afterInputPath?: string;
  afterParameters?: string;
  result?: string;
  afterResultSelector?: string;
  afterResultPath?: string;
  request?: InspectionDataRequest;
  response?: InspectionDataResponse;
  variables?: string;
  errorDetails?: InspectionErrorDetails;
  afterItemsPath?: string;
  afterItemSelector?: string;
  afterItemBatcher?: string;
  afterItemsPointer?: string;
  toleratedFailureCount?: number;
  toleratedFailurePercentage?: number;
  maxConcurrency?: number;
}

export interface TestStateOutput {
  /** JSON text (SUCCEEDED, CAUGHT_ERROR). */
  output?: string;
  error?: string;
  cause?: string;
  inspectionData?: InspectionData;
  nextState?: string;
  status?: TestExecutionStatus;
}

/** A TestState request AWS would refuse (`ValidationException`, `InvalidDefinition`, `InvalidExecutionInput`). */
export class TestStateRequestError extends Error {
  override readonly name = "TestStateRequestError";
  constructor(
    /** AWS's error code for the problem, for the server to answer with. */
    readonly code: "ValidationException" | "InvalidDefinition" | "InvalidExecutionInput",
    message: string,
  ) {
    super(message);
  }
}

/** A TestState request with plain values instead of JSON text, for a workflow's state. */
export interface StateTestRequest<In> {
  readonly input?: In;
  readonly variables?: Readonly<Record<string, unknown>>;
  readonly context?: Readonly<Record<string, unknown>>;
  readonly inspectionLevel?: InspectionLevel;
  readonly roleArn?: string;
  readonly revealSecrets?: boolean;
  readonly mock?:
    | { readonly result: unknown; readonly fieldValidationMode?: FieldValidationMode }
    | { readonly errorOutput: MockErrorOutput; readonly fieldValidationMode?: FieldValidationMode };
  /** `mapItemReaderData`: a value (sent as JSON text) or text as found in the source (CSV, JSON Lines). */
  readonly stateConfiguration?: Omit<TestStateConfiguration, "mapItemReaderData"> & { readonly mapItemReaderData?: unknown };
}

/** TestState's response, with the output also parsed. */
export interface StateTestOutput<Out> extends TestStateOutput {
  readonly parsedOutput?: Out;
}
