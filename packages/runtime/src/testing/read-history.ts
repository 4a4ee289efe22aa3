import type { HistoryEvent } from "../engine/history.ts";

/** One run of a task (or of a Map/Parallel state): retries make more than one. */
export interface Attempt {
  /** Id of the event that started it (`TaskScheduled`, `MapStateStarted`, …). */
  readonly eventId: number;
  readonly startedAt: Date;
  readonly endedAt: Date | undefined;
  readonly outcome: "running" | "succeeded" | "failed" | "timed-out" | "aborted";
  readonly error: string | undefined;
  readonly cause: string | undefined;
}

/** One visit of a state, read from its history events (payloads parsed once). */
export interface StateVisit {
  readonly name: string;
  /** The state type, from its event names (`Task`, `Map`, `Fail`, …). */
  readonly type: string;
  readonly input: unknown;
  /** Its output (absent when the visit did not exit: it failed, or is still running). */
  readonly output: unknown;
  readonly enteredAt: Date;
  readonly exitedAt: Date | undefined;
  /** `caught`: failed, and a Catcher sent the execution on. */
  readonly status: "running" | "succeeded" | "caught" | "failed" | "aborted";
  /** The last failure of the visit (its own, or for Map/Parallel the child's that failed it). */
  readonly error: string | undefined;
  readonly cause: string | undefined;
  readonly attempts: readonly Attempt[];
  /** The Map or Parallel visit this one runs inside. */
  readonly parent: StateVisit | undefined;
  /** Inside a Map: the iteration index; inside a Parallel: the branch index. */
  readonly index: number | undefined;
  /** Visits inside this Map/Parallel visit, in the order they were entered. */
  readonly children: readonly StateVisit[];
  /** Id of the StateEntered event. */
  readonly eventId: number;
}

/** What an execution's history says, state by state. */
export interface ExecutionReading {
  readonly status: "RUNNING" | "SUCCEEDED" | "FAILED" | "TIMED_OUT" | "ABORTED";
  readonly startedAt: Date | undefined;
  readonly endedAt: Date | undefined;
  readonly input: unknown;
  readonly output: unknown;
  readonly error: string | undefined;
  readonly cause: string | undefined;
  /** Top-level visits in order (nested ones are their `children`). */
  readonly visits: readonly StateVisit[];
  /** Every visit, in the order entered. */
  readonly allVisits: readonly StateVisit[];
}

interface MutableAttempt {
  eventId: number;
  startedAt: Date;
  endedAt: Date | undefined;
  outcome: Attempt["outcome"];
  error: string | undefined;
  cause: string | undefined;
}

interface MutableVisit {
  name: string;
  type: string;
  input: unknown;
  output: unknown;
  enteredAt: Date;
  exitedAt: Date | undefined;
  status: StateVisit["status"];
  error: string | undefined;
  cause: string | undefined;
  attempts: MutableAttempt[];
  parent: MutableVisit | undefined;
  index: number | undefined;
  children: MutableVisit[];
  eventId: number;
  /** A descendant's failure, for a Map/Parallel failure event that carries none. */
  childFailure: { error: string | undefined; cause: string | undefined } | undefined;
}

/** Where an event sits: the visit whose block it belongs to, and the iteration/branch index. */
interface Place {
  readonly visit: MutableVisit | undefined;
  readonly index: number | undefined;
}

const ENTERED = /^(\w+?)StateEntered$/;
const EXITED = /^(\w+?)StateExited$/;
const ATTEMPT_START = new Set(["TaskScheduled", "LambdaFunctionScheduled", "ActivityScheduled", "MapStateStarted", "ParallelStateStarted"]);
const ATTEMPT_END: Readonly<Record<string, Attempt["outcome"]>> = {
  TaskSucceeded: "succeeded",
  LambdaFunctionSucceeded: "succeeded",
  ActivitySucceeded: "succeeded",
  MapStateSucceeded: "succeeded",
  ParallelStateSucceeded: "succeeded",
  TaskFailed: "failed",
  TaskStartFailed: "failed",
  TaskSubmitFailed: "failed",
  LambdaFunctionFailed: "failed",
  LambdaFunctionStartFailed: "failed",
  LambdaFunctionScheduleFailed: "failed",
  ActivityFailed: "failed",
  ActivityScheduleFailed: "failed",
  MapStateFailed: "failed",
  ParallelStateFailed: "failed",
  TaskTimedOut: "timed-out",
  LambdaFunctionTimedOut: "timed-out",
  ActivityTimedOut: "timed-out",
  TaskStateAborted: "aborted",
  MapStateAborted: "aborted",
  ParallelStateAborted: "aborted",
  WaitStateAborted: "aborted",
};

