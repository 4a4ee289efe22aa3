import { randomUUID } from "node:crypto";

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
