// Reads an execution's history (GetExecutionHistory events) into what the console shows per state:
// each visit's input, output, variables, every attempt with its error, and for Map and Parallel the
// visits made inside each iteration or branch. Pure data in, data out: unit-tested in Node.

/** A history event as the API returns it (timestamp in epoch seconds). */
export interface HistoryEvent {
  readonly id: number;
  readonly previousEventId?: number;
  readonly timestamp: number;
  readonly type: string;
  readonly [field: string]: unknown;
}

/** One try of a task (the first, or a retry). */
export interface Attempt {
  readonly scheduledEventId: number;
  readonly timestamp: number;
  /** The Task*Scheduled event's details: resource, parameters (where a callback token is). */
  readonly details: Readonly<Record<string, unknown>>;
  outcome: "pending" | "succeeded" | "failed";
  error?: string;
  cause?: string;
}

/** Where a visit ran: inside a Map iteration or a Parallel branch of a container visit. */
export interface VisitScope {
  readonly container: StateVisit;
  /** The Map iteration's index; undefined inside a Parallel. */
  readonly index: number | undefined;
  readonly parent: VisitScope | undefined;
}

/** One entry into a state, to its exit (or to now, or to the failure). */
export interface StateVisit {
  readonly name: string;
  /** From the event type: Task, Pass, Map… */
  readonly stateType: string;
  readonly enteredEventId: number;
  readonly enteredAt: number;
  readonly scope: VisitScope | undefined;
  readonly input: string | undefined;
  exitedEventId?: number;
  output?: string;
  /** Variables the state assigned (`assignedVariables` of its StateExited event: name → JSON text). */
  variables?: Readonly<Record<string, string>>;
  readonly attempts: Attempt[];
  error?: string;
  cause?: string;
  /** Every event that belongs to this visit, in order. */
  readonly eventIds: number[];
}

/** One iteration of a Map visit. */
export interface MapIteration {
  readonly map: StateVisit;
  readonly index: number;
  status: "running" | "succeeded" | "failed" | "aborted";
}

/** Everything the execution page needs from the history. */
export interface HistoryIndex {
  readonly visits: readonly StateVisit[];
  /** The state each event belongs to (execution-level events have none). */
  readonly stateOfEvent: ReadonlyMap<number, string>;
  readonly iterations: readonly MapIteration[];
  /** Epoch seconds of the first event: elapsed times count from it. */
  readonly startedAt: number | undefined;
  /** The event that ended the execution (ExecutionSucceeded, …Failed, …TimedOut, …Aborted), if it has ended. */
  readonly ended: HistoryEvent | undefined;
}

const SCHEDULED = /^(Task|LambdaFunction|Activity)Scheduled$/;
const SUCCEEDED = /^(Task|LambdaFunction|Activity)Succeeded$/;
const FAILED = /^(Task|LambdaFunction|Activity)(Failed|TimedOut|StartFailed|ScheduleFailed|SubmitFailed)$/;
const ITERATION_END: Readonly<Record<string, MapIteration["status"]>> = { MapIterationSucceeded: "succeeded", MapIterationFailed: "failed", MapIterationAborted: "aborted" };

type Details = Readonly<Record<string, unknown>>;

