import { randomUUID } from "node:crypto";
import type { StatesError } from "../errors.ts";
import { PartialStatesError } from "../engine/failure.ts";

/** The Lambda error payload AWS puts in the Cause, in the chosen runtime's format. */
export function lambdaErrorPayload(
  errorType: string,
  errorMessage: string,
  stack: string | undefined,
  format: "nodejs" | "python",
): Record<string, unknown> {
  if (format === "python") {
    return {
      errorMessage,
      errorType,
      requestId: randomUUID(),
      stackTrace: [`  File "/var/task/handler.py", line 1, in handler\n`],
    };
  }
  return {
    errorType,
    errorMessage,
    trace: (stack ?? `${errorType}: ${errorMessage}`).split("\n"),
  };
}

/**
 * Serialises the payload as the Lambda service would: the legacy Lambda resource (Python) shows
 * Python's `json.dumps` spacing, the `lambda:invoke` integration the compact form.
 */
export function lambdaErrorCause(payload: Record<string, unknown>, pythonSpacing: boolean): string {
  if (!pythonSpacing) return JSON.stringify(payload);
  return pythonJsonDumps(payload);
}

function pythonJsonDumps(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(pythonJsonDumps).join(", ")}]`;
  if (value !== null && typeof value === "object") {
    const parts = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${pythonJsonDumps(v)}`);
    return `{${parts.join(", ")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/**
 * A thrown value that is not an Error, as the Node.js runtime reports it: errorType is its
 * `typeof` ("string", "object" for null, "number"…), errorMessage `String(value)`, and an empty
 * trace (no stack exists; our own frames must not appear).
 */
export function thrownNonError(value: unknown): StatesError {
  const errorType = typeof value;
  return new PartialStatesError(errorType, JSON.stringify({ errorType, errorMessage: String(value), trace: [] }));
}

/**
 * The Lambda runtime could not serialise the function's result (a BigInt, a cycle, a throwing
 * toJSON): Node.js reports Runtime.JSONStringifyError "Unable to stringify response body",
 * Python Runtime.MarshalError. `reason` is what JSON.stringify said.
 */
export function unserializableLambdaResult(reason: string, format: "nodejs" | "python"): StatesError {
  if (format === "python") {
    const payload = lambdaErrorPayload("Runtime.MarshalError", `Unable to marshal response: ${reason}`, undefined, "python");
    return new PartialStatesError("Runtime.MarshalError", lambdaErrorCause(payload, false));
  }
  const errorType = "Runtime.JSONStringifyError";
  const errorMessage = "Unable to stringify response body";
  return new PartialStatesError(errorType, JSON.stringify({ errorType, errorMessage, trace: [`${errorType}: ${errorMessage}`] }));
}
