// What the console needs from a history beyond @stepcraft/graph's summary (which gives each
// state's status, each visit's data and each Map iteration's and Parallel branch's run): the
// state every event belongs to, for the history table's links to the graph, the events by id,
// and whether the execution has ended. Pure data in, data out: unit-tested in Node.

/** A history event as the API returns it (timestamp in epoch seconds). */
export interface HistoryEvent {
  readonly id: number;
  readonly previousEventId?: number;
  readonly timestamp: number;
  readonly type: string;
  readonly [field: string]: unknown;
}

export interface HistoryIndex {
  /** The state each event belongs to (execution events belong to none). */
  readonly stateOfEvent: ReadonlyMap<number, string>;
  readonly eventsById: ReadonlyMap<number, HistoryEvent>;
  /** Epoch seconds of the first event: elapsed times count from it. */
  readonly startedAt: number | undefined;
  /** The event that ended the execution (ExecutionSucceeded, …Failed, …TimedOut, …Aborted), if it has ended. */
  readonly ended: HistoryEvent | undefined;
}

type Details = Readonly<Record<string, unknown>>;

function isRecord(value: unknown): value is Details {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The event's `…EventDetails` object (each event has at most one). */
export function eventDetails(event: HistoryEvent): Details | undefined {
  for (const [key, value] of Object.entries(event)) if (key.endsWith("EventDetails") && isRecord(value)) return value;
  return undefined;
}

interface OpenVisit {
  readonly name: string;
  readonly type: string;
  open: boolean;
}

/** Indexes a history; events may come in any order and are read by id. */
export function indexHistory(events: readonly HistoryEvent[]): HistoryIndex {
  const sorted = [...events].sort((a, b) => a.id - b.id);
  const visits: OpenVisit[] = [];
  const owner = new Map<number, OpenVisit>();
  const stateOfEvent = new Map<number, string>();
  let ended: HistoryEvent | undefined;

  const latestOpen = (test: (visit: OpenVisit) => boolean): OpenVisit | undefined => {
    for (let i = visits.length - 1; i >= 0; i--) if (visits[i]!.open && test(visits[i]!)) return visits[i];
    return undefined;
  };

  for (const event of sorted) {
    // Execution events belong to no state; a redrive runs an ended execution again.
    if (event.type.startsWith("Execution")) {
      if (/^Execution(Succeeded|Failed|TimedOut|Aborted)$/.test(event.type)) ended = event;
      if (event.type === "ExecutionRedriven") ended = undefined;
      continue;
    }
    const details = eventDetails(event);
    const name = typeof details?.["name"] === "string" ? details["name"] : undefined;
    const linked = owner.get(event.previousEventId ?? 0);
    let visit: OpenVisit | undefined;
    if (event.type.endsWith("StateEntered")) {
      visit = { name: name ?? "?", type: event.type.slice(0, -"StateEntered".length), open: true };
      visits.push(visit);
    } else if (event.type.endsWith("StateExited")) {
      visit = linked?.open === true && linked.name === name ? linked : latestOpen((v) => v.name === name);
      if (visit !== undefined) visit.open = false;
    } else {
      // Parallel/Map bookkeeping points back at a branch's last event: match it by type (and name) instead.
      const container = /^(Parallel|Map)(State|Run|Iteration)/.exec(event.type)?.[1];
      visit = container === undefined ? (linked?.open === true ? linked : latestOpen(() => true)) : latestOpen((v) => v.type === container && (name === undefined || v.name === name));
    }
    if (visit === undefined) continue;
    owner.set(event.id, visit);
    stateOfEvent.set(event.id, visit.name);
  }
  return { stateOfEvent, eventsById: new Map(sorted.map((e) => [e.id, e])), startedAt: sorted[0]?.timestamp, ended };
}
