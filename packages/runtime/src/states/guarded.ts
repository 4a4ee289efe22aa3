import type { StatesError } from "../errors.ts";
import { errorOutput, toStatesError, withStatePrefix } from "../engine/failure.ts";
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
    const fail = (frame: Frame) => (e: unknown): never => {
      onUncaught(frame, toStatesError(e));
      throw e;
    };
    return (input, frame) => {
      let out: unknown;
      try {
        out = attempt(input, frame);
      } catch (e) {
        return fail(frame)(e);
      }
      return out instanceof Promise ? out.then(undefined, fail(frame)) : out;
    };
  }

  return (input: unknown, frame: Frame): unknown => {
    let attempts: number[] | undefined;
    const onError = (e: unknown): unknown => {
      const err = withStatePrefix(toStatesError(e), frame.stateName, frame.enteredEventId);
      if (haltReason(frame.halt) !== undefined) {
        onUncaught?.(frame, err);
        throw err;
      }
      attempts ??= [];
      const delay = nextRetryDelay(retriers, attempts, err, frame.exec.random);
      if (delay !== undefined) {
        frame.retryCount++;
        frame.invalidateContext();
        return sleepFor(frame, delay).then(run);
      }
      for (const c of catchers) {
        if (errorMatches(c.errorEquals, err.error)) {
          frame.next = c.next;
          const caught = errorOutput(err);
          const output = flow.catchOutput(input, caught, c.def, frame);
          if (c.assign === undefined) return output;
          // Only the matching Catcher's Assign runs; a Map/Parallel catcher writes the outer scope.
          return commitAssign(c.assign({ jsonPathInput: caught, input, errorOutput: caught }, frame), output, frame);
        }
      }
      onUncaught?.(frame, err);
      throw err;
    };
    const run = (): unknown => {
      let out: unknown;
      try {
        out = attempt(input, frame);
      } catch (e) {
        return onError(e);
      }
      return out instanceof Promise ? out.then(undefined, onError) : out;
    };
    return run();
  };
}
