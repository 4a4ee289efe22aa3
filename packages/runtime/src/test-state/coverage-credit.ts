// Workflow coverage of a testState run. The state runs in a machine of its own (isolate.ts), whose
// placeholder targets and missing Retry are not the user's machine: what the run reached is
// recorded privately, then credited to the state in the machine it was taken from, under that
// machine's name, so a testState of "ChargeCard" and a testExecution of the same workflow add up.
import type { StateType } from "../engine/types.ts";
import { CoverageRecorder, activeCoverageRecorder } from "../coverage/recorder.ts";
import type { FoundState } from "./isolate.ts";
import { retryOf } from "./respond.ts";
import type { TestStateOutput } from "./types.ts";

/** A private recorder for the isolated run when coverage is on and a whole machine was given; else none. */
export function isolatedRecorder(found: FoundState): CoverageRecorder | undefined {
  return found.fromMachine && activeCoverageRecorder() !== undefined ? new CoverageRecorder() : undefined;
}

/**
 * Adds what the isolated run reached to the tested state (and the states inside it: a Map's or a
 * Parallel's, when they ran) of the whole machine; placeholder targets are left out. A RETRIABLE
 * outcome is the matching Retrier retrying, although the isolated state had no Retry to run.
 */
export function creditTestedState(
  isolated: CoverageRecorder,
  placeholders: ReadonlyMap<string, string>,
  machine: { readonly definition: unknown; readonly name: string },
  found: FoundState,
  out: TestStateOutput,
  retryCount: number,
): void {
  const recorder = activeCoverageRecorder();
  if (recorder === undefined) return;
  const whole = recorder.machine(machine.definition, machine.name);
  const [run] = isolated.snapshot().machines;
  for (const [name, counts] of Object.entries(run?.states ?? {})) {
    if (placeholders.has(name)) continue;
    const def = name === found.name ? found.def : undefined;
    const probe = whole.states.get(name) ?? (def === undefined ? undefined : whole.state(name, def["Type"] as StateType, def));
    if (probe === undefined) continue;
    probe.credit(counts);
  }
  // Read from the state's Retry as respond.ts decided RETRIABLE (inspection data exists only at DEBUG/TRACE).
  const retryIndex = out.status === "RETRIABLE" ? retryOf(found, { error: out.error ?? "", cause: out.cause }, retryCount)?.index : undefined;
  if (retryIndex !== undefined) {
    const probe = whole.state(found.name, found.def["Type"] as StateType, found.def);
    probe.retriers[retryIndex] = (probe.retriers[retryIndex] ?? 0) + 1;
  }
}
