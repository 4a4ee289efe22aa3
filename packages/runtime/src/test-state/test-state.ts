import { StatesError } from "../errors.ts";
import { compileReferencePath, NOT_FOUND } from "../engine/data-bridge.ts";
import type { ExecutionResult, StartOptions } from "../engine/execution.ts";
import { prepareStateMachine } from "../engine/machine.ts";
import type { StateMachineOptions } from "../engine/machine.ts";
import { compileRetriers, errorMatches, nextRetryDelay } from "../engine/retry.ts";
import { InvalidDefinitionError, validateBeforePrepare } from "../engine/validation-bridge.ts";
import { createMockResolver } from "../mocks/mock-resolver.ts";
import { createTaskResolver } from "../tasks/resolve.ts";
import { inspectingDataFlow } from "./inspection.ts";
import type { InspectedStages } from "./inspection.ts";
import { findTestedState, isolate } from "./isolate.ts";
import type { FoundState } from "./isolate.ts";
import { checkConfiguration, mockResponse, needsMock, parseJsonMember, parseObjectMember } from "./parse-request.ts";
import { TestStateRequestError } from "./types.ts";
import type { InspectionData, StateTestOutput, StateTestRequest, TestStateInput, TestStateOutput } from "./types.ts";
import type { WorkflowLike } from "../testing/setup.ts";

/** How the tested state's unmocked Tasks are bound, and the account it runs in (not part of AWS's request). */
export type TestStateOptions = Pick<StateMachineOptions, "name" | "tasks" | "resolveTask" | "region" | "accountId" | "lambdaErrorFormat" | "objectStore">;

/**
 * AWS's TestState, offline: runs one state (a lone state definition, or `stateName` of a whole
 * machine) once through the runtime's own state processing, and answers with TestState's
 * response: `status` (SUCCEEDED, FAILED, RETRIABLE, CAUGHT_ERROR), `output`, `error`, `cause`,
 * `nextState` and, at DEBUG/TRACE, `inspectionData`. Request and response members are AWS's
 * (JSON members are JSON text), so a TestState request can be passed straight through.
 * Requests AWS would refuse reject with a {@link TestStateRequestError} carrying AWS's code.
 * @example
 * const out = await testState({ definition: JSON.stringify(asl), stateName: "Charge", input: '{"amount": 5}', mock: { result: '{"StatusCode": 200, "Payload": "ok"}' } });
 * out.status;    // "SUCCEEDED"
 * out.nextState; // "Ship"
 */
export function testState(request: TestStateInput, options?: TestStateOptions): Promise<TestStateOutput>;
/**
 * The same for a state of a workflow (anything with `toAsl()`, such as a `@stepcraft/core`
 * workflow), with plain values instead of JSON text: `In` types the input, `Out` the parsed
 * output (`parsedOutput`).
 * @example
 * const out = await testState<Order, Charged>(workflow, "ChargeCard", { input: order, mock: { result: { StatusCode: 200, Payload: { ok: true } } } });
 * out.parsedOutput; // Charged | undefined
 */
export function testState<In = unknown, Out = unknown>(workflow: WorkflowLike, stateName: string, request?: StateTestRequest<In>, options?: TestStateOptions): Promise<StateTestOutput<Out>>;
export function testState(
  source: TestStateInput | WorkflowLike,
  second?: TestStateOptions | string,
  request?: StateTestRequest<unknown>,
  options?: TestStateOptions,
): Promise<TestStateOutput> {
  if (typeof second === "string") return testWorkflowState(source as WorkflowLike, second, request ?? {}, options ?? {});
  return runTestState(source as TestStateInput, second ?? {});
}

async function testWorkflowState(workflow: WorkflowLike, stateName: string, request: StateTestRequest<unknown>, options: TestStateOptions): Promise<StateTestOutput<unknown>> {
  if (workflow === null || typeof workflow !== "object" || typeof workflow.toAsl !== "function") {
    throw new TestStateRequestError("ValidationException", "testState(workflow, stateName, …) takes a workflow with toAsl() (a @stepcraft/core workflow); for ASL pass a TestState request: testState({ definition, stateName, … }).");
  }
  // The machine takes the workflow's name, so `$$.StateMachine.Name` and anything recording runs by machine name see the workflow.
  const named = typeof workflow.name === "string" ? { ...options, name: workflow.name } : options;
  const out = await runTestState(awsRequest(JSON.stringify(workflow.toAsl()), stateName, request), named);
  return out.output === undefined ? out : { ...out, parsedOutput: JSON.parse(out.output) as unknown };
}

/** The AWS request for a typed one: values become JSON text. */
function awsRequest(definition: string, stateName: string, request: StateTestRequest<unknown>): TestStateInput {
  const { input, variables, context, mock, stateConfiguration, ...rest } = request;
  const text = (value: unknown): string | undefined => (value === undefined ? undefined : JSON.stringify(value));
  return {
    ...rest,
    definition,
    stateName,
    input: text(input),
    variables: text(variables),
    context: text(context),
    mock:
      mock === undefined
        ? undefined
        : "errorOutput" in mock
          ? { errorOutput: mock.errorOutput, fieldValidationMode: mock.fieldValidationMode }
          : { result: text(mock.result), fieldValidationMode: mock.fieldValidationMode },
    stateConfiguration:
      stateConfiguration === undefined ? undefined : { ...stateConfiguration, mapItemReaderData: text(stateConfiguration.mapItemReaderData) },
  };
}

