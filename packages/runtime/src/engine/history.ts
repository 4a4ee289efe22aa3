import { StatesError } from "../errors.ts";
import { toJsonText } from "../data/number-text.ts";
import type { RootNumberText } from "../data/number-text.ts";
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

/**
 * Slots per history chunk: three per event, 16 events in the first chunk, later ones up to 1,024.
 * Three, not one per field, because the slots of a long history are what survives the young
 * generation's collections, and V8 grows its young generation (to 32 MB) by what survives: on the
 * 10,000-item Map, six slots per event meant a peak RSS about 5 MB higher.
 */
const SLOTS_PER_EVENT = 3;
const FIRST_CHUNK_SLOTS = SLOTS_PER_EVENT * 16;
const CHUNK_SLOTS = SLOTS_PER_EVENT * 1024;

/**
 * An event's type and previous event id share a slot, as `code + previousEventId * TYPE_CODES`,
 * with `code` the type's index in `typeNames`: an integer V8 keeps unboxed (a Smi: below 2^30
 * with pointer compression, so for previous event ids below about a million), and exact as a
 * double far beyond any history's size.
 */
const TYPE_CODES = 1024;
const typeNames: string[] = [];
const typeCodes = new Map<string, number>();

function typeCode(type: string): number {
  let code = typeCodes.get(type);
  if (code === undefined) {
    // The event types are the runtime's own, a fixed set well under the limit.
    if (typeNames.length === TYPE_CODES) throw new Error(`more than ${TYPE_CODES} history event types`);
    code = typeNames.length;
    typeNames.push(type);
    typeCodes.set(type, code);
  }
  return code;
}

/**
 * An event type's code, looked up once where a caller is compiled (a state's Entered/Exited, a
 * task's Scheduled/Started/Succeeded) rather than by name for each event: that lookup is a Map
 * get of about 6 ns, and a state records two events per visit.
 */
export type HistoryEventType = number & { readonly historyEventType: unique symbol };

/** The code of an event type, for `HistoryRecorder.add`. */
export function historyEventType(type: string): HistoryEventType {
  return typeCode(type) as HistoryEventType;
}

/** The payload slot of an event that also has detail fields (most events have none). */
class WithDetails {
  constructor(
    readonly payload: unknown,
    readonly extra: Readonly<Record<string, unknown>>,
  ) {}
}

/**
 * How many events the machine's last execution recorded: executions of one machine usually
 * record about as many, so the next one sizes its first chunk for that many at once. Doubling
 * from 16 events instead allocates up to twice the slots an execution uses (on a 100-task chain,
 * 502 events: 6,048 slots for 3,012 used, about a third of everything the run allocated).
 */
export interface HistorySizeHint {
  events: number;
}

/**
 * Raised when the execution would write an event past AWS's history limit: the execution fails
 * with `States.Runtime` and this cause (AWS's words, without a state prefix: the execution, not
 * the state, failed), which no Retry or Catch sees.
 */
export class HistoryLimitReached extends StatesError {
  constructor(readonly maxEvents: number) {
    super("States.Runtime", `The execution reached the maximum number of history events (${maxEvents}).`);
  }
}

/**
 * The events that may take the last slot of a full history. AWS keeps it for the execution's end
 * ("Avoid reaching the history quota": when event 25,000 is not ExecutionSucceeded, the
 * ExecutionFailed event is logged instead); aborts and timeouts end the execution just as well.
 */
const CLOSING_EVENTS = new Set(["ExecutionSucceeded", "ExecutionFailed", "ExecutionAborted", "ExecutionTimedOut"]);

/** Records the events of one execution; `id`s are 1-based and sequential. */
export class HistoryRecorder {
  // Fixed-size chunks, three slots per event, rather than an object per event or one growing
  // array: recording stays allocation-light even for a Map's tens of thousands of events.
  // Slots: type and previousEventId (see TYPE_CODES), name, payload (or WithDetails).
  private readonly chunks: unknown[][] = [];
  private chunk: unknown[] = [];
  private pos = 0;
  // Timestamps, once per change rather than once per event (most events share their
  // millisecond with the one before): event `timeFrom[k]` and those after it were recorded at
  // `timeAt[k]`, up to the next change.
  private readonly timeFrom: number[] = [];
  private readonly timeAt: number[] = [];
  private lastTime = Number.NaN;

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

  /** The kept text of the execution input when it is a top-level number (see data/number-text.ts). */
  rootNumberText: RootNumberText | undefined;

  /** Appends an event (its type by name, or by code: see historyEventType) and returns its id. */
  add(
    type: string | HistoryEventType,
    prev: number,
    name?: string,
    payload?: unknown,
    extra?: Readonly<Record<string, unknown>>,
  ): number {
    if (this.closed) return this.count;
    const code = typeof type === "number" ? type : typeCode(type);
    if (this.count + 1 >= this.maxEvents && (this.count >= this.maxEvents || !CLOSING_EVENTS.has(typeNames[code]!))) throw new HistoryLimitReached(this.maxEvents);
    const id = ++this.count;
    if (this.enabled) {
      if (this.pos === this.chunk.length) {
        // Small first (most executions are short), doubling up to a fixed size.
        this.chunk = new Array<unknown>(this.chunk.length === 0 ? this.firstChunkSlots() : Math.min(this.chunk.length * 2, CHUNK_SLOTS));
        this.chunks.push(this.chunk);
        this.pos = 0;
      }
      const c = this.chunk;
      const p = this.pos;
      c[p] = code + prev * TYPE_CODES;
      c[p + 1] = name;
      c[p + 2] = extra === undefined ? payload : new WithDetails(payload, extra);
      this.pos = p + SLOTS_PER_EVENT;
      const now = this.now();
      if (now !== this.lastTime) {
        this.timeFrom.push(id);
        this.timeAt.push(now);
        this.lastTime = now;
      }
    }
    this.onEvent?.(id);
    return id;
  }

  private firstChunkSlots(): number {
    const hinted = this.sizeHint === undefined ? 0 : this.sizeHint.events * SLOTS_PER_EVENT;
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
    let time = 0;
    this.chunks.forEach((s, n) => {
      const end = n === this.chunks.length - 1 ? this.pos : s.length;
      for (let i = 0; i < end; i += SLOTS_PER_EVENT) {
        ++id;
        // Ids only grow, so the timestamp index only moves forward.
        while (time + 1 < this.timeFrom.length && this.timeFrom[time + 1]! <= id) time++;
        if (id < firstId) continue;
        const packed = s[i] as number;
        const code = packed % TYPE_CODES;
        const slot = s[i + 2];
        const detailed = slot instanceof WithDetails ? slot : undefined;
        out.push(
          toHistoryEvent({
            type: typeNames[code]!,
            id,
            prev: (packed - code) / TYPE_CODES,
            ts: this.timeAt[time]!,
            name: s[i + 1] as string | undefined,
            payload: detailed === undefined ? slot : detailed.payload,
            extra: detailed?.extra,
          }, this.rootNumberText),
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

function toHistoryEvent(raw: RawEvent, rootNumberText: RootNumberText | undefined): HistoryEvent {
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
    details[key] = toJsonText(raw.payload, rootNumberText) ?? "null";
    if (key !== "parameters") details[`${key}Details`] = { truncated: false };
  }
  event[detailsKey(raw.type)] = details;
  return event as unknown as HistoryEvent;
}