function isRecord(value: unknown): value is Details {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The event's `…EventDetails` object (each event has at most one). */
export function eventDetails(event: HistoryEvent): Details | undefined {
  for (const [key, value] of Object.entries(event)) if (key.endsWith("EventDetails") && isRecord(value)) return value;
  return undefined;
}

function text(details: Details | undefined, key: string): string | undefined {
  const value = details?.[key];
  return typeof value === "string" ? value : undefined;
}

/** Indexes a history; events may come in any order and are read by id. */
export function indexHistory(events: readonly HistoryEvent[]): HistoryIndex {
  const sorted = [...events].sort((a, b) => a.id - b.id);
  const visits: StateVisit[] = [];
  const owner = new Map<number, StateVisit>();
  const scopeOf = new Map<number, VisitScope | undefined>();
  const stateOfEvent = new Map<number, string>();
  const iterations: MapIteration[] = [];
  let ended: HistoryEvent | undefined;

  const latestOpen = (test: (visit: StateVisit) => boolean): StateVisit | undefined => {
    for (let i = visits.length - 1; i >= 0; i--) {
      const visit = visits[i]!;
      if (visit.exitedEventId === undefined && test(visit)) return visit;
    }
    return undefined;
  };
  const own = (event: HistoryEvent, visit: StateVisit | undefined): void => {
    if (visit === undefined) return;
    owner.set(event.id, visit);
    stateOfEvent.set(event.id, visit.name);
    visit.eventIds.push(event.id);
  };

  for (const event of sorted) {
    const details = eventDetails(event);
    const previous = event.previousEventId ?? 0;
    const inherited = scopeOf.get(previous);
    scopeOf.set(event.id, inherited);
    const linked = owner.get(previous);
    const linkedOpen = linked !== undefined && linked.exitedEventId === undefined ? linked : undefined;

    // Execution events belong to no state; a redrive runs an ended execution again.
    if (event.type.startsWith("Execution")) {
      if (/^Execution(Succeeded|Failed|TimedOut|Aborted)$/.test(event.type)) ended = event;
      if (event.type === "ExecutionRedriven") ended = undefined;
      continue;
    }
    if (event.type.endsWith("StateEntered")) {
      const visit: StateVisit = {
        name: text(details, "name") ?? "?",
        stateType: event.type.slice(0, -"StateEntered".length),
        enteredEventId: event.id,
        enteredAt: event.timestamp,
        scope: inherited,
        input: text(details, "input"),
        attempts: [],
        eventIds: [],
      };
      visits.push(visit);
      own(event, visit);
      continue;
    }
    if (event.type.endsWith("StateExited")) {
      const name = text(details, "name");
      const visit = linkedOpen?.name === name ? linkedOpen : latestOpen((v) => v.name === name);
      own(event, visit);
      if (visit === undefined) continue;
      visit.exitedEventId = event.id;
      const output = text(details, "output");
      if (output !== undefined) visit.output = output;
      const assigned = details?.["assignedVariables"];
      if (isRecord(assigned)) visit.variables = Object.fromEntries(Object.entries(assigned).map(([k, v]) => [k, String(v)]));
      // The next state runs where this one ran, not inside it.
      scopeOf.set(event.id, visit.scope);
      continue;
    }
    if (event.type === "MapIterationStarted") {
      const map = latestOpen((v) => v.stateType === "Map" && v.name === text(details, "name"));
      own(event, map);
      const index = typeof details?.["index"] === "number" ? details["index"] : 0;
      if (map !== undefined) {
        iterations.push({ map, index, status: "running" });
        scopeOf.set(event.id, { container: map, index, parent: map.scope });
      }
      continue;
    }
    const iterationEnd = ITERATION_END[event.type];
    if (iterationEnd !== undefined) {
      const iteration = iterations.findLast((it) => it.map.name === text(details, "name") && it.index === details?.["index"] && it.map.exitedEventId === undefined);
      if (iteration !== undefined) {
        iteration.status = iterationEnd;
        own(event, iteration.map);
        scopeOf.set(event.id, iteration.map.scope);
      }
      continue;
    }
    // Parallel/Map bookkeeping points back at a branch's last event: match it by type instead.
    const container = /^(Parallel|Map)(State|Run)/.exec(event.type)?.[1];
    const visit = container === undefined ? (linkedOpen ?? latestOpen(() => true)) : latestOpen((v) => v.stateType === container);
    own(event, visit);
    if (visit === undefined) continue;
    if (event.type === "ParallelStateStarted") scopeOf.set(event.id, { container: visit, index: undefined, parent: visit.scope });
    if (SCHEDULED.test(event.type)) visit.attempts.push({ scheduledEventId: event.id, timestamp: event.timestamp, details: details ?? {}, outcome: "pending" });
    const attempt = visit.attempts.at(-1);
    if (SUCCEEDED.test(event.type) && attempt !== undefined) {
      attempt.outcome = "succeeded";
      // A retry that succeeds: the visit did not end in an error (each attempt keeps its own).
      delete visit.error;
      delete visit.cause;
    }
    const error = text(details, "error");
    const cause = text(details, "cause");
    if (FAILED.test(event.type) || /(State|Run)Failed$/.test(event.type)) {
      if (attempt !== undefined && FAILED.test(event.type)) {
        attempt.outcome = "failed";
        if (error !== undefined) attempt.error = error;
        if (cause !== undefined) attempt.cause = cause;
      }
      if (error !== undefined) visit.error = error;
      if (cause !== undefined) visit.cause = cause;
    }
  }
  return { visits, stateOfEvent, iterations, startedAt: sorted[0]?.timestamp, ended };
}

/** The visits made directly inside a container visit (one Map iteration, or the whole Parallel). */
export function visitsInside(index: HistoryIndex, container: StateVisit, iteration?: number): StateVisit[] {
  return index.visits.filter((v) => v.scope?.container === container && (iteration === undefined || v.scope.index === iteration));
}