/**
 * Reads a history (GetExecutionHistory-shaped, as `Execution.history` returns it) into visits.
 * Events are placed by following `previousEventId`, so concurrent Map iterations and Parallel
 * branches are told apart even when their events interleave.
 */
export function readHistory(history: readonly HistoryEvent[]): ExecutionReading {
  const places = new Map<number, Place>();
  const branchCounters = new Map<number, number>();
  const top: MutableVisit[] = [];
  const all: MutableVisit[] = [];
  const execution = {
    status: "RUNNING" as ExecutionReading["status"],
    startedAt: undefined as Date | undefined,
    endedAt: undefined as Date | undefined,
    input: undefined as unknown,
    output: undefined as unknown,
    error: undefined as string | undefined,
    cause: undefined as string | undefined,
  };
  const byId = new Map<number, HistoryEvent>();

  for (const event of history) {
    byId.set(event.id, event);
    const before = places.get(event.previousEventId) ?? { visit: undefined, index: undefined };
    const details = detailsOf(event);
    const entered = ENTERED.exec(event.type);
    if (entered) {
      let index = before.index;
      const prevEvent = byId.get(event.previousEventId);
      // A Parallel's branches all start from its ParallelStateStarted event, in Branches order.
      if (prevEvent?.type === "ParallelStateStarted") {
        index = branchCounters.get(prevEvent.id) ?? 0;
        branchCounters.set(prevEvent.id, index + 1);
      }
      const visit: MutableVisit = {
        name: String(details["name"] ?? ""),
        type: entered[1]!,
        input: parsePayload(details["input"]),
        output: undefined,
        enteredAt: event.timestamp,
        exitedAt: undefined,
        status: entered[1] === "Fail" ? "failed" : "running",
        error: undefined,
        cause: undefined,
        attempts: [],
        parent: before.visit,
        index,
        children: [],
        eventId: event.id,
        childFailure: undefined,
      };
      (before.visit?.children ?? top).push(visit);
      all.push(visit);
      places.set(event.id, { visit, index: undefined });
      continue;
    }
    if (EXITED.test(event.type)) {
      const name = String(details["name"] ?? "");
      const visit = ancestorNamed(before.visit, name) ?? lastOpen(all, name);
      if (visit !== undefined) {
        visit.output = parsePayload(details["output"]);
        visit.exitedAt = event.timestamp;
        const last = visit.attempts[visit.attempts.length - 1];
        // An attempt still running at the exit (no success event read for it) ends with the exit.
        if (last !== undefined && last.outcome === "running") {
          last.outcome = "succeeded";
          last.endedAt = event.timestamp;
        }
        visit.status = last !== undefined && last.outcome !== "succeeded" && last.outcome !== "running" ? "caught" : "succeeded";
      }
      places.set(event.id, { visit: visit?.parent, index: visit?.index });
      continue;
    }
    if (event.type.startsWith("Execution")) {
      readExecutionEvent(event, details, execution);
      places.set(event.id, before);
      continue;
    }
    // Map and Parallel events belong to the Map/Parallel visit, wherever their chain came from.
    const group = event.type.startsWith("Map") ? "Map" : event.type.startsWith("Parallel") ? "Parallel" : undefined;
    const owner = group === undefined ? before.visit : ancestorOfType(before.visit, group);
    if (event.type === "MapIterationStarted") {
      places.set(event.id, { visit: owner, index: typeof details["index"] === "number" ? details["index"] : undefined });
    } else {
      places.set(event.id, group === undefined ? before : { visit: owner, index: undefined });
    }
    if (owner === undefined) continue;
    if (ATTEMPT_START.has(event.type)) {
      // A retried Parallel or Map records no Failed event for the attempt a branch failed: the
      // next attempt starting says it ended, with the branch's error.
      const previous = owner.attempts[owner.attempts.length - 1];
      if (previous !== undefined && previous.outcome === "running") {
        previous.outcome = "failed";
        previous.endedAt = lastTimeUnder(owner, previous.startedAt);
        previous.error = owner.childFailure?.error;
        previous.cause = owner.childFailure?.cause;
      }
      owner.childFailure = undefined;
      owner.attempts.push({ eventId: event.id, startedAt: event.timestamp, endedAt: undefined, outcome: "running", error: undefined, cause: undefined });
      // A retry: the visit runs again.
      if (owner.exitedAt === undefined) owner.status = "running";
      continue;
    }
    const outcome = ATTEMPT_END[event.type];
    const error = typeof details["error"] === "string" ? details["error"] : undefined;
    const cause = typeof details["cause"] === "string" ? details["cause"] : undefined;
    if (outcome !== undefined) {
      const attempt = owner.attempts[owner.attempts.length - 1];
      // An abort after the attempt already ended (e.g. the failing task itself) changes nothing.
      if (outcome === "aborted" && attempt !== undefined && attempt.outcome !== "running") continue;
      const failure = outcome === "failed" && error === undefined && owner.childFailure !== undefined ? owner.childFailure : { error, cause };
      if (attempt !== undefined && attempt.outcome === "running") {
        attempt.endedAt = event.timestamp;
        attempt.outcome = outcome;
        attempt.error = failure.error ?? (outcome === "timed-out" ? "States.Timeout" : undefined);
        attempt.cause = failure.cause;
      }
      if (outcome !== "succeeded") fail(owner, outcome, attempt?.error ?? failure.error, attempt?.cause ?? failure.cause);
      continue;
    }
    if (event.type === "EvaluationFailed") fail(owner, "failed", error, cause);
  }
  // A Fail state's error is in its definition, not its events: a failure that reached the
  // execution (every enclosing visit failed too) carries the execution's error and cause.
  if (execution.status === "FAILED") {
    for (const visit of all) {
      if (visit.status !== "failed" || visit.error !== undefined || !propagated(visit)) continue;
      visit.error = execution.error;
      visit.cause = execution.cause;
    }
  }
  return { ...execution, visits: top, allVisits: all };
}

