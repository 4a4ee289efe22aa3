/**
 * A readable trace of an execution from its history: the states in the order they were entered,
 * nested under their Parallel or Map, with virtual durations, retries and errors.
 */

/** The history fields the trace reads (GetExecutionHistory's shape). */
export interface TraceEvent {
  readonly type: string;
  readonly id: number;
  readonly previousEventId: number;
  readonly timestamp: Date;
  readonly [details: string]: unknown;
}

export interface TraceEntry {
  readonly name: string;
  /** `Task`, `Pass`, … (from the event type). */
  readonly stateType: string;
  readonly depth: number;
  /** Milliseconds from the execution's start. */
  readonly enteredAtMs: number;
  /** Undefined when the state never exited (it failed, or the execution stopped there). */
  durationMs?: number;
  retries: number;
  readonly errors: string[];
}

const ATTEMPTS = new Set(["TaskScheduled", "LambdaFunctionScheduled", "ActivityScheduled", "ParallelStateStarted", "MapStateStarted"]);

/** Builds the trace entries; events are linked to their state through `previousEventId`. */
export function buildTrace(history: readonly TraceEvent[]): TraceEntry[] {
  const start = history[0]?.timestamp.getTime() ?? 0;
  const entries: TraceEntry[] = [];
  const byId = new Map<number, TraceEvent>();
  const owner = new Map<number, TraceEntry>();
  const exitOf = new Map<TraceEntry, number>();
  for (const event of history) {
    byId.set(event.id, event);
    const previous = byId.get(event.previousEventId);
    const parent = owner.get(event.previousEventId);
    if (event.type.endsWith("StateEntered")) {
      const sibling = parent !== undefined && exitOf.get(parent) === event.previousEventId;
      const entry: TraceEntry = {
        name: detail(event, "stateEnteredEventDetails", "name") ?? "?",
        stateType: event.type.slice(0, -"StateEntered".length),
        depth: parent === undefined ? 0 : sibling ? parent.depth : parent.depth + 1,
        enteredAtMs: event.timestamp.getTime() - start,
        retries: 0,
        errors: [],
      };
      entries.push(entry);
      owner.set(event.id, entry);
      continue;
    }
    if (event.type.endsWith("StateExited")) {
      // A Parallel or Map exits after its last branch state, so the exit is matched by name.
      const name = detail(event, "stateExitedEventDetails", "name");
      const entry = findOpen(entries, name) ?? parent;
      if (entry === undefined) continue;
      entry.durationMs = event.timestamp.getTime() - start - entry.enteredAtMs;
      exitOf.set(entry, event.id);
      owner.set(event.id, entry);
      continue;
    }
    if (parent === undefined) continue;
    owner.set(event.id, parent);
    if (ATTEMPTS.has(event.type) && previous !== undefined && !previous.type.endsWith("StateEntered")) {
      parent.retries++;
    } else if (/(Failed|TimedOut)$/.test(event.type) && !event.type.startsWith("Execution")) {
      // The execution's own failure is the run's last line, not a state's error.
      const error = errorOf(event);
      if (error !== undefined) parent.errors.push(error);
    }
  }
  return entries;
}

function findOpen(entries: readonly TraceEntry[], name: string | undefined): TraceEntry | undefined {
  if (name === undefined) return undefined;
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i];
    if (entry !== undefined && entry.name === name && entry.durationMs === undefined) return entry;
  }
  return undefined;
}

function detail(event: TraceEvent, key: string, field: string): string | undefined {
  const details = event[key];
  if (typeof details !== "object" || details === null) return undefined;
  const value = (details as Record<string, unknown>)[field];
  return typeof value === "string" ? value : undefined;
}

function errorOf(event: TraceEvent): string | undefined {
  for (const [key, value] of Object.entries(event)) {
    if (!key.endsWith("EventDetails") || typeof value !== "object" || value === null) continue;
    const error = (value as Record<string, unknown>)["error"];
    if (typeof error === "string") return error;
  }
  return undefined;
}

/** `0 ms`, `250 ms`, `5 s`, `1.5 s`, `2 min 5 s`, `3 h 20 min`, `2 d 4 h`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  if (s < 60) return `${Number(s.toFixed(3))} s`;
  const parts: [number, string][] = [
    [Math.floor(s / 86400), "d"],
    [Math.floor((s % 86400) / 3600), "h"],
    [Math.floor((s % 3600) / 60), "min"],
    [Math.floor(s % 60), "s"],
  ];
  const first = parts.findIndex(([n]) => n > 0);
  return parts
    .slice(first, first + 2)
    .filter(([n]) => n > 0)
    .map(([n, unit]) => `${n} ${unit}`)
    .join(" ");
}

/** One line a state: start offset, type, name (indented by nesting), duration, retries, errors. */
export function formatTrace(entries: readonly TraceEntry[]): string {
  const nameWidth = Math.min(40, Math.max(4, ...entries.map((e) => e.name.length + e.depth * 2)));
  return entries
    .map((e) => {
      const offset = `+${formatDuration(e.enteredAtMs)}`.padStart(10);
      const name = `${"  ".repeat(e.depth)}${e.name}`.padEnd(nameWidth);
      // The trace is read after the execution ended, so a state that never exited failed (or was stopped).
      const took = e.durationMs === undefined ? "failed" : formatDuration(e.durationMs);
      const notes = [
        e.retries > 0 ? `${e.retries} ${e.retries === 1 ? "retry" : "retries"}` : "",
        e.errors.length > 0 ? `errors: ${e.errors.join(", ")}` : "",
      ].filter((n) => n !== "");
      return `${offset}  ${e.stateType.padEnd(8)}  ${name}  ${took}${notes.length > 0 ? `  (${notes.join("; ")})` : ""}`;
    })
    .join("\n");
}
