// Reads a GetExecutionHistory event list and works out what happened to each state, the way the
// AWS console colours its graph: path taken, where it failed, which errors were caught, which
// states retried, what is still running; plus each visit's data and each Map iteration's and
// Parallel branch's own run, so a console can show a state's details and drill down.
import { describeJsonType } from "./definition-model.ts";
import { isRecord, replayHistory, type ReplayRun, type ReplayVisit } from "./history-replay.ts";

/**
 * How a state fared: `caught` is an error handled by one of its Catchers (it left through the
 * Catch), `retried` succeeded after failed attempts, `in-progress` is running (entered, not
 * exited) or was stopped while running, `not-visited` was never reached.
 */
export type StateStatus = "succeeded" | "caught" | "failed" | "retried" | "not-visited" | "in-progress";

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
  /** The worst status of its visits (failed > running > caught > retried > succeeded). */
  readonly status: StateStatus;
  readonly visits: number;
  /** Extra attempts: task calls (or Map/Parallel starts) beyond the first, per visit, summed. */
  readonly retries: number;
  /** Every attempt of every visit (task calls, Map/Parallel starts; 1 per visit for other states). */
  readonly attempts: number;
  /** An error that was raised in the state and handled by a Catch. */
  readonly caught: boolean;
  /** True when the execution stopped (aborted, or a sibling branch failed) while the state ran. */
  readonly stopped: boolean;
  readonly error?: string;
  readonly cause?: string;
}

/** One attempt of a state: a task call, or a start of a Map/Parallel state (Retry starts it again). */
export interface StateAttempt {
  /** The TaskScheduled / LambdaFunctionScheduled / ActivityScheduled / <Map|Parallel>StateStarted event. */
  readonly eventId: number;
  readonly outcome: "succeeded" | "failed" | "running";
  readonly error?: string;
  readonly cause?: string;
}

/** One visit of a state (StateEntered … StateExited): what a console shows when the state is clicked. */
export interface StateVisit {
  readonly name: string;
  /** The state type as the event names it: "Task", "Map", "Pass"… */
  readonly type: string;
  readonly status: StateStatus;
  /** The id of the BlockRun it ran in ("" for the top level). */
  readonly run: string;
  readonly enteredEventId: number;
  readonly exitedEventId?: number;
  /** Event timestamps as ISO text, when the history carries them. */
  readonly enteredAt?: string;
  readonly exitedAt?: string;
  /** The state's input and output as JSON text, exactly as the history events carry them. */
  readonly input?: string;
  readonly output?: string;
  /** The error that failed the state, or that its Catcher caught. */
  readonly error?: string;
  readonly cause?: string;
  /** Each attempt with its own error, so every retry's failure can be shown. */
  readonly attempts: readonly StateAttempt[];
  readonly caught: boolean;
  readonly stopped: boolean;
  /** Variables assigned when the state exited (StateExited `assignedVariables`: name → JSON text). */
  readonly assignedVariables?: Readonly<Record<string, string>>;
  /** For a Map or Parallel visit: the ids of the iterations / branches it ran, in start order. */
  readonly runs: readonly string[];
}

/** One run of a States block: the whole execution, one Map iteration or one Parallel branch. */
export interface BlockRun {
  /** Opaque, stable for the same history; "" is the execution itself. Pass it as `summarizeExecution(events, { run })`. */
  readonly id: string;
  readonly kind: "execution" | "iteration" | "branch";
  /** The run the container state ran in (undefined for the execution). */
  readonly parent?: string;
  /** The Map or Parallel state this is an iteration or branch of. */
  readonly state?: string;
  /** The container's StateEntered event id: loops around a Map keep their iterations apart. */
  readonly stateEnteredEventId?: number;
  /** The Map item index; for a branch, its start order within the Parallel (branch order when the history keeps it). */
  readonly index: number;
  /** The container's attempt that started it (1-based; above 1 when the Map/Parallel was retried). */
  readonly attempt: number;
  /** The state that started it: for a Parallel branch, the StartAt of the branch it ran. */
  readonly firstState?: string;
  /** succeeded, failed, or in-progress (running, or stopped when `stopped`). */
  readonly status: StateStatus;
  readonly stopped: boolean;
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
  /** Every visit (of the summarised run and the runs nested in it), in the order entered. */
  readonly visits: readonly StateVisit[];
  /** The summarised run first, then every iteration and branch nested in it, in start order. */
  readonly runs: readonly BlockRun[];
}

