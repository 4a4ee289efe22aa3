import type { StatesError } from "../errors.ts";
import { errorOutput, HeartbeatTimeoutError, toStatesError, withStatePrefix } from "../engine/failure.ts";
import type { DataFlow } from "../engine/data-flow.ts";
import type { Frame } from "../engine/frame.ts";
import { compileRetriers, errorMatches, nextRetryDelay } from "../engine/retry.ts";
import { sleepFor } from "../engine/sleep.ts";
import type { StateBody } from "../engine/state-shell.ts";
import { commitAssign } from "../engine/state-assign.ts";
import type { CompiledStateAssign } from "../engine/state-assign.ts";
import type { CompiledState } from "../engine/types.ts";
import { haltReason } from "../engine/types.ts";
import type { StateCompileContext, StateDefinition } from "./context.ts";
import { countWhenSettled } from "../coverage/probe.ts";
import type { StateProbe } from "../coverage/probe.ts";

interface Catcher {
  readonly errorEquals: readonly string[];
  readonly assign: CompiledStateAssign | undefined;
  readonly next: CompiledState;
  readonly def: StateDefinition;
}

/**
 * Adds Retry and Catch around the work of a Task, Parallel or Map state: retriers in order with
 * back-off on the execution clock, then the first matching catcher (its output replaces the
 * state's output and its `Next` the state's transition).
 */
export function withRetryAndCatch(
  attempt: StateBody,
  ctx: StateCompileContext,
  flow: DataFlow,
  /** Records the failure event of a Map/Parallel (`MapStateFailed`), which AWS writes only when no retry or catch follows. */
  onUncaught?: (frame: Frame, error: StatesError) => void,
  /** `onUncaught` only matters inside a Parallel branch or Map iteration. */
  onlyInGroups = false,
): StateBody {
  const retriers = compileRetriers(ctx.def["Retry"]);
  const catchers: Catcher[] = Array.isArray(ctx.def["Catch"])
    ? (ctx.def["Catch"] as StateDefinition[]).map((c, i) => ({
        errorEquals: Array.isArray(c["ErrorEquals"]) ? (c["ErrorEquals"] as string[]) : [],
        assign: ctx.assign(c["Assign"], `Catch[${i}]/Assign`),
        next: ctx.target(String(c["Next"])),
        def: c,
      }))
    : [];
  if (retriers.length === 0 && catchers.length === 0) {
    if (onUncaught === undefined) return attempt;
    return (input, frame) => {
      // Outside Parallel/Map groups a state that only reports group failures needs no wrapper
      // (and no extra promise step).
      if (onlyInGroups && frame.halt.parent === undefined) return attempt(input, frame);
      let out: unknown;
      try {
        out = attempt(input, frame);
      } catch (e) {
        return uncaught(onUncaught, frame, e);
      }
      return out instanceof Promise ? out.then(undefined, (e: unknown) => uncaught(onUncaught, frame, e)) : out;
    };
  }

  const policy: GuardPolicy = { attempt, retriers, catchers, flow, onUncaught, probe: ctx.probe };
  return (input: unknown, frame: Frame): unknown => runGuarded(new GuardedVisit(policy, input, frame));
}

function uncaught(onUncaught: (frame: Frame, error: StatesError) => void, frame: Frame, e: unknown): never {
  onUncaught(frame, toStatesError(e));
  throw e;
}

/** What a state's Retry/Catch does, compiled once. */
interface GuardPolicy {
  readonly attempt: StateBody;
  readonly retriers: ReturnType<typeof compileRetriers>;
  readonly catchers: readonly Catcher[];
  readonly flow: DataFlow;
  readonly onUncaught: ((frame: Frame, error: StatesError) => void) | undefined;
  /** Coverage counters: which Retrier retried, which Catcher caught. */
  readonly probe: StateProbe | undefined;
}

/** One visit of a guarded state: its input and each retrier's attempt count. */
class GuardedVisit {
  attempts: number[] | undefined = undefined;
  constructor(
    readonly policy: GuardPolicy,
    readonly input: unknown,
    readonly frame: Frame,
  ) {}
}

// Module-level functions over a visit object rather than closures per visit: a task with Retry
// is visited often, and (under tsx) every named closure costs a defineProperty.
function runGuarded(visit: GuardedVisit): unknown {
  let out: unknown;
  try {
    out = visit.policy.attempt(visit.input, visit.frame);
  } catch (e) {
    return onGuardedError(visit, e);
  }
  return out instanceof Promise ? out.then(undefined, (e: unknown) => onGuardedError(visit, e)) : out;
}

function onGuardedError(visit: GuardedVisit, e: unknown): unknown {
  const { policy, frame, input } = visit;
  const err = withStatePrefix(toStatesError(e), frame.stateName, frame.enteredEventId);
  if (haltReason(frame.halt) !== undefined) {
    policy.onUncaught?.(frame, err);
    throw err;
  }
  visit.attempts ??= [];
  const delay = nextRetryDelay(policy.retriers, visit.attempts, err, frame.exec.random);
  if (delay !== undefined) {
    if (policy.probe !== undefined) countRetrier(policy, err);
    frame.retryCount++;
    frame.invalidateContext();
    return sleepFor(frame, delay).then(() => runGuarded(visit));
  }
  for (let i = 0; i < policy.catchers.length; i++) {
    const c = policy.catchers[i]!;
    if (errorMatches(c.errorEquals, err.error, err instanceof HeartbeatTimeoutError)) {
      frame.next = c.next;
      const caught = errorOutput(err);
      const output = policy.flow.catchOutput(input, caught, c.def, frame);
      // Only the matching Catcher's Assign runs; a Map/Parallel catcher writes the outer scope.
      const done = c.assign === undefined ? output : commitAssign(c.assign({ jsonPathInput: caught, input, errorOutput: caught }, frame), output, frame);
      return policy.probe === undefined ? done : countWhenSettled(done, policy.probe.catchers, i);
    }
  }
  policy.onUncaught?.(frame, err);
  throw err;
}

/** Counts the Retrier that retried: the first naming the error (the one nextRetryDelay applied). */
function countRetrier(policy: GuardPolicy, err: StatesError): void {
  const index = policy.retriers.findIndex((r) => errorMatches(r.errorEquals, err.error));
  if (index >= 0) policy.probe!.retriers[index]!++;
}