function propagated(visit: MutableVisit): boolean {
  for (let p = visit.parent; p !== undefined; p = p.parent) if (p.status !== "failed") return false;
  return true;
}

/** When the last of a visit's descendants entered or exited after `since` (a failed attempt's end). */
function lastTimeUnder(visit: MutableVisit, since: Date): Date {
  let latest = since;
  const walk = (v: MutableVisit): void => {
    for (const c of v.children) {
      const t = c.exitedAt ?? c.attempts[c.attempts.length - 1]?.endedAt ?? c.enteredAt;
      if (t.getTime() > latest.getTime()) latest = t;
      walk(c);
    }
  };
  walk(visit);
  return latest;
}

/** Records a failure on a visit (still open: a Catcher or Retry may follow) and its ancestors. */
function fail(visit: MutableVisit, outcome: Attempt["outcome"], error: string | undefined, cause: string | undefined): void {
  visit.error = error;
  visit.cause = cause;
  if (visit.exitedAt === undefined) visit.status = outcome === "aborted" ? "aborted" : "failed";
  for (let p = visit.parent; p !== undefined; p = p.parent) p.childFailure = { error, cause };
}

function readExecutionEvent(event: HistoryEvent, details: Record<string, unknown>, execution: { -readonly [K in keyof Omit<ExecutionReading, "visits" | "allVisits">]: ExecutionReading[K] }): void {
  switch (event.type) {
    case "ExecutionStarted":
      execution.startedAt = event.timestamp;
      execution.input = parsePayload(details["input"]);
      return;
    case "ExecutionSucceeded":
      execution.status = "SUCCEEDED";
      execution.output = parsePayload(details["output"]);
      break;
    case "ExecutionFailed":
      execution.status = "FAILED";
      break;
    case "ExecutionTimedOut":
      execution.status = "TIMED_OUT";
      break;
    case "ExecutionAborted":
      execution.status = "ABORTED";
      break;
    default:
      return;
  }
  execution.endedAt = event.timestamp;
  if (typeof details["error"] === "string") execution.error = details["error"];
  if (typeof details["cause"] === "string") execution.cause = details["cause"];
}

/** The event's `<type>EventDetails` object (empty when it has none). */
function detailsOf(event: HistoryEvent): Record<string, unknown> {
  for (const key of Object.keys(event)) {
    if (key.endsWith("EventDetails")) {
      const value = event[key];
      if (value !== null && typeof value === "object") return value as Record<string, unknown>;
    }
  }
  return {};
}

/** A JSON text payload as its value (text that is not JSON stays text; a non-string: undefined). */
export function parsePayload(text: unknown): unknown {
  if (typeof text !== "string") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function ancestorNamed(visit: MutableVisit | undefined, name: string): MutableVisit | undefined {
  for (let v = visit; v !== undefined; v = v.parent) if (v.name === name && v.exitedAt === undefined) return v;
  return undefined;
}

function ancestorOfType(visit: MutableVisit | undefined, type: string): MutableVisit | undefined {
  for (let v = visit; v !== undefined; v = v.parent) if (v.type === type) return v;
  return undefined;
}

function lastOpen(all: readonly MutableVisit[], name: string): MutableVisit | undefined {
  for (let i = all.length - 1; i >= 0; i--) {
    const v = all[i]!;
    if (v.name === name && v.exitedAt === undefined) return v;
  }
  return undefined;
}