/** What to summarise: by default the whole execution. */
export interface SummaryOptions {
  /**
   * A BlockRun id: only that Map iteration or Parallel branch (and the runs nested in it) counts,
   * so its states are coloured by that iteration alone.
   */
  readonly run?: string;
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


const STATUS_RANK: Readonly<Record<StateStatus, number>> = { "not-visited": 0, succeeded: 1, retried: 2, caught: 3, "in-progress": 4, failed: 5 };

/** Replays the events in id order and summarises each visited state (of the whole execution, or of one run). */
export function summarizeExecution(events: readonly ExecutionEvent[], options: SummaryOptions = {}): ExecutionSummary {
  const replay = replayHistory(events);
  const outcome: ExecutionOutcome = replay.outcome ?? "running";
  const statuses = visitStatuses(replay.visits, outcome);
  const runStatus = runStatuses(replay.runs, replay.visits, statuses);
  const wanted = options.run ?? "";
  const scope = replay.runs.find((run) => run.id === wanted);
  if (!scope) {
    const known = replay.runs.slice(1, 6).map((run) => JSON.stringify(run.id));
    throw new HistoryInputError(
      `no run ${JSON.stringify(wanted)} in this history: pass "" for the execution or the id of one of summary.runs${known.length > 0 ? ` (e.g. ${known.join(", ")})` : ""}`,
    );
  }
  const inScope = (run: ReplayRun): boolean => {
    for (let r: ReplayRun | undefined = run; r; r = r.container?.run) if (r === scope) return true;
    return false;
  };
  const visits = replay.visits.filter((visit) => inScope(visit.run));
  const states = new Map<string, StateRun>();
  const transitions = new Map<string, TakenTransition>();
  for (const visit of visits) {
    const run = stateRun(visit, statuses.get(visit) ?? failedStatus());
    const before = states.get(visit.name);
    states.set(visit.name, before === undefined ? run : mergeRuns(before, run));
  }
  for (const [from, to] of takenPairs(replay.visits)) {
    if (!inScope(to.run)) continue;
    const taken = { from: from.name, to: to.name, caught: statuses.get(from)?.caught ?? false };
    transitions.set(`${taken.from}\u0000${taken.to}\u0000${taken.caught}`, taken);
  }
  return {
    outcome,
    states,
    transitions: [...transitions.values()],
    ...(replay.error === undefined ? {} : { error: replay.error }),
    ...(replay.cause === undefined ? {} : { cause: replay.cause }),
    visits: visits.map((visit) => publicVisit(visit, statuses.get(visit) ?? failedStatus())),
    runs: replay.runs.filter(inScope).map((run) => publicRun(run, runStatus.get(run) ?? { status: "in-progress", stopped: false })),
  };
}

interface VisitStatus {
  readonly status: StateStatus;
  readonly caught: boolean;
  readonly stopped: boolean;
  readonly error?: string;
  readonly cause?: string;
}

const failedStatus = (): VisitStatus => ({ status: "failed", caught: false, stopped: false });

/**
 * The status of every visit. Inner visits come later in event order than their container, so
 * walking backwards settles a Map/Parallel's children before the container itself: a container
 * that exited although a child run of its last attempt failed was caught by its own Catcher.
 */
function visitStatuses(visits: readonly ReplayVisit[], outcome: ExecutionOutcome): Map<ReplayVisit, VisitStatus> {
  const statuses = new Map<ReplayVisit, VisitStatus>();
  const runFailed = (run: ReplayRun): ReplayVisit | undefined =>
    run.iterationEnd === "failed" ? (visits.find((v) => v.run === run && statuses.get(v)?.status === "failed") ?? run.container) : visits.find((v) => v.run === run && statuses.get(v)?.status === "failed");
  for (let i = visits.length - 1; i >= 0; i--) {
    const visit = visits[i];
    if (!visit) continue;
    let failedChild: ReplayVisit | undefined;
    if (!visit.containerSucceeded && !visit.lastAttemptFailed) {
      const attempt = Math.max(1, visit.attempts.length);
      for (const run of visit.children) if (run.attempt === attempt) failedChild ??= runFailed(run);
    }
    statuses.set(visit, visitStatus(visit, outcome, failedChild));
  }
  return statuses;
}

function visitStatus(visit: ReplayVisit, outcome: ExecutionOutcome, failedChild: ReplayVisit | undefined): VisitStatus {
  const exited = visit.exitedEventId !== undefined;
  const childError = failedChild && failedChild !== visit ? errorOf(failedChild) : {};
  const details = visit.error !== undefined || visit.cause !== undefined ? errorOf(visit) : childError;
  const lastFailed = visit.lastAttemptFailed || failedChild !== undefined;
  const retried = visit.attempts.length > 1;
  if (exited) {
    if (lastFailed) return { status: "caught", caught: true, stopped: false, ...details };
    // Errors of retried attempts stay in the details: they explain the attempt count.
    return { status: retried ? "retried" : "succeeded", caught: false, stopped: false, ...(visit.failed ? details : {}) };
  }
  // Never exited: it failed, was stopped, or is still running.
  if (visit.failed || visit.stateType === "Fail" || failedChild) return { status: "failed", caught: false, stopped: false, ...details };
  if (visit.aborted || outcome === "aborted") return { status: "in-progress", caught: false, stopped: true };
  if (outcome === "failed" || outcome === "timed-out") return { status: "failed", caught: false, stopped: false, ...details };
  return { status: "in-progress", caught: false, stopped: false };
}

function errorOf(visit: ReplayVisit): { error?: string; cause?: string } {
  return { ...(visit.error === undefined ? {} : { error: visit.error }), ...(visit.cause === undefined ? {} : { cause: visit.cause }) };
}

function runStatuses(runs: readonly ReplayRun[], visits: readonly ReplayVisit[], statuses: ReadonlyMap<ReplayVisit, VisitStatus>): Map<ReplayRun, { status: StateStatus; stopped: boolean }> {
  const result = new Map<ReplayRun, { status: StateStatus; stopped: boolean }>();
  const own = new Map<ReplayRun, VisitStatus[]>();
  for (const visit of visits) {
    const status = statuses.get(visit);
    if (status) own.set(visit.run, [...(own.get(visit.run) ?? []), status]);
  }
  for (const run of runs) {
    const list = own.get(run) ?? [];
    const stopped = run.iterationEnd === "aborted" || list.some((s) => s.stopped);
    if (run.iterationEnd === "failed" || list.some((s) => s.status === "failed")) result.set(run, { status: "failed", stopped: false });
    else if (run.iterationEnd === "succeeded") result.set(run, { status: "succeeded", stopped: false });
    else if (stopped || list.some((s) => s.status === "in-progress") || list.length === 0) result.set(run, { status: "in-progress", stopped });
    else result.set(run, { status: lastIsOpen(run, visits) ? "in-progress" : "succeeded", stopped: false });
  }
  return result;
}

/** A run whose latest visit has not exited is still going (e.g. between two states of a live execution). */
function lastIsOpen(run: ReplayRun, visits: readonly ReplayVisit[]): boolean {
  for (let i = visits.length - 1; i >= 0; i--) if (visits[i]?.run === run) return visits[i]?.exitedEventId === undefined;
  return false;
}

/** Consecutive visits of one run: the state exited, then the next one entered after it. */
function takenPairs(visits: readonly ReplayVisit[]): [ReplayVisit, ReplayVisit][] {
  const pairs: [ReplayVisit, ReplayVisit][] = [];
  const last = new Map<ReplayRun, ReplayVisit>();
  for (const visit of visits) {
    const before = last.get(visit.run);
    if (before && before.exitedEventId !== undefined && before.exitedEventId < visit.enteredEventId) pairs.push([before, visit]);
    last.set(visit.run, visit);
  }
  return pairs;
}

function stateRun(visit: ReplayVisit, status: VisitStatus): StateRun {
  const attempts = Math.max(1, visit.attempts.length);
  return { ...status, visits: 1, retries: attempts - 1, attempts };
}

function mergeRuns(a: StateRun, b: StateRun): StateRun {
  const worse = STATUS_RANK[b.status] > STATUS_RANK[a.status] ? b : a;
  return {
    ...worse,
    visits: a.visits + b.visits,
    retries: a.retries + b.retries,
    attempts: a.attempts + b.attempts,
    caught: a.caught || b.caught,
    stopped: a.stopped || b.stopped,
  };
}

function publicVisit(visit: ReplayVisit, status: VisitStatus): StateVisit {
  const optional = {
    exitedEventId: visit.exitedEventId,
    enteredAt: visit.enteredAt,
    exitedAt: visit.exitedAt,
    input: visit.input,
    output: visit.output,
    error: status.error,
    cause: status.cause,
    assignedVariables: visit.assignedVariables,
  };
  return {
    name: visit.name,
    type: visit.stateType,
    status: status.status,
    run: visit.run.id,
    enteredEventId: visit.enteredEventId,
    ...Object.fromEntries(Object.entries(optional).filter(([, value]) => value !== undefined)),
    attempts: visit.attempts.map((attempt) => ({ ...attempt })),
    caught: status.caught,
    stopped: status.stopped,
    runs: visit.children.map((run) => run.id),
  };
}

function publicRun(run: ReplayRun, status: { status: StateStatus; stopped: boolean }): BlockRun {
  const container = run.container;
  return {
    id: run.id,
    kind: run.kind,
    ...(container ? { parent: container.run.id, state: container.name, stateEnteredEventId: container.enteredEventId } : {}),
    index: run.index,
    attempt: run.attempt,
    ...(run.firstState === undefined ? {} : { firstState: run.firstState }),
    ...status,
  };
}
