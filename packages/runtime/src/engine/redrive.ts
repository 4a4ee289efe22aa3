// RedriveExecution's rules (AWS API reference, RedriveExecution and DescribeExecution's
// redriveStatusReason): which executions may be redriven, and the error when one may not.

/** The longest an execution may run, in seconds (Standard: one year, AWS quotas; Express: five minutes). */
export const MAX_DURATION_SECONDS = { STANDARD: 366 * 24 * 3600, EXPRESS: 300 } as const;

/** How long after it stopped an execution may be redriven: 14 days. */
export const REDRIVE_WINDOW_MS = 14 * 24 * 3600 * 1000;

/** DescribeExecution's `redriveStatus`. */
export type RedriveStatus = "REDRIVABLE" | "NOT_REDRIVABLE";

/** What `redrive()` needs to know about an execution to decide. */
export interface RedriveFacts {
  readonly express: boolean;
  readonly status: "RUNNING" | "SUCCEEDED" | "FAILED" | "TIMED_OUT" | "ABORTED";
  /** When it stopped (execution clock, ms), if it has. */
  readonly stoppedAt: number | undefined;
  readonly now: number;
  readonly historyLimitReached: boolean;
  /** True when it ran past the longest an execution may run (one year). */
  readonly exceededMaxDuration: boolean;
}

/** Why an execution cannot be redriven, in AWS's words, or undefined when it can. */
export function notRedrivableReason(facts: RedriveFacts): string | undefined {
  if (facts.express) return "Execution is of type EXPRESS and cannot be redriven.";
  if (facts.status === "RUNNING") return "Execution is RUNNING and cannot be redriven.";
  if (facts.status === "SUCCEEDED") return "Execution is SUCCEEDED and cannot be redriven.";
  if (facts.historyLimitReached) return "Execution history event limit exceeded.";
  if (facts.exceededMaxDuration) return "Execution has exceeded the max execution time.";
  if (facts.stoppedAt !== undefined && facts.now - facts.stoppedAt > REDRIVE_WINDOW_MS) return "Execution redrivable period exceeded.";
  return undefined;
}

/** RedriveExecution's `ExecutionNotRedrivable`: thrown by `execution.redrive()`. */
export class ExecutionNotRedrivableError extends Error {
  override readonly name = "ExecutionNotRedrivable";
  constructor(
    readonly executionArn: string,
    /** DescribeExecution's `redriveStatusReason`. */
    readonly reason: string,
  ) {
    super(`Execution ${executionArn} cannot be redriven: ${reason}`);
  }
}
