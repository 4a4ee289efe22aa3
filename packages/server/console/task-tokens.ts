// Finds the callback tasks an execution is waiting on, and their task tokens, from the history
// alone: a `.waitForTaskToken` task puts `$$.Task.Token` into its parameters, which the
// TaskScheduled event records. This is how the human-approval pattern is answered by hand.
import type { ExecutionSummary } from "@stepcraft/graph";
import { eventDetails, type HistoryIndex } from "./history-model.ts";

/** A task waiting for SendTaskSuccess/SendTaskFailure. */
export interface PendingCallback {
  readonly stateName: string;
  readonly scheduledEventId: number;
  readonly resource: string;
  /** Undefined when the parameters carry no field that looks like the token (the user pastes it). */
  readonly token: string | undefined;
}

/** The string values of fields whose name mentions a token, depth first (`TaskToken`, `token`, `MessageBody.TaskToken`). */
function tokenFields(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) tokenFields(item, found);
  else if (typeof value === "object" && value !== null) {
    for (const [key, inner] of Object.entries(value)) {
      if (/token/i.test(key) && typeof inner === "string" && inner !== "") found.push(inner);
      else tokenFields(inner, found);
    }
  }
  return found;
}

function parseParameters(parameters: unknown): unknown {
  if (typeof parameters !== "string") return parameters;
  try {
    return JSON.parse(parameters);
  } catch {
    return undefined;
  }
}

/** The callback tasks whose latest attempt is still running, while the execution has not ended. */
export function pendingCallbacks(summary: ExecutionSummary, index: HistoryIndex): PendingCallback[] {
  // An execution that ended (failed elsewhere, timed out, stopped) has nobody waiting any more.
  if (index.ended !== undefined) return [];
  const pending: PendingCallback[] = [];
  for (const visit of summary.visits) {
    const attempt = visit.attempts.at(-1);
    if (visit.exitedEventId !== undefined || attempt === undefined || attempt.outcome !== "running") continue;
    const scheduled = index.eventsById.get(attempt.eventId);
    const details = scheduled === undefined ? undefined : eventDetails(scheduled);
    const resource = details?.["resource"];
    if (typeof resource !== "string" || !resource.endsWith(".waitForTaskToken")) continue;
    pending.push({ stateName: visit.name, scheduledEventId: attempt.eventId, resource, token: tokenFields(parseParameters(details?.["parameters"]))[0] });
  }
  return pending;
}
