// The recordings of some cases went through the recording test's Parallel transformer
// (LocalStack's SfnNoneRecursiveParallelTransformer, testing/pytest/stepfunctions/utils.py):
// it sorts the events a Parallel's branches wrote, so that their interleaving does not matter.
// It also drops events: it replaces `events[start:i]` with the sorted run collected since the
// last ParallelStateStarted on every ParallelStateSucceeded/Aborted/Exited/Failed, even when that
// slice is longer than the run (the ParallelStateSucceeded before an exit, a nested Parallel's
// own events). Comparing AWS's real sequence with such a recording means putting the local
// history through the same steps, rather than guessing which events the recording lost.

/** The events that close a run of branch events in the transformer. */
const CLOSING = new Set(["ParallelStateSucceeded", "ParallelStateAborted", "ParallelStateExited", "ParallelStateFailed"]);

/** The event type of a `Type` or `Type:StateName` signature. */
function typeOf(signature: string): string {
  const colon = signature.indexOf(":");
  return colon < 0 ? signature : signature.slice(0, colon);
}

/**
 * `events` (signatures, `Type` or `Type:StateName`) as the recording test's Parallel transformer
 * leaves them. The transformer sorts whole events by their JSON text; signatures sort the same
 * way for the events a branch writes (the type leads both).
 */
export function sortAsRecorded(events: readonly string[]): string[] {
  const out = [...events];
  let start = 0;
  let run: string[] = [];
  let inRun = false;
  // Index-based on purpose: the transformer splices the list it is walking, so events shift
  // under the loop exactly as they do here.
  for (let i = 0; i < out.length; i++) {
    const type = typeOf(out[i]!);
    if (CLOSING.has(type)) {
      out.splice(start, i - start, ...[...run].sort());
      inRun = false;
    } else if (type === "ParallelStateStarted") {
      inRun = true;
      run = [];
      start = i + 1;
    } else if (inRun) {
      run.push(out[i]!);
    }
  }
  return out;
}

/**
 * Sorts each run of events that directly follows a ParallelStateStarted, up to the next
 * Parallel* event: the order inside a run the transformer sorted, made comparable.
 */
export function normaliseBranchEvents(events: readonly string[]): string[] {
  const out: string[] = [];
  let run: string[] | undefined;
  for (const e of events) {
    if (run !== undefined && !e.startsWith("ParallelState")) {
      run.push(e);
      continue;
    }
    if (run !== undefined) out.push(...run.sort());
    run = undefined;
    out.push(e);
    if (e === "ParallelStateStarted") run = [];
  }
  if (run !== undefined) out.push(...run.sort());
  return out;
}
