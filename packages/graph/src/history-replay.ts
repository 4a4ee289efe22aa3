// Replays a GetExecutionHistory event list into raw visits (one per StateEntered) and block runs
// (the execution, each Map iteration, each Parallel branch). Events are tied to their visit and
// run through previousEventId, so interleaved Map iterations and Parallel branches stay apart.
// execution-status.ts turns these records into statuses; nothing here decides a colour.
import type { ExecutionEvent } from "./execution-status.ts";

/** One failed or successful attempt of a state (a task call, or a Map/Parallel start). */
export interface ReplayAttempt {
  readonly eventId: number;
  outcome: "succeeded" | "failed" | "running";
  error?: string;
  cause?: string;
}

/** One StateEntered … StateExited span, as it is replayed. */
export interface ReplayVisit {
  readonly name: string;
  readonly stateType: string;
  readonly run: ReplayRun;
  readonly enteredEventId: number;
  readonly enteredAt: string | undefined;
  readonly input: string | undefined;
  exitedEventId?: number;
  exitedAt?: string;
  output?: string;
  assignedVariables?: Readonly<Record<string, string>>;
  readonly attempts: ReplayAttempt[];
  /** An error was raised in the latest attempt (task failure, Map/Parallel failure). */
  lastAttemptFailed: boolean;
  /** Any error was raised in the state, including ones retried away. */
  failed: boolean;
  aborted: boolean;
  /** A container's own "<Type>StateSucceeded": its children's failures were tolerated. */
  containerSucceeded: boolean;
  error?: string;
  cause?: string;
  /** Map iterations and Parallel branches started by this visit, in start order. */
  readonly children: ReplayRun[];
}

/** One run of a States block. */
export interface ReplayRun {
  readonly id: string;
  readonly kind: "execution" | "iteration" | "branch";
  readonly container: ReplayVisit | undefined;
  /** Map item index, or the branch's start order within its Parallel attempt. */
  readonly index: number;
  /** Which attempt of the container started it (1-based), so a retried container's old runs are told apart. */
  readonly attempt: number;
  iterationEnd?: "succeeded" | "failed" | "aborted";
  /** The first state entered in it. */
  firstState?: string;
}

/** Everything the replay found, in event order. */
export interface Replay {
  readonly visits: readonly ReplayVisit[];
  readonly runs: readonly ReplayRun[];
  readonly outcome: ExecutionEnd | undefined;
  readonly error?: string;
  readonly cause?: string;
}

export type ExecutionEnd = "succeeded" | "failed" | "timed-out" | "aborted";

const ATTEMPT_START = /^(Task|LambdaFunction|Activity)Scheduled$|^(Parallel|Map)StateStarted$/;
const ATTEMPT_SUCCESS = /^(Task|LambdaFunction|Activity)Succeeded$|^(Parallel|Map)StateSucceeded$/;
const EXECUTION_END: Readonly<Record<string, ExecutionEnd>> = {
  ExecutionSucceeded: "succeeded",
  ExecutionFailed: "failed",
  ExecutionTimedOut: "timed-out",
  ExecutionAborted: "aborted",
};

/** Replays events (any order; they are sorted by id). */
export function replayHistory(events: readonly ExecutionEvent[]): Replay {
  return new Replayer().replay([...events].sort((a, b) => a.id - b.id));
}

class Replayer {
  private readonly root: ReplayRun = { id: "", kind: "execution", container: undefined, index: 0, attempt: 1 };
  private readonly visits: ReplayVisit[] = [];
  private readonly runs: ReplayRun[] = [this.root];
  /** Which visit each event belongs to (StateEntered, its task events, its StateExited). */
  private readonly owner = new Map<number, ReplayVisit>();
  /** MapIterationStarted event id → the iteration's run. */
  private readonly iterationStarts = new Map<number, ReplayRun>();
  /** ParallelStateStarted event id → the Parallel visit whose branches follow it. */
  private readonly branchStarts = new Map<number, ReplayVisit>();
  private lastExit: ReplayVisit | undefined;
  private outcome: ExecutionEnd | undefined;
  private error: string | undefined;
  private cause: string | undefined;