async function runTestState(request: TestStateInput, options: TestStateOptions): Promise<TestStateOutput> {
  if (request === null || typeof request !== "object") throw new TestStateRequestError("ValidationException", "A TestState request must be an object with at least 'definition'.");
  const definition = parseJsonMember(request.definition, "definition", undefined, "InvalidDefinition");
  if (definition === null || typeof definition !== "object" || Array.isArray(definition)) {
    throw new TestStateRequestError("InvalidDefinition", "'definition' must be the JSON text of a state or of a state machine.");
  }
  const level = request.inspectionLevel ?? "INFO";
  if (level !== "INFO" && level !== "DEBUG" && level !== "TRACE") {
    throw new TestStateRequestError("ValidationException", `inspectionLevel must be INFO, DEBUG or TRACE, not '${String(level)}'.`);
  }
  const found = findTestedState(definition as Record<string, unknown>, request.stateName);
  if (found.fromMachine) validated(() => validateBeforePrepare(definition));
  checkConfiguration(request);
  const input = parseJsonMember(request.input, "input", {}, "InvalidExecutionInput");
  const variables = parseObjectMember(request.variables, "variables");
  const context = parseObjectMember(request.context, "context");
  const mock = mockResponse(request, found);
  const waits = needsMock(found.def);
  if (waits !== undefined && mock === undefined && options.tasks === undefined && options.resolveTask === undefined) {
    throw new TestStateRequestError("ValidationException", `TestState runs ${waits} only with a mock: add mock: { result: … } or mock: { errorOutput: … } (or bind the resource in testState's options.tasks).`);
  }
  const groupMocked = mock !== undefined && found.def["Type"] !== "Task";
  const isolated = isolate(found, groupMocked);
  if (!found.fromMachine) validated(() => validateBeforePrepare(isolated.definition));

  const stages: InspectedStages = {};
  const retryCount = request.stateConfiguration?.retrierRetryCount ?? 0;
  const base = options.resolveTask ?? createTaskResolver({ tasks: options.tasks ?? {}, lambdaErrorFormat: options.lambdaErrorFormat ?? "nodejs", region: options.region ?? "us-east-1", accountId: options.accountId ?? "123456789012" });
  const machine = prepareStateMachine(isolated.definition, {
    ...options,
    validate: false,
    ...(request.roleArn === undefined ? {} : { roleArn: request.roleArn }),
    resolveTask: mock === undefined ? base : createMockResolver({ states: { [found.name]: mock } }, { fallback: base }),
    dataFlow: inspectingDataFlow(`/States/${found.name}`, stages, retryCount),
  });
  const execution = machine.start(input, { ...startOptionsFrom(context), ...(variables === undefined ? {} : { variables }) });
  const result = await execution.result;
  const nextState = nextStateOf(execution.history, isolated.targets);
  // A state whose data stages never ran (Fail) still shows its input, as AWS does.
  stages.input ??= input;
  if (found.def["Type"] === "Fail" && languageOf(found) === "JSONPath") stages.afterInputPath ??= input;
  return respond(found, result, stages, nextState, retryCount, level, variables);
}

function languageOf(found: FoundState): unknown {
  return found.def["QueryLanguage"] ?? found.machineLanguage;
}

function validated(check: () => void): void {
  try {
    check();
  } catch (e) {
    if (e instanceof InvalidDefinitionError) throw new TestStateRequestError("InvalidDefinition", e.cause);
    throw e;
  }
}

/** `context.Execution.Name`, `Id` and `StartTime` become the execution's. */
function startOptionsFrom(context: Record<string, unknown> | undefined): StartOptions {
  const execution = context?.["Execution"];
  if (execution === null || typeof execution !== "object") return {};
  const { Name: name, Id: id, StartTime: startTime } = execution as Record<string, unknown>;
  const start = typeof startTime === "string" ? new Date(startTime) : undefined;
  if (start !== undefined && Number.isNaN(start.getTime())) {
    throw new TestStateRequestError("ValidationException", `context.Execution.StartTime must be an ISO 8601 timestamp, not '${String(startTime)}'.`);
  }
  return {
    ...(typeof name === "string" ? { name } : {}),
    ...(typeof id === "string" ? { executionArn: id } : {}),
    ...(start === undefined ? {} : { startTime: start }),
  };
}

/** The transition target the tested state chose: the first placeholder the execution entered. */
function nextStateOf(history: readonly { readonly type: string; readonly [key: string]: unknown }[], targets: ReadonlyMap<string, string>): string | undefined {
  for (const event of history) {
    if (event.type !== "SucceedStateEntered") continue;
    const name = (event["stateEnteredEventDetails"] as { name?: string } | undefined)?.name;
    if (name !== undefined && targets.has(name)) return targets.get(name);
  }
  return undefined;
}

