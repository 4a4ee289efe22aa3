import type { ExecutionResult } from "../engine/execution.ts";

/** What is known about one execution started through StartExecution. */
export interface ExecutionRecord {
  readonly executionArn: string;
  readonly stateMachineArn: string;
  readonly name: string;
  readonly input: unknown;
  /** Epoch ms. */
  readonly startDate: number;
}

/**
 * DescribeExecution as `.sync` returns it (`json`: `.sync:2`, with Input and Output as JSON
 * instead of JSON text). Dates are epoch milliseconds, as service integrations serialise them;
 * keys are in the order AWS writes them.
 */
export function describeExecution(
  record: ExecutionRecord,
  result: ExecutionResult | undefined,
  stopDate: number | undefined,
  form: "text" | "json",
): Record<string, unknown> {
  const data = (v: unknown): unknown => (form === "json" ? v : JSON.stringify(v));
  const status = result === undefined ? "RUNNING" : result.status;
  const out: Record<string, unknown> = {};
  if (result?.cause !== undefined) out["Cause"] = result.cause;
  if (result?.error !== undefined) out["Error"] = result.error;
  out["ExecutionArn"] = record.executionArn;
  out["Input"] = data(record.input);
  out["InputDetails"] = { Included: true };
  out["Name"] = record.name;
  if (result?.status === "SUCCEEDED") {
    out["Output"] = data(result.output ?? null);
    out["OutputDetails"] = { Included: true };
  }
  out["RedriveCount"] = 0;
  if (result !== undefined) {
    out["RedriveStatus"] = result.status === "SUCCEEDED" ? "NOT_REDRIVABLE" : "REDRIVABLE";
    if (result.status === "SUCCEEDED") out["RedriveStatusReason"] = "Execution is SUCCEEDED and cannot be redriven";
  }
  out["StartDate"] = record.startDate;
  out["StateMachineArn"] = record.stateMachineArn;
  out["Status"] = status;
  if (stopDate !== undefined) out["StopDate"] = stopDate;
  return out;
}
