import { noteEvaluationFailed } from "./evaluation-failed.ts";
import { toStatesError, withStatePrefix } from "./failure.ts";
import type { Frame } from "./frame.ts";
import { historyEventType } from "./history.ts";
import { haltReason } from "./types.ts";
import type { CompiledState, StateType } from "./types.ts";
import type { StateProbe } from "../coverage/probe.ts";

/** The state-specific part of a state: given the raw input, produce the output and set `frame.next`. */
export type StateBody = (input: unknown, frame: Frame) => unknown;

/**
 * How a state finishes once its asynchronous body settles: the block runner calls it in the same
 * promise step as the body's completion (see run-block.ts), instead of the state chaining a
 * `then` of its own.
 */
export interface StateExit {
  /** Records StateExited and returns the output. */
  exited(output: unknown, frame: Frame): unknown;
  /** Words the failure as AWS does (state prefix, EvaluationFailed) and throws it. */
  failed(error: unknown, frame: Frame): never;
}

/**
 * The last step of an asynchronous state body, run by the block runner when the body's raw
 * promise settles, before the state's exit. A body that would otherwise chain its own `then`
 * on that promise (a task turning the handler's answer into its output) leaves this in
 * `frame.pendingStep` and returns the raw promise instead: each `then` on the way costs a
 * promise, a microtask and two closures, and on a chain of tasks whose handlers answer at once
 * these hops were a large share of the per-task cost.
 */
export interface PendingStep {
  /** Turns the body's raw result into its result (synchronously; may throw). */
  settled(result: unknown, frame: Frame): unknown;
  /** The raw promise rejected: records the failure and throws what the body would have. */
  rejected(error: unknown, frame: Frame): never;
}

/**
 * Wraps a state body with what every state does: stop if the execution or group was halted,
 * record `<Type>StateEntered` / `<Type>StateExited`, and word runtime failures as AWS does.
 */
export function makeState(name: string, type: StateType, body: StateBody, probe?: StateProbe): CompiledState {
  const enteredType = historyEventType(`${type}StateEntered`);
  const exitedType = type === "Fail" ? undefined : historyEventType(`${type}StateExited`);
  const retriable = type === "Task" || type === "Parallel" || type === "Map";
  // Coverage costs one increment per synchronous visit (probe.ts): its entry. Failures and
  // visits that go asynchronous are counted on their own paths, and exits are derived from them.
  const exited = (output: unknown, frame: Frame): unknown => {
    if (exitedType === undefined) return output;
    const assigned = frame.assignedVariables;
    frame.lastEventId = frame.exec.history.add(
      exitedType,
      frame.lastEventId,
      name,
      output,
      assigned === undefined ? undefined : { assignedVariables: assigned, assignedVariablesDetails: { truncated: false } },
    );
    return output;
  };
  const failed = (e: unknown, frame: Frame): never => {
    if (probe !== undefined) probe.failed++;
    const err = withStatePrefix(toStatesError(e), name, frame.enteredEventId);
    noteEvaluationFailed(e, err, frame);
    throw err;
  };
  // The exit of a visit whose body went asynchronous: it is no longer pending once it settles.
  const exit: StateExit =
    probe === undefined
      ? { exited, failed }
      : {
          exited(output, frame) {
            probe.pending--;
            return exited(output, frame);
          },
          failed(e, frame) {
            probe.pending--;
            return failed(e, frame);
          },
        };
  const state: CompiledState = {
    name,
    type,
    run(input: unknown, frame: Frame): unknown {
      const halted = haltReason(frame.halt);
      if (halted !== undefined) throw halted;
      frame.state = state;
      frame.stateInput = input;
      const id = frame.exec.history.add(enteredType, frame.lastEventId, name, input);
      frame.lastEventId = id;
      frame.enter(name, id, retriable);
      if (probe !== undefined) probe.entered++;
      let out: unknown;
      try {
        out = body(input, frame);
      } catch (e) {
        return failed(e, frame);
      }
      if (out instanceof Promise) {
        // The block runner finishes the state when the body settles (one promise step, no
        // closures per visit); see CompiledState.run.
        frame.pendingExit = exit;
        if (probe !== undefined) probe.pending++;
        return out;
      }
      return exited(out, frame);
    },
  };
  return state;
}