interface Failure {
  readonly error: string;
  readonly cause: string | undefined;
}

/** The retrier that would retry this error after `retryCount` retries, and its back-off. */
function retryOf(found: FoundState, failure: Failure, retryCount: number): { index: number; backoffSeconds: number } | undefined {
  const retriers = compileRetriers(found.def["Retry"]);
  const index = retriers.findIndex((r) => errorMatches(r.errorEquals, failure.error));
  if (index < 0) return undefined;
  const attempts: number[] = [];
  attempts[index] = retryCount;
  // No jitter: the back-off reported is the full interval, in whole seconds (AWS's field is an integer).
  const delay = nextRetryDelay(retriers, attempts, new StatesError(failure.error, failure.cause ?? ""), () => 1);
  return delay === undefined ? undefined : { index, backoffSeconds: Math.floor(delay / 1000) };
}

function json(value: unknown): string | undefined {
  return value === undefined ? undefined : JSON.stringify(value);
}

function respond(
  found: FoundState,
  result: ExecutionResult,
  stages: InspectedStages,
  nextState: string | undefined,
  retryCount: number,
  level: "INFO" | "DEBUG" | "TRACE",
  seededVariables: Record<string, unknown> | undefined,
): TestStateOutput {
  const caught = stages.caught;
  const failure: Failure | undefined =
    caught !== undefined
      ? { error: caught.errorOutput.Error, cause: caught.errorOutput.Cause }
      : result.status === "SUCCEEDED"
        ? undefined
        : { error: result.error ?? "", cause: result.cause };
  const out: TestStateOutput = {};
  const inspection: InspectionData = level === "INFO" ? {} : inspectionOf(found, stages, seededVariables);
  if (failure === undefined) {
    out.status = "SUCCEEDED";
    setIfDefined(out, "output", json(stages.output ?? result.output));
    setIfDefined(out, "nextState", nextState);
  } else {
    setIfDefined(out, "error", failure.error);
    setIfDefined(out, "cause", failure.cause);
    // The 5-minute limit of a TestState run is no error of the state: no Retrier applies.
    const retry = result.status === "TIMED_OUT" ? undefined : retryOf(found, failure, retryCount);
    if (retry !== undefined) {
      out.status = "RETRIABLE";
      inspection.errorDetails = { retryIndex: retry.index, retryBackoffIntervalSeconds: retry.backoffSeconds };
    } else if (caught !== undefined) {
      out.status = "CAUGHT_ERROR";
      setIfDefined(out, "output", json(stages.output));
      setIfDefined(out, "nextState", nextState);
      inspection.errorDetails = { catchIndex: caught.index };
    } else {
      out.status = "FAILED";
    }
  }
  if (level !== "INFO") out.inspectionData = inspection;
  return out;
}

function setIfDefined<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}

/** DEBUG/TRACE inspection data: the stages the state went through, and Map settings. */
function inspectionOf(found: FoundState, stages: InspectedStages, seededVariables: Record<string, unknown> | undefined): InspectionData {
  const data: InspectionData = {};
  const language = languageOf(found);
  for (const key of ["input", "afterInputPath", "afterParameters", "afterArguments", "result", "afterResultSelector", "afterResultPath"] as const) {
    // Recorded on AWS: a JSONata Map's inspection data has no `result`.
    if (key === "result" && found.def["Type"] === "Map" && language === "JSONata") continue;
    setIfDefined(data, key, json(stages[key]));
  }
  const variables = variablesAfter(stages, seededVariables);
  if (variables !== undefined) data.variables = JSON.stringify(variables);
  if (found.def["Type"] === "Map") {
    setIfDefined(data, "afterItemsPath", json(itemsAfterItemsPath(found, stages, language)));
    data.maxConcurrency = typeof found.def["MaxConcurrency"] === "number" ? found.def["MaxConcurrency"] : 0;
    if (typeof found.def["ToleratedFailureCount"] === "number") data.toleratedFailureCount = found.def["ToleratedFailureCount"];
    if (typeof found.def["ToleratedFailurePercentage"] === "number") data.toleratedFailurePercentage = found.def["ToleratedFailurePercentage"];
  }
  return data;
}

/** A JSONPath Map's items: its ItemsPath (default `$`) applied to the input after InputPath. */
function itemsAfterItemsPath(found: FoundState, stages: InspectedStages, language: unknown): unknown {
  if (language !== "JSONPath" || stages.afterInputPath === undefined || stages.frame === undefined) return undefined;
  const path = typeof found.def["ItemsPath"] === "string" ? found.def["ItemsPath"] : "$";
  const items = compileReferencePath(path).evaluate(stages.afterInputPath, stages.frame);
  return items === NOT_FOUND ? undefined : items;
}

/** Every variable in scope once the state ran (the seeded ones when it never touched the scope). */
function variablesAfter(stages: InspectedStages, seeded: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  const scope = stages.frame?.variables;
  if (scope === undefined) return seeded;
  const names = scope.ownNames();
  if (names.length === 0) return seeded;
  return Object.fromEntries(names.map((name) => [name, scope.read(name)]));
}
