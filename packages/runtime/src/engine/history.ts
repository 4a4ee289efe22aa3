/** One event as GetExecutionHistory returns it (details under `<camelCaseType>EventDetails`). */
export interface HistoryEvent {
  readonly timestamp: Date;
  readonly type: string;
  readonly id: number;
  readonly previousEventId: number;
  readonly [details: string]: unknown;
}

/**
 * What the interpreter records per event: plain fields and references to payloads. Payloads are
 * never mutated by the runtime, so turning them into JSON strings can wait until someone reads the
 * history, which keeps recording cheap enough to be always on.
 */
interface RawEvent {
  readonly type: string;
  readonly id: number;
  readonly prev: number;
  readonly ts: number;
  /** State name for StateEntered/Exited, Map name for MapIteration events. */
  readonly name: string | undefined;
  /** Input or output payload of the event, if it carries one. */
  readonly payload: unknown;
  /** Other detail fields, already in their final form. */
  readonly extra: Readonly<Record<string, unknown>> | undefined;
}

const PAYLOAD_KEY: Readonly<Record<string, "input" | "output" | "parameters">> = {
  TaskScheduled: "parameters",
  ExecutionStarted: "input",
  ExecutionSucceeded: "output",
  TaskSucceeded: "output",
  TaskSubmitted: "output",
  LambdaFunctionScheduled: "input",
  LambdaFunctionSucceeded: "output",
  ActivityScheduled: "input",
  ActivitySucceeded: "output",
};

/** Event types without any details object. */
const NO_DETAILS = new Set([
  "LambdaFunctionStarted",
  "MapStateSucceeded",
  "MapStateFailed",
  "MapStateAborted",
  "ParallelStateStarted",
  "ParallelStateSucceeded",
  "ParallelStateFailed",
  "ParallelStateAborted",
  "MapRunSucceeded",
  "WaitStateAborted",
  "TaskStateAborted",
]);

/** Slots per history chunk: the first holds 16 events, later ones up to 1,024. */
const FIRST_CHUNK_SLOTS = 6 * 16;
const CHUNK_SLOTS = 6 * 1024;

/**
 * How many events the machine's last execution recorded: executions of one machine usually
 * record about as many, so the next one sizes its first chunk for that many at once. Doubling
 * from 16 events instead allocates up to twice the slots an execution uses (on a 100-task chain,
 * 502 events: 6,048 slots for 3,012 used, about a third of everything the run allocated).
 */
export interface HistorySizeHint {
  events: number;
}

/** Raised (internally) when the execution has written as many events as AWS allows. */
export class HistoryLimitReached extends Error {
  override readonly name = "HistoryLimitReached";
}

/** Records the events of one execution; `id`s are 1-based and sequential. */
export class HistoryRecorder {
  // Fixed-size chunks, six slots per event, rather than an object per event or one growing
  // array: recording stays allocation-light even for a Map's tens of thousands of events.
  // Slots: type, previousEventId, timestamp, name, payload, extra details.
  private readonly chunks: unknown[][] = [];
  private chunk: unknown[] = [];
  private pos = 0;

  constructor(
    private readonly now: () => number,
    private readonly enabled: boolean,
    private readonly maxEvents: number,
    private readonly sizeHint?: HistorySizeHint,
    /** Told each recorded event's id, after it is stored. */
    private readonly onEvent?: (id: number) => void,
  ) {}

  /** Number of events recorded so far (counted even when recording is off, for the limit). */
  count = 0;

  /**
   * Set once the execution's closing event (ExecutionSucceeded/Failed/Aborted/TimedOut) is recorded:
   * AWS records nothing after it, so what a stopped run's leftovers report (a callback task failing
   * as it is let go) is not recorded. A redrive opens the history again.
   */
  closed = false;

  /** Appends an event and returns its id. */
  add(
    type: string,
    prev: number,
    name?: string,
    payload?: unknown,
    extra?: Readonly<Record<string, unknown>>,
  ): number {
    if (this.closed) return this.count;
    const id = ++this.count;
    if (id > this.maxEvents) throw new HistoryLimitReached(`The execution history reached its limit of ${this.maxEvents} events.`);
    if (this.enabled) {
      if (this.pos === this.chunk.length) {
        // Small first (most executions are short), doubling up to a fixed size.
        this.chunk = new Array<unknown>(this.chunk.length === 0 ? this.firstChunkSlots() : Math.min(this.chunk.length * 2, CHUNK_SLOTS));
        this.chunks.push(this.chunk);
        this.pos = 0;
      }
      const c = this.chunk;
      const p = this.pos;
      c[p] = type;
      c[p + 1] = prev;
      c[p + 2] = this.now();
      c[p + 3] = name;
      c[p + 4] = payload;
      c[p + 5] = extra;
      this.pos = p + 6;
    }
    this.onEvent?.(id);
    return id;
  }

  private firstChunkSlots(): number {
    const hinted = this.sizeHint === undefined ? 0 : this.sizeHint.events * 6;
    return Math.min(Math.max(hinted, FIRST_CHUNK_SLOTS), CHUNK_SLOTS);
  }

  /** Records how many events this execution wrote, for the machine's next one (HistorySizeHint). */
  noteSize(): void {
    if (this.sizeHint !== undefined && this.enabled) this.sizeHint.events = this.count;
  }

  /** The events in GetExecutionHistory shape (JSON strings for payloads), from id `firstId` on. */
  materialize(firstId = 1): HistoryEvent[] {
    const out: HistoryEvent[] = [];
    let id = 0;
    this.chunks.forEach((s, n) => {
      const end = n === this.chunks.length - 1 ? this.pos : s.length;
      for (let i = 0; i < end; i += 6) {
        if (++id < firstId) continue;
        out.push(
          toHistoryEvent({
            type: s[i] as string,
            id,
            prev: s[i + 1] as number,
            ts: s[i + 2] as number,
            name: s[i + 3] as string | undefined,
            payload: s[i + 4],
            extra: s[i + 5] as Readonly<Record<string, unknown>> | undefined,
          }),
        );
      }
    });
    return out;
  }
}

function detailsKey(type: string): string {
  if (type.endsWith("StateEntered")) return "stateEnteredEventDetails";
  if (type.endsWith("StateExited")) return "stateExitedEventDetails";
  if (type.startsWith("MapIteration")) return `${lowerFirst(type)}EventDetails`;
  return `${lowerFirst(type)}EventDetails`;
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

function toHistoryEvent(raw: RawEvent): HistoryEvent {
  const event: Record<string, unknown> = {
    timestamp: new Date(raw.ts),
    type: raw.type,
    id: raw.id,
    previousEventId: raw.prev,
  };
  if (NO_DETAILS.has(raw.type)) return event as unknown as HistoryEvent;
  const details: Record<string, unknown> = {};
  if (raw.name !== undefined) details["name"] = raw.name;
  if (raw.extra !== undefined) Object.assign(details, raw.extra);
  // MapIteration events keep their index in the payload slot (no details object per iteration).
  if (raw.type.startsWith("MapIteration")) details["index"] = raw.payload;
  const key = raw.type.endsWith("StateEntered") ? "input" : raw.type.endsWith("StateExited") ? "output" : PAYLOAD_KEY[raw.type];
  if (key !== undefined) {
    details[key] = JSON.stringify(raw.payload) ?? "null";
    if (key !== "parameters") details[`${key}Details`] = { truncated: false };
  }
  event[detailsKey(raw.type)] = details;
  return event as unknown as HistoryEvent;
}
