import { randomUUID } from "node:crypto";
import { StatesError } from "../errors.ts";

/** The Parameters/Arguments of a `states:startExecution` task, checked. */
export interface StartExecutionRequest {
  readonly stateMachineArn: string;
  readonly input: unknown;
  readonly name: string;
}

/** AWS refuses whitespace, brackets, wildcards, some punctuation and control characters in names. */
const BAD_NAME = /[\s<>{}[\]?*"#%\\^|~`$&,;:/\u0000-\u001f\u007f-\u009f]/;

/** Reads `StateMachineArn`, `Input` (JSON or JSON text) and `Name` as StartExecution would. */
export function startExecutionRequest(parameters: unknown, resource: string): StartExecutionRequest {
  const params = (parameters !== null && typeof parameters === "object" && !Array.isArray(parameters) ? parameters : {}) as Record<string, unknown>;
  const arn = params["StateMachineArn"];
  if (typeof arn !== "string" || arn === "") {
    throw new StatesError("States.Runtime", `The field 'StateMachineArn' is required for resource ${resource}`);
  }
  const name = params["Name"] ?? randomUUID();
  if (typeof name !== "string" || name.length === 0 || name.length > 80 || BAD_NAME.test(name)) {
    throw serviceError("InvalidName", `Invalid Name: '${String(name)}'`);
  }
  return { stateMachineArn: arn, input: executionInput(params["Input"]), name };
}

function executionInput(raw: unknown): unknown {
  if (raw === undefined) return {};
  if (typeof raw !== "string") return raw;
  // A string Input is the execution's JSON text, as the API takes it.
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw serviceError("InvalidExecutionInput", `Invalid State Machine Execution Input: '${raw}'`);
  }
}

/** A StartExecution API error as the Task reports it: `StepFunctions.<ErrorCode>` (e.g. `StepFunctions.ExecutionLimitExceeded`). */
export function serviceError(code: string, message: string): StatesError {
  return new StatesError(
    `StepFunctions.${code}`,
    `${message} (Service: AWSStepFunctions; Status Code: 400; Error Code: ${code}; Request ID: ${randomUUID()}; Proxy: null)`,
  );
}
