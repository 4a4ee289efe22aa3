// Reads a GetExecutionHistory event list and works out what happened to each state, the way the
// AWS console colours its graph: path taken, where it failed, which states retried.
import { describeJsonType } from "./definition-model.ts";

/** How a state fared in one execution. */
export type StateStatus = "succeeded" | "failed" | "retried" | "not-visited" | "in-progress";

/** One history event; only the fields the graph needs are typed, the rest pass through. */
export interface ExecutionEvent {
  readonly id: number;
  readonly previousEventId?: number;
  readonly timestamp?: unknown;
  readonly type: string;
  readonly stateEnteredEventDetails?: { readonly name?: unknown };
  readonly stateExitedEventDetails?: { readonly name?: unknown };
  readonly [field: string]: unknown;
}

/** What happened to one state across all its visits (loops and Map iterations visit it again). */
export interface StateRun {
  readonly status: StateStatus;
  readonly visits: number;
  /** Extra attempts: TaskScheduled/LambdaFunctionScheduled/ActivityScheduled beyond the first, per visit, summed. */
  readonly retries: number;
  /** An error that was raised in the state and handled by a Catch. */
  readonly caught: boolean;
  /** True when the execution stopped (aborted, or a sibling branch failed) while the state ran. */
  readonly stopped: boolean;
  readonly error?: string;
  readonly cause?: string;
}

/** How the whole execution ended, when the history says. */
export type ExecutionOutcome = "succeeded" | "failed" | "timed-out" | "aborted" | "running";

/** A transition the execution took: one state exited, the next entered right after it. */
export interface TakenTransition {
  readonly from: string;
  readonly to: string;
  /** True when the state left through a Catch (it had failed in that visit). */
  readonly caught: boolean;
}

/** Per-state results plus the execution's outcome. */
export interface ExecutionSummary {
  readonly outcome: ExecutionOutcome;
  readonly states: ReadonlyMap<string, StateRun>;
  readonly transitions: readonly TakenTransition[];
  readonly error?: string;
  readonly cause?: string;
}

/** Thrown when a history file is not an event array (or a GetExecutionHistory response). */
export class HistoryInputError extends Error {
  override readonly name = "HistoryInputError";
}

/** Checks the shape of a history: an array of events, or `{ events: [...] }` as the AWS CLI prints it. */
export function readExecutionHistory(value: unknown): ExecutionEvent[] {
  const list = isRecord(value) && Array.isArray(value["events"]) ? value["events"] : value;
  if (!Array.isArray(list)) {
    throw new HistoryInputError(
      `an execution history must be an array of events (or { "events": [...] } from get-execution-history), not ${describeJsonType(value)}`,
    );
  }
  return list.map((event: unknown, index) => {
    if (!isRecord(event)) throw new HistoryInputError(`event at index ${index} is ${describeJsonType(event)}, not an object`);
    if (typeof event["type"] !== "string") throw new HistoryInputError(`event at index ${index} has no string "type"`);
    if (typeof event["id"] !== "number") throw new HistoryInputError(`event at index ${index} (${event["type"]}) has no numeric "id"`);
    return event as ExecutionEvent;
  });
}

interface Visit {
  readonly name: string;
  readonly stateType: string;
  exited: boolean;
  scheduled: number;
  failed: boolean;
  /** The latest attempt's outcome: a retried task that finally succeeded was not caught. */
  lastAttemptFailed: boolean;
  aborted: boolean;
  error?: string;
  cause?: string;
}

const SCHEDULED = new Set(["TaskScheduled", "LambdaFunctionScheduled", "ActivityScheduled"]);
const EXECUTION_END: Readonly<Record<string, ExecutionOutcome>> = {
  ExecutionSucceeded: "succeeded",
  ExecutionFailed: "failed",
  ExecutionTimedOut: "timed-out",
  ExecutionAborted: "aborted",
};
const STATUS_RANK: Readonly<Record<StateStatus, number>> = { "not-visited": 0, succeeded: 1, retried: 2, "in-progress": 3, failed: 4 };

