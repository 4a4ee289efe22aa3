import type { MockResponse } from "../mocks/types.ts";
import { isActivityArn } from "../tasks/activity-arn.ts";
import { variableNameProblem } from "../variables/names.ts";
import { integrationShape } from "./integration-shapes.ts";
import { innerStateNames } from "./isolate.ts";
import type { FoundState } from "./isolate.ts";
import { mockResultProblem } from "./mock-validation.ts";
import { TestStateRequestError } from "./types.ts";
import type { MockInput, TestStateConfiguration, TestStateInput } from "./types.ts";
import { isJsonObject } from "../data/json-values.ts";

/** Parses a JSON text member of the request, saying which member is wrong. */
export function parseJsonMember(text: string | undefined, member: string, fallback: unknown, code: TestStateRequestError["code"] = "ValidationException"): unknown {
  if (text === undefined) return fallback;
  if (typeof text !== "string") throw new TestStateRequestError("ValidationException", `'${member}' must be JSON text (a string), not ${typeof text}.`);
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new TestStateRequestError(code, `'${member}' is not valid JSON: ${(e as Error).message}`);
  }
}

/** A JSON object member (`variables`, `context`). */
export function parseObjectMember(text: string | undefined, member: string): Record<string, unknown> | undefined {
  const value = parseJsonMember(text, member, undefined);
  if (value === undefined) return undefined;
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new TestStateRequestError("ValidationException", `'${member}' must be the JSON text of an object, e.g. '{"name": "value"}'.`);
  }
  return value as Record<string, unknown>;
}

/** `variables`: a JSON object whose keys are valid variable names. */
export function parseVariables(text: string | undefined): Record<string, unknown> | undefined {
  const variables = parseObjectMember(text, "variables");
  for (const name of Object.keys(variables ?? {})) {
    const problem = variableNameProblem(name);
    if (problem !== undefined) throw new TestStateRequestError("ValidationException", `'variables': ${problem}.`);
  }
  return variables;
}

/** States AWS lets a mock answer: Task, Map and Parallel (a mock of any other type is refused). */
const MOCKABLE = new Set(["Task", "Map", "Parallel"]);

/** The mock of the tested state as a mock response of the runtime's own mocks, checked as AWS checks it. */
export function mockResponse(request: TestStateInput, found: FoundState): MockResponse | undefined {
  const mock: MockInput | undefined = request.mock;
  if (mock === undefined) return undefined;
  if (!isJsonObject(mock as unknown)) throw new TestStateRequestError("ValidationException", `'mock' must be an object: { result: '<JSON text>' } or { errorOutput: { error, cause } }.`);
  const type = String(found.def["Type"]);
  if (!MOCKABLE.has(type)) throw new TestStateRequestError("ValidationException", `State type '${type}' is not supported when a mock is specified`);
  const hasResult = mock.result !== undefined;
  const hasError = mock.errorOutput !== undefined;
  if (hasResult === hasError) throw new TestStateRequestError("ValidationException", "A mock needs exactly one of 'result' and 'errorOutput'.");
  const mode = mock.fieldValidationMode ?? "STRICT";
  if (mode !== "STRICT" && mode !== "PRESENT" && mode !== "NONE") {
    throw new TestStateRequestError("ValidationException", `mock.fieldValidationMode must be STRICT, PRESENT or NONE, not '${String(mode)}'.`);
  }
  checkErrorCausedByState(request, found);
  if (hasError) return mockedError(mock.errorOutput);
  const result = parseJsonMember(mock.result, "mock.result", undefined);
  if (type === "Task") {
    const shape = integrationShape(String(found.def["Resource"]));
    const problem = shape === undefined ? undefined : mockResultProblem(result, shape, mode);
    if (problem !== undefined) throw new TestStateRequestError("ValidationException", problem);
    return { taskResult: result };
  }
  return groupResult(type, found, result, request.stateConfiguration?.mapIterationFailureCount);
}

/** `mock.errorOutput` as the runtime's mock error: the Error name is needed (Retry and Catch match it). */
function mockedError(errorOutput: unknown): MockResponse {
  const { error, cause } = isJsonObject(errorOutput) ? errorOutput : { error: undefined, cause: undefined };
  if (typeof error !== "string" || error === "") {
    throw new TestStateRequestError("ValidationException", "mock.errorOutput.error must be a non-empty string: the Error name Retry and Catch match, e.g. { error: 'Lambda.ServiceException', cause: '…' }.");
  }
  if (cause !== undefined && typeof cause !== "string") throw new TestStateRequestError("ValidationException", "mock.errorOutput.cause must be a string.");
  return cause === undefined ? { error } : { error, cause };
}


