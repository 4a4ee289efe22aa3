// Finds the callback tasks an execution is waiting on, and their task tokens, from the history
// alone: a `.waitForTaskToken` task puts `$$.Task.Token` into its parameters, which the
// TaskScheduled event records. This is how the human-approval pattern is answered by hand.
import type { HistoryIndex } from "./history-model.ts";

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

/** The callback tasks of the history whose latest attempt has no answer yet (in an open visit). */
export function pendingCallbacks(index: HistoryIndex): PendingCallback[] {
  const pending: PendingCallback[] = [];
  // An execution that ended (failed elsewhere, timed out, stopped) has nobody waiting any more.
  if (index.ended !== undefined) return pending;
  for (const visit of index.visits) {
    if (visit.exitedEventId !== undefined) continue;
    const attempt = visit.attempts.at(-1);
    const resource = attempt?.details["resource"];
    if (attempt === undefined || attempt.outcome !== "pending" || typeof resource !== "string" || !resource.endsWith(".waitForTaskToken")) continue;
    pending.push({ stateName: visit.name, scheduledEventId: attempt.scheduledEventId, resource, token: tokenFields(parseParameters(attempt.details["parameters"]))[0] });
  }
  return pending;
}
