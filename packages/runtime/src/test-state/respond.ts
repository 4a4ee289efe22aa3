import { StatesError } from "../errors.ts";
import { compileReferencePath, NOT_FOUND } from "../engine/data-bridge.ts";
import type { ExecutionResult } from "../engine/execution.ts";
import { compileRetriers, errorMatches, nextRetryDelay } from "../engine/retry.ts";
import { httpTrace, isHttpTask } from "./http-trace.ts";
import type { HttpTraceOptions } from "./http-trace.ts";
import type { InspectedStages } from "./inspection.ts";
import { languageOf } from "./isolate.ts";
import type { FoundState } from "./isolate.ts";
import type { InspectionData, TestStateOutput } from "./types.ts";

// TestState's answer, read from one run of the tested state: its status (with the state's own
// Retry deciding RETRIABLE, since the run itself never retries), output, next state and, at
// DEBUG/TRACE, the inspection data.

export interface Failure {
  readonly error: string;
  readonly cause: string | undefined;
}

/** The retrier that would retry this error after `retryCount` retries, and its back-off. */
export function retryOf(found: FoundState, failure: Failure, retryCount: number): { index: number; backoffSeconds: number } | undefined {
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

export function respond(
  found: FoundState,
  result: ExecutionResult,
  stages: InspectedStages,
  nextState: string | undefined,
  retryCount: number,
  level: "INFO" | "DEBUG" | "TRACE",
  seededVariables: Record<string, unknown> | undefined,
  /** How TRACE shows an HTTP Task's request (secrets, region, connections). */
  http: HttpTraceOptions,
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
  if (level === "TRACE" && found.def["Type"] === "Task" && isHttpTask(found.def["Resource"])) {
    Object.assign(inspection, httpTrace(effectiveInputOf(found, stages), stages.result, http));
  }
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
    // Recorded on AWS (both languages): a Map's inspection data has no `result`, and no
    // `afterParameters` (its Parameters are the legacy ItemSelector: `afterItemSelector`).
    if ((key === "result" || key === "afterParameters") && found.def["Type"] === "Map") continue;
    setIfDefined(data, key, json(stages[key]));
  }
  const variables = variablesAfter(stages, seededVariables);
  if (variables !== undefined) data.variables = JSON.stringify(variables);
  if (found.def["Type"] === "Map") {
    setIfDefined(data, "afterItemsPath", json(itemsAfterItemsPath(found, stages, language)));
    setIfDefined(data, "afterItemSelector", json(stages.afterItemSelector));
    setIfDefined(data, "afterItemBatcher", json(stages.afterItemBatcher));
    setIfDefined(data, "afterItemsPointer", json(stages.afterItemsPointer));
    data.maxConcurrency = typeof found.def["MaxConcurrency"] === "number" ? found.def["MaxConcurrency"] : 0;
    if (typeof found.def["ToleratedFailureCount"] === "number") data.toleratedFailureCount = found.def["ToleratedFailureCount"];
    if (typeof found.def["ToleratedFailurePercentage"] === "number") data.toleratedFailurePercentage = found.def["ToleratedFailurePercentage"];
  }
  return data;
}

/** What the state's task got: after Parameters/Arguments, or its input (after InputPath) without them. */
function effectiveInputOf(found: FoundState, stages: InspectedStages): unknown {
  return languageOf(found) === "JSONata" ? (stages.afterArguments ?? stages.input) : (stages.afterParameters ?? stages.afterInputPath);
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