/** A mocked Map's or Parallel's result: an array (one entry per branch), and Map failure tolerance. */
function groupResult(type: string, found: FoundState, result: unknown, failures: number | undefined): MockResponse {
  // A Map with a ResultWriter answers with the writer's object instead of the results.
  const writesResults = type === "Map" && found.def["ResultWriter"] !== undefined;
  if (writesResults && result !== null && typeof result === "object" && !Array.isArray(result)) return { taskResult: result };
  if (!Array.isArray(result)) {
    throw new TestStateRequestError("ValidationException", `The mocked result of a ${type} state must be a JSON array (its ${type === "Map" ? "iterations'" : "branches'"} outputs)${writesResults ? ", or the ResultWriter's object" : ""}.`);
  }
  const branches = found.def["Branches"];
  if (type === "Parallel" && Array.isArray(branches) && branches.length !== result.length) {
    throw new TestStateRequestError("ValidationException", `The mocked result of the Parallel state has ${result.length} entries; it has ${branches.length} branches.`);
  }
  if (type !== "Map" || failures === undefined || failures === 0) return { taskResult: result };
  if (failures > result.length) {
    throw new TestStateRequestError("ValidationException", `stateConfiguration.mapIterationFailureCount (${failures}) cannot exceed the number of iterations (${result.length}, the mocked results).`);
  }
  if (exceedsTolerance(found.def, failures, result.length)) {
    return { error: "States.ExceedToleratedFailureThreshold", cause: "The specified tolerated failure threshold was exceeded" };
  }
  return { taskResult: result };
}

/** Whether `failures` of `total` iterations fail the Map (no tolerance set: any failure does). */
export function exceedsTolerance(def: Readonly<Record<string, unknown>>, failures: number, total: number): boolean {
  const count = typeof def["ToleratedFailureCount"] === "number" ? def["ToleratedFailureCount"] : undefined;
  const percentage = typeof def["ToleratedFailurePercentage"] === "number" ? def["ToleratedFailurePercentage"] : undefined;
  if (count === undefined && percentage === undefined) return failures > 0;
  if (count !== undefined && failures > count) return true;
  return percentage !== undefined && total > 0 && (failures / total) * 100 > percentage;
}

function checkErrorCausedByState(request: TestStateInput, found: FoundState): void {
  const origin = request.stateConfiguration?.errorCausedByState;
  if (origin === undefined) return;
  const inner = innerStateNames(found.def);
  if (inner.length === 0) throw new TestStateRequestError("ValidationException", "stateConfiguration.errorCausedByState applies to a Map or Parallel state only.");
  if (!inner.includes(origin)) {
    throw new TestStateRequestError("ValidationException", `stateConfiguration.errorCausedByState '${origin}' names no state inside '${found.name}'. Its states: ${inner.map((n) => `'${n}'`).join(", ")}.`);
  }
}

/** Task resources AWS's TestState runs only with a mock: they wait for someone outside the state. */
export function needsMock(def: Readonly<Record<string, unknown>>): string | undefined {
  if (def["Type"] !== "Task") return undefined;
  const resource = String(def["Resource"]);
  if (resource.endsWith(".waitForTaskToken")) return "a .waitForTaskToken Task";
  if (/\.sync(:2)?$/.test(resource)) return "a .sync Task";
  if (isActivityArn(resource)) return "an activity Task";
  return undefined;
}

/** Checks `stateName` and the members of `stateConfiguration`. */
export function checkConfiguration(request: TestStateInput): void {
  if (request.stateName !== undefined && typeof request.stateName !== "string") {
    throw new TestStateRequestError("ValidationException", `stateName must be a string, not ${JSON.stringify(request.stateName)}.`);
  }
  const config: TestStateConfiguration = request.stateConfiguration ?? {};
  if (!isJsonObject(config as unknown)) throw new TestStateRequestError("ValidationException", "stateConfiguration must be an object, e.g. { retrierRetryCount: 1 }.");
  for (const member of ["retrierRetryCount", "mapIterationFailureCount"] as const) {
    const value = config[member];
    if (value !== undefined && (!Number.isInteger(value) || value < 0)) {
      throw new TestStateRequestError("ValidationException", `stateConfiguration.${member} must be a whole number ≥ 0, not ${JSON.stringify(value)}.`);
    }
  }
  // The ItemReader's data as found in its source: JSON, JSON Lines, CSV… (its ReaderConfig parses it).
  const data: unknown = config.mapItemReaderData;
  if (data !== undefined && typeof data !== "string") {
    throw new TestStateRequestError("ValidationException", "stateConfiguration.mapItemReaderData must be the text the ItemReader would read (a string), e.g. 'id,qty\\n1,2'.");
  }
  if (typeof data === "string" && data.length > 262_144) {
    throw new TestStateRequestError("ValidationException", `stateConfiguration.mapItemReaderData is ${data.length} characters; TestState takes at most 262144.`);
  }
}
