import type { Frame, MapItemContext } from "../engine/frame.ts";
import { prepareStateMachine } from "../engine/machine.ts";
import type { StateMachineOptions } from "../engine/machine.ts";
import { InvalidDefinitionError, validateBeforePrepare } from "../engine/validation-bridge.ts";
import { createMockResolver } from "../mocks/mock-resolver.ts";
import { createTaskResolver } from "../tasks/resolve.ts";
import { creditTestedState, isolatedRecorder } from "./coverage-credit.ts";
import type { HttpConnection } from "./http-trace.ts";
import { inspectingDataFlow } from "./inspection.ts";
import { itemsAfterPointer, mapItemStages } from "./map-inspection.ts";
import type { MapItemStages } from "./map-inspection.ts";
import { itemReaderDataStore } from "./item-reader-data.ts";
import type { InspectedStages } from "./inspection.ts";
import { findTestedState, isolate, languageOf } from "./isolate.ts";
import type { FoundState } from "./isolate.ts";
import { respond } from "./respond.ts";
import { testWorkflowState } from "./typed-form.ts";
import { checkConfiguration, mockResponse, needsMock, parseJsonMember, parseVariables } from "./parse-request.ts";
import { parseContextObject } from "./context-object.ts";
import { TestStateRequestError } from "./types.ts";
import type { StateTestOutput, StateTestRequest, TestStateInput, TestStateOutput } from "./types.ts";
import type { WorkflowLike } from "../testing/setup.ts";

/** How the tested state's unmocked Tasks are bound, and the account it runs in (not part of AWS's request). */
export type TestStateOptions = Pick<StateMachineOptions, "name" | "tasks" | "resolveTask" | "region" | "accountId" | "lambdaErrorFormat" | "objectStore"> & {
  /**
   * EventBridge connections by ARN: what each adds to the requests of the HTTP Tasks naming it
   * (`Authentication.ConnectionArn`). TRACE shows it in `inspectionData.request` only with
   * `revealSecrets: true`, as AWS does. @default none
   */
  readonly connections?: Readonly<Record<string, HttpConnection>>;
};

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
  if (typeof second === "string") return testWorkflowState(source as WorkflowLike, second, request ?? {}, options ?? {}, runTestState);
  return runTestState(source as TestStateInput, second ?? {});
}

/** Runs a TestState request (AWS's members). */
export async function runTestState(request: TestStateInput, options: TestStateOptions): Promise<TestStateOutput> {
  if (request === null || typeof request !== "object") throw new TestStateRequestError("ValidationException", "A TestState request must be an object with at least 'definition'.");
  const definition = parseJsonMember(request.definition, "definition", undefined, "InvalidDefinition");
  if (definition === null || typeof definition !== "object" || Array.isArray(definition)) {
    throw new TestStateRequestError("InvalidDefinition", "'definition' must be the JSON text of a state or of a state machine.");
  }
  const level = request.inspectionLevel ?? "INFO";
  if (level !== "INFO" && level !== "DEBUG" && level !== "TRACE") {
    throw new TestStateRequestError("ValidationException", `inspectionLevel must be INFO, DEBUG or TRACE, not '${String(level)}'.`);
  }
  checkConfiguration(request);
  const found = findTestedState(definition as Record<string, unknown>, request.stateName);
  if (found.fromMachine) validated(() => validateBeforePrepare(definition));
  const input = parseJsonMember(request.input, "input", {}, "InvalidExecutionInput");
  const variables = parseVariables(request.variables);
  const context = parseContextObject(request.context, found);
  const mock = mockResponse(request, found);
  const waits = needsMock(found.def);
  if (waits !== undefined && mock === undefined && options.tasks === undefined && options.resolveTask === undefined) {
    throw new TestStateRequestError("ValidationException", `TestState runs ${waits} only with a mock: add mock: { result: … } or mock: { errorOutput: … } (or bind the resource in testState's options.tasks).`);
  }
  const groupMocked = mock !== undefined && found.def["Type"] !== "Task";
  const isolated = isolate(found, groupMocked);
  if (!found.fromMachine) validated(() => validateBeforePrepare(isolated.definition));

  const stages: InspectedStages = {};
  // A Map's item stages (DEBUG/TRACE) are computed from its effective input while it runs.
  let mapItems: Promise<MapItemStages> | undefined;
  const onEffectiveInput =
    level !== "INFO" && found.def["Type"] === "Map"
      ? (effective: unknown, frame: Frame) => void (mapItems = mapItemStages(found.def, languageOf(found) === "JSONata" ? "JSONata" : "JSONPath", effective, frame))
      : undefined;
  const retryCount = request.stateConfiguration?.retrierRetryCount ?? 0;
  const base = options.resolveTask ?? createTaskResolver({ tasks: options.tasks ?? {}, lambdaErrorFormat: options.lambdaErrorFormat ?? "nodejs", region: options.region ?? "us-east-1", accountId: options.accountId ?? "123456789012" });
  // A mocked Map reads nothing; an unmocked one reads mapItemReaderData in place of its object.
  const objectStore = groupMocked ? options.objectStore : itemReaderDataStore(request.stateConfiguration?.mapItemReaderData, found.def, options.objectStore);
  // Coverage goes to the machine the state was taken from (coverage-credit.ts), never to the
  // isolated one-state machine.
  const recorder = isolatedRecorder(found);
  const machine = prepareStateMachine(isolated.definition, {
    ...options,
    ...(objectStore === undefined ? {} : { objectStore }),
    coverage: recorder ?? false,
    validate: false,
    ...(request.roleArn === undefined ? {} : { roleArn: request.roleArn }),
    resolveTask: mock === undefined ? base : createMockResolver({ states: { [found.name]: mock } }, { fallback: base }),
    dataFlow: inspectingDataFlow(`/States/${found.name}`, stages, { retryCount, mapItem: found.insideMap && context === undefined ? firstIteration(input) : undefined, context, onEffectiveInput }),
  });
  const execution = machine.start(input, variables === undefined ? {} : { variables });
  const result = await execution.result;
  if (mapItems !== undefined) Object.assign(stages, await mapItems);
  if (level !== "INFO" && found.def["Type"] === "Map") stages.afterItemsPointer = itemsAfterPointer(found.def, request.stateConfiguration?.mapItemReaderData);
  const nextState = nextStateOf(execution.history, isolated.targets);
  // A state whose data stages never ran (Fail) still shows its input, as AWS does.
  stages.input ??= input;
  if (found.def["Type"] === "Fail" && languageOf(found) === "JSONPath") stages.afterInputPath ??= input;
  const http = { revealSecrets: request.revealSecrets === true, region: options.region ?? "us-east-1", connections: options.connections };
  const response = respond(found, result, stages, nextState, retryCount, level, variables, http);
  if (recorder !== undefined) creditTestedState(recorder, isolated.targets, { definition, name: options.name ?? "StateMachine" }, found, response, retryCount);
  return response;
}

function validated(check: () => void): void {
  try {
    check();
  } catch (e) {
    if (e instanceof InvalidDefinitionError) throw new TestStateRequestError("InvalidDefinition", e.cause);
    throw e;
  }
}

/** `$$.Map.Item` of a state inside a Map tested without a `context`: as on AWS, the first iteration over the input. */
function firstIteration(input: unknown): MapItemContext {
  return { Index: 0, Value: input };
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