/** Replays the events in id order and summarises each visited state. */
export function summarizeExecution(events: readonly ExecutionEvent[]): ExecutionSummary {
  const sorted = [...events].sort((a, b) => a.id - b.id);
  const visits: Visit[] = [];
  // Which visit each event belongs to, so previousEventId chains attribute events inside Map
  // iterations and Parallel branches to the right visit even when they interleave.
  const owner = new Map<number, Visit>();
  // StateExited event id -> the visit it closed, to recognise the state a StateEntered follows.
  const exits = new Map<number, Visit>();
  let lastExit: Visit | undefined;
  const transitions = new Map<string, TakenTransition>();
  let outcome: ExecutionOutcome = "running";
  let error: string | undefined;
  let cause: string | undefined;

  for (const event of sorted) {
    const entered = stateName(event.stateEnteredEventDetails);
    if (event.type.endsWith("StateEntered") && entered !== undefined) {
      const visit: Visit = { name: entered, stateType: event.type.slice(0, -"StateEntered".length), exited: false, scheduled: 0, failed: false, lastAttemptFailed: false, aborted: false };
      visits.push(visit);
      owner.set(event.id, visit);
      const before = event.previousEventId === undefined ? lastExit : exits.get(event.previousEventId);
      if (before) {
        const taken = { from: before.name, to: entered, caught: before.lastAttemptFailed };
        transitions.set(`${taken.from}\u0000${taken.to}\u0000${taken.caught}`, taken);
      }
      lastExit = undefined;
      continue;
    }
    const exited = stateName(event.stateExitedEventDetails);
    if (event.type.endsWith("StateExited") && exited !== undefined) {
      const visit = findVisit(event, owner, visits, exited);
      if (visit) {
        visit.exited = true;
        exits.set(event.id, visit);
      }
      lastExit = visit;
      continue;
    }
    const end = EXECUTION_END[event.type];
    if (end !== undefined) {
      outcome = end;
      ({ error, cause } = failureDetails(event));
      continue;
    }
    const visit = findContainerVisit(event, visits) ?? findVisit(event, owner, visits, undefined);
    if (!visit) continue;
    owner.set(event.id, visit);
    if (SCHEDULED.has(event.type)) visit.scheduled++;
    if (/(Failed|TimedOut)$/.test(event.type) && !event.type.startsWith("MapIteration")) {
      visit.failed = true;
      visit.lastAttemptFailed = true;
      const details = failureDetails(event);
      if (details.error !== undefined) visit.error = details.error;
      if (details.cause !== undefined) visit.cause = details.cause;
    }
    if (/^(Task|LambdaFunction|Activity)Succeeded$/.test(event.type)) visit.lastAttemptFailed = false;
    if (event.type.endsWith("Aborted") && !event.type.startsWith("MapIteration")) visit.aborted = true;
  }

  const states = new Map<string, StateRun>();
  for (const visit of visits) {
    const run = visitRun(visit, outcome);
    const before = states.get(visit.name);
    states.set(visit.name, before === undefined ? run : mergeRuns(before, run));
  }
  return { outcome, states, transitions: [...transitions.values()], ...(error === undefined ? {} : { error }), ...(cause === undefined ? {} : { cause }) };
}

function visitRun(visit: Visit, outcome: ExecutionOutcome): StateRun {
  const retries = Math.max(0, visit.scheduled - 1);
  const base = { visits: 1, retries, caught: visit.exited && visit.lastAttemptFailed, stopped: false };
  const details = { ...(visit.error === undefined ? {} : { error: visit.error }), ...(visit.cause === undefined ? {} : { cause: visit.cause }) };
  // Errors of retried attempts stay in the details: they explain the retry badge.
  if (visit.exited) return { ...base, status: retries > 0 ? "retried" : "succeeded", ...(visit.failed ? details : {}) };
  // Never exited: it failed, was stopped, or is still running.
  if (visit.failed || visit.stateType === "Fail") return { ...base, status: "failed", ...details };
  if (visit.aborted || outcome === "aborted") return { ...base, status: "in-progress", stopped: true };
  if (outcome === "failed" || outcome === "timed-out") return { ...base, status: "failed", ...details };
  return { ...base, status: "in-progress" };
}

function mergeRuns(a: StateRun, b: StateRun): StateRun {
  const worse = STATUS_RANK[b.status] > STATUS_RANK[a.status] ? b : a;
  return {
    ...worse,
    visits: a.visits + b.visits,
    retries: a.retries + b.retries,
    caught: a.caught || b.caught,
    stopped: a.stopped || b.stopped,
  };
}

/** The visit an event belongs to: through previousEventId when it leads somewhere, else the latest open one. */
function findVisit(event: ExecutionEvent, owner: ReadonlyMap<number, Visit>, visits: readonly Visit[], name: string | undefined): Visit | undefined {
  const linked = event.previousEventId === undefined ? undefined : owner.get(event.previousEventId);
  if (linked && !linked.exited && (name === undefined || linked.name === name)) return linked;
  for (let i = visits.length - 1; i >= 0; i--) {
    const visit = visits[i];
    if (visit && !visit.exited && (name === undefined || visit.name === name)) return visit;
  }
  return undefined;
}

/**
 * Parallel/Map bookkeeping events (ParallelStateFailed, MapRunStarted, MapIterationFailed…) point back
 * at the last event of a branch, so previousEventId would blame an inner state; match them by type.
 */
function findContainerVisit(event: ExecutionEvent, visits: readonly Visit[]): Visit | undefined {
  const type = /^(Parallel|Map)(State|Run|Iteration)/.exec(event.type)?.[1];
  if (type === undefined) return undefined;
  const name = Object.entries(event).find(([key]) => key.endsWith("EventDetails"))?.[1];
  const wanted = isRecord(name) && typeof name["name"] === "string" ? name["name"] : undefined;
  for (let i = visits.length - 1; i >= 0; i--) {
    const visit = visits[i];
    if (visit && !visit.exited && visit.stateType === type && (wanted === undefined || visit.name === wanted)) return visit;
  }
  return undefined;
}

function stateName(details: { readonly name?: unknown } | undefined): string | undefined {
  return isRecord(details) && typeof details["name"] === "string" ? details["name"] : undefined;
}

/** The error and cause of a failure event, wherever its `*EventDetails` object keeps them. */
function failureDetails(event: ExecutionEvent): { error?: string; cause?: string } {
  for (const [key, value] of Object.entries(event)) {
    if (!key.endsWith("EventDetails") || !isRecord(value)) continue;
    const error = typeof value["error"] === "string" ? value["error"] : undefined;
    const cause = typeof value["cause"] === "string" ? value["cause"] : undefined;
    if (error !== undefined || cause !== undefined) {
      return { ...(error === undefined ? {} : { error }), ...(cause === undefined ? {} : { cause }) };
    }
  }
  return {};
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
