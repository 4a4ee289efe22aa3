import type { HistoryEvent } from "../engine/history.ts";
import { formatDuration } from "./duration.ts";
import { readHistory } from "./read-history.ts";
import type { ExecutionReading, StateVisit } from "./read-history.ts";

/** How much of a large execution a trace shows. */
export interface TraceOptions {
  /** Iterations shown per Map state (the rest are counted in one line). @default 10 */
  readonly maxIterations?: number;
  /** Longest cause shown before it is cut. @default 200 */
  readonly maxCauseLength?: number;
}

/**
 * A readable account of an execution for test failures: states in order with their virtual time
 * since the start, durations, attempts and retry delays, errors and causes, Map iterations and
 * Parallel branches indented under their state.
 * @example
 * console.log(formatTrace(execution.history));
 * // +0s      execution started
 * // +0s      Charge (Task)  took 6s
 * //            attempt 1 failed: Lambda.TooManyRequestsException: Rate exceeded
 * //            retry #1 after 2s
 * //            attempt 2 succeeded
 */
export function formatTrace(history: readonly HistoryEvent[] | ExecutionReading, options: TraceOptions = {}): string {
  const reading = Array.isArray(history) ? readHistory(history) : (history as ExecutionReading);
  const maxIterations = options.maxIterations ?? 10;
  const maxCause = options.maxCauseLength ?? 200;
  const start = reading.startedAt?.getTime() ?? reading.allVisits[0]?.enteredAt.getTime() ?? 0;
  const rows: [string, string][] = [];
  const at = (date: Date): string => `+${formatDuration(date.getTime() - start)}`;
  // A failure with no error name (a Fail state without Error) shows its cause, or nothing.
  const failure = (error: string | undefined, cause: string | undefined): string => {
    const shown = shortCause(cause, maxCause);
    return [error, shown].filter((part) => part !== undefined && part !== "").join(": ");
  };

  const visitRows = (visit: StateVisit, depth: number): void => {
    const indent = "  ".repeat(depth);
    const label = visit.index === undefined ? "" : visit.parent?.type === "Parallel" ? `(branch ${visit.index}) ` : `[${visit.index}] `;
    const ended = visit.exitedAt ?? lastEnd(visit);
    const took = ended !== undefined && ended.getTime() > visit.enteredAt.getTime() ? `  took ${formatDuration(ended.getTime() - visit.enteredAt.getTime())}` : "";
    let status = "";
    if (visit.status === "failed") status = `  FAILED ${failure(visit.error, visit.cause)}`.trimEnd();
    else if (visit.status === "caught") status = `  caught ${failure(visit.error, visit.cause)}`.trimEnd();
    else if (visit.status === "aborted") status = "  aborted";
    else if (visit.status === "running") status = "  (running)";
    rows.push([at(visit.enteredAt), `${indent}${label}${visit.name} (${visit.type})${took}${status}`]);
    if (visit.attempts.length > 1) {
      visit.attempts.forEach((attempt, i) => {
        if (i > 0) {
          const previous = visit.attempts[i - 1]!;
          const waited = previous.endedAt === undefined ? undefined : attempt.startedAt.getTime() - previous.endedAt.getTime();
          rows.push(["", `${indent}  retry #${i}${waited === undefined ? "" : ` after ${formatDuration(waited)}`}`]);
        }
        const why = failure(attempt.error, attempt.cause);
        const outcome = attempt.outcome === "failed" || attempt.outcome === "timed-out" ? `${attempt.outcome === "failed" ? "failed" : "timed out"}${why === "" ? "" : `: ${why}`}` : attempt.outcome;
        rows.push(["", `${indent}  attempt ${i + 1} ${outcome}`]);
      });
    }
    childRows(visit, depth + 1);
  };

  const childRows = (visit: StateVisit, depth: number): void => {
    if (visit.children.length === 0) return;
    const ordered = [...visit.children].sort((a, b) => (a.index ?? -1) - (b.index ?? -1) || a.eventId - b.eventId);
    if (visit.type !== "Map") {
      for (const child of ordered) visitRows(child, depth);
      return;
    }
    const indexes = [...new Set(ordered.map((c) => c.index ?? -1))];
    const shown = new Set(indexes.slice(0, maxIterations));
    for (const child of ordered) if (shown.has(child.index ?? -1)) visitRows(child, depth);
    const hidden = indexes.length - shown.size;
    if (hidden > 0) {
      const failed = new Set(ordered.filter((c) => !shown.has(c.index ?? -1) && c.status === "failed").map((c) => c.index)).size;
      rows.push(["", `${"  ".repeat(depth)}… ${hidden} more iteration${hidden === 1 ? "" : "s"}${failed === 0 ? "" : ` (${failed} failed)`}`]);
    }
  };

  if (reading.startedAt !== undefined) rows.push([at(reading.startedAt), "execution started"]);
  for (const visit of reading.visits) visitRows(visit, 0);
  if (reading.endedAt !== undefined) {
    const ending = reading.status === "SUCCEEDED" ? "" : reading.error === undefined && reading.cause === undefined ? "" : `  ${failure(reading.error, reading.cause)}`;
    rows.push([at(reading.endedAt), `execution ${reading.status}${ending}`]);
  } else {
    rows.push(["", "execution still RUNNING"]);
  }
  const width = Math.max(...rows.map(([time]) => time.length));
  return rows.map(([time, text]) => `${time.padEnd(width)}  ${text}`.trimEnd()).join("\n");
}

function lastEnd(visit: StateVisit): Date | undefined {
  return visit.attempts[visit.attempts.length - 1]?.endedAt;
}

/** A Lambda error's cause is a JSON payload: its errorMessage says it; other causes are cut to length. */
function shortCause(cause: string | undefined, max: number): string {
  if (cause === undefined) return "";
  let text = cause;
  if (text.startsWith("{")) {
    try {
      const parsed = JSON.parse(text) as { errorMessage?: unknown };
      if (typeof parsed.errorMessage === "string") text = parsed.errorMessage;
    } catch {
      // Not JSON after all: shown as it is.
    }
  }
  text = text.replace(/\s+/g, " ");
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
