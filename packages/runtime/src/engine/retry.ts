import type { StatesError } from "../errors.ts";
import { HeartbeatTimeoutError, UNRECOVERABLE } from "./failure.ts";

/** A Retrier with AWS's defaults applied. */
export interface Retrier {
  readonly errorEquals: readonly string[];
  readonly intervalSeconds: number;
  readonly maxAttempts: number;
  readonly backoffRate: number;
  readonly maxDelaySeconds: number | undefined;
  readonly jitter: "FULL" | "NONE";
}

/**
 * True when an `ErrorEquals` list matches the error name (States.ALL / States.TaskFailed
 * wildcards). `heartbeat` marks a heartbeat expiry: reported as States.Timeout, it also matches
 * `States.HeartbeatTimeout`, the name AWS documents for it in Retry and Catch.
 */
export function errorMatches(errorEquals: readonly string[], error: string, heartbeat = false): boolean {
  if (UNRECOVERABLE.has(error)) return false;
  for (const name of errorEquals) {
    if (name === error || name === "States.ALL") return true;
    if (name === "States.TaskFailed" && error !== "States.Timeout" && error !== "States.HeartbeatTimeout") return true;
    if (name === "States.HeartbeatTimeout" && heartbeat) return true;
  }
  return false;
}

/** Compiles a state's `Retry` array (absent: none). */
export function compileRetriers(retry: unknown): Retrier[] {
  if (!Array.isArray(retry)) return [];
  return retry.map((r: Record<string, unknown>) => ({
    errorEquals: Array.isArray(r["ErrorEquals"]) ? (r["ErrorEquals"] as string[]) : [],
    intervalSeconds: typeof r["IntervalSeconds"] === "number" ? r["IntervalSeconds"] : 1,
    maxAttempts: typeof r["MaxAttempts"] === "number" ? r["MaxAttempts"] : 3,
    backoffRate: typeof r["BackoffRate"] === "number" ? r["BackoffRate"] : 2,
    maxDelaySeconds: typeof r["MaxDelaySeconds"] === "number" ? r["MaxDelaySeconds"] : undefined,
    jitter: r["JitterStrategy"] === "FULL" ? "FULL" : "NONE",
  }));
}

/**
 * Decides whether to retry: the first retrier naming the error applies (an exhausted one does not
 * fall through to later ones). Returns the delay in ms, or undefined to stop retrying.
 * `attempts` holds each retrier's count for this state visit and is updated.
 */
export function nextRetryDelay(
  retriers: readonly Retrier[],
  attempts: number[],
  error: StatesError,
  random: () => number,
): number | undefined {
  for (let i = 0; i < retriers.length; i++) {
    const r = retriers[i]!;
    if (!errorMatches(r.errorEquals, error.error, error instanceof HeartbeatTimeoutError)) continue;
    const done = attempts[i] ?? 0;
    if (done >= r.maxAttempts) return undefined;
    attempts[i] = done + 1;
    let delay = r.intervalSeconds * Math.pow(r.backoffRate, done);
    if (r.maxDelaySeconds !== undefined && delay > r.maxDelaySeconds) delay = r.maxDelaySeconds;
    if (r.jitter === "FULL") delay = random() * delay;
    return delay * 1000;
  }
  return undefined;
}