  replay(sorted: readonly ExecutionEvent[]): Replay {
    for (const event of sorted) this.apply(event);
    return {
      visits: this.visits,
      runs: this.runs,
      outcome: this.outcome,
      ...(this.error === undefined ? {} : { error: this.error }),
      ...(this.cause === undefined ? {} : { cause: this.cause }),
    };
  }

  private apply(event: ExecutionEvent): void {
    const entered = stateName(event.stateEnteredEventDetails);
    if (event.type.endsWith("StateEntered") && entered !== undefined) return this.enter(event, entered);
    const exited = stateName(event.stateExitedEventDetails);
    if (event.type.endsWith("StateExited") && exited !== undefined) return this.exit(event, exited);
    const end = EXECUTION_END[event.type];
    if (end !== undefined) {
      this.outcome = end;
      ({ error: this.error, cause: this.cause } = failureDetails(event));
      return;
    }
    if (event.type.startsWith("MapIteration")) return this.iterationEvent(event);
    const visit = this.containerVisit(event) ?? this.openVisit(event, undefined);
    if (!visit) return;
    this.owner.set(event.id, visit);
    if (event.type === "ParallelStateStarted") this.branchStarts.set(event.id, visit);
    this.attemptEvent(visit, event);
  }

  private enter(event: ExecutionEvent, name: string): void {
    const details = event.stateEnteredEventDetails as Readonly<Record<string, unknown>>;
    const visit: ReplayVisit = {
      name,
      stateType: event.type.slice(0, -"StateEntered".length),
      run: this.runOfEntered(event),
      enteredEventId: event.id,
      enteredAt: timestampText(event.timestamp),
      input: typeof details["input"] === "string" ? details["input"] : undefined,
      attempts: [],
      lastAttemptFailed: false,
      failed: false,
      aborted: false,
      containerSucceeded: false,
      children: [],
    };
    this.visits.push(visit);
    visit.run.firstState ??= name;
    this.owner.set(event.id, visit);
    this.lastExit = undefined;
  }

  /** The run a state entered belongs to: the iteration or branch it starts, else its predecessor's. */
  private runOfEntered(event: ExecutionEvent): ReplayRun {
    const previous = event.previousEventId;
    if (previous === undefined) return this.lastExit?.run ?? this.root;
    const iteration = this.iterationStarts.get(previous);
    if (iteration) return iteration;
    const parallel = this.branchStarts.get(previous);
    if (parallel) {
      const attempt = parallel.attempts.length;
      const index = parallel.children.filter((run) => run.attempt === attempt).length;
      return this.addRun(parallel, "branch", index, attempt);
    }
    return this.owner.get(previous)?.run ?? this.lastExit?.run ?? this.root;
  }

  private addRun(container: ReplayVisit, kind: "iteration" | "branch", index: number, attempt: number): ReplayRun {
    const retried = attempt > 1 ? `.${attempt}` : "";
    const prefix = container.run.id === "" ? "" : `${container.run.id}/`;
    const run: ReplayRun = { id: `${prefix}${container.name}@${container.enteredEventId}${retried}:${kind === "branch" ? "b" : ""}${index}`, kind, container, index, attempt };
    container.children.push(run);
    this.runs.push(run);
    return run;
  }

  private exit(event: ExecutionEvent, name: string): void {
    const visit = this.openVisit(event, name);
    if (visit) {
      const details = event.stateExitedEventDetails as Readonly<Record<string, unknown>>;
      visit.exitedEventId = event.id;
      const at = timestampText(event.timestamp);
      if (at !== undefined) visit.exitedAt = at;
      if (typeof details["output"] === "string") visit.output = details["output"];
      const assigned = stringRecord(details["assignedVariables"]);
      if (assigned) visit.assignedVariables = assigned;
      this.owner.set(event.id, visit);
    }
    this.lastExit = visit;
  }

  private iterationEvent(event: ExecutionEvent): void {
    const details = Object.entries(event).find(([key]) => key.endsWith("EventDetails"))?.[1];
    const index = isRecord(details) && typeof details["index"] === "number" ? details["index"] : undefined;
    const container = this.containerVisit(event);
    if (!container || index === undefined) return;
    this.owner.set(event.id, container);
    const attempt = Math.max(1, container.attempts.length);
    if (event.type === "MapIterationStarted") {
      this.iterationStarts.set(event.id, this.addRun(container, "iteration", index, attempt));
      return;
    }
    const run = container.children.find((r) => r.index === index && r.attempt === attempt);
    const end = /(Succeeded|Failed|Aborted)$/.exec(event.type)?.[1];
    if (run && end !== undefined) run.iterationEnd = end === "Succeeded" ? "succeeded" : end === "Failed" ? "failed" : "aborted";
  }

  private attemptEvent(visit: ReplayVisit, event: ExecutionEvent): void {
    if (ATTEMPT_START.test(event.type)) {
      visit.attempts.push({ eventId: event.id, outcome: "running" });
      visit.lastAttemptFailed = false;
      return;
    }
    const attempt = visit.attempts[visit.attempts.length - 1];
    if (ATTEMPT_SUCCESS.test(event.type)) {
      if (attempt) attempt.outcome = "succeeded";
      visit.lastAttemptFailed = false;
      if (/^(Parallel|Map)StateSucceeded$/.test(event.type)) visit.containerSucceeded = true;
      return;
    }
    if (/(Failed|TimedOut)$/.test(event.type)) {
      const details = failureDetails(event);
      visit.failed = true;
      visit.lastAttemptFailed = true;
      if (details.error !== undefined) visit.error = details.error;
      if (details.cause !== undefined) visit.cause = details.cause;
      if (attempt && attempt.outcome !== "failed") Object.assign(attempt, { outcome: "failed" }, details);
      return;
    }
    if (event.type.endsWith("Aborted")) visit.aborted = true;
  }

  /** The visit an event belongs to: through previousEventId when it leads to an open one, else the latest open one. */
  private openVisit(event: ExecutionEvent, name: string | undefined): ReplayVisit | undefined {
    const linked = event.previousEventId === undefined ? undefined : this.owner.get(event.previousEventId);
    if (linked && linked.exitedEventId === undefined && (name === undefined || linked.name === name)) return linked;
    for (let i = this.visits.length - 1; i >= 0; i--) {
      const visit = this.visits[i];
      if (visit && visit.exitedEventId === undefined && (name === undefined || visit.name === name)) return visit;
    }
    return undefined;
  }

  /**
   * Parallel/Map bookkeeping events (ParallelStateFailed, MapIterationFailed…) point back at the
   * last event of a branch, so previousEventId would blame an inner state; match them by type and name.
   */
  private containerVisit(event: ExecutionEvent): ReplayVisit | undefined {
    const type = /^(Parallel|Map)(State|Run|Iteration)/.exec(event.type)?.[1];
    if (type === undefined) return undefined;
    const details = Object.entries(event).find(([key]) => key.endsWith("EventDetails"))?.[1];
    const wanted = isRecord(details) && typeof details["name"] === "string" ? details["name"] : undefined;
    const linked = event.previousEventId === undefined ? undefined : this.owner.get(event.previousEventId);
    const fits = (visit: ReplayVisit | undefined): visit is ReplayVisit =>
      visit !== undefined && visit.exitedEventId === undefined && visit.stateType === type && (wanted === undefined || visit.name === wanted);
    if (fits(linked)) return linked;
    for (let i = this.visits.length - 1; i >= 0; i--) {
      const visit = this.visits[i];
      if (fits(visit)) return visit;
    }
    return undefined;
  }
}

function stateName(details: unknown): string | undefined {
  return isRecord(details) && typeof details["name"] === "string" ? details["name"] : undefined;
}

/** The error and cause of a failure event, wherever its `*EventDetails` object keeps them. */
export function failureDetails(event: ExecutionEvent): { error?: string; cause?: string } {
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

/** ISO text of a timestamp as the AWS CLI (string) or the SDK (Date) gives it. */
function timestampText(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
  return undefined;
}

function stringRecord(value: unknown): Readonly<Record<string, string>> | undefined {
  if (!isRecord(value)) return undefined;
  const entries = Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === "string");
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

export function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
