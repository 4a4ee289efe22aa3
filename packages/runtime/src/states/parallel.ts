import { toStatesError } from "../engine/failure.ts";
import { Frame } from "../engine/frame.ts";
import { runPool } from "../engine/pool.ts";
import { runBlock, andThen } from "../engine/run-block.ts";
import type { StateBody } from "../engine/state-shell.ts";
import { keepForRedrive, raiseHalt, takeRedriveOutputs } from "../engine/types.ts";
import type { HaltFlag } from "../engine/types.ts";
import type { StateCompileContext } from "./context.ts";
import { withRetryAndCatch } from "./guarded.ts";
import { commitAssign } from "../engine/state-assign.ts";
import { checkStateResult } from "../tasks/payload-size.ts";
import { outputGrowthCheck } from "./output-growth.ts";

/** Parallel: every branch gets the effective input; the result is their outputs in branch order. */
export function compileParallel(ctx: StateCompileContext): StateBody {
  const flow = ctx.dataFlow({ parameters: "Parameters", resultStage: true, resultSelector: true });
  const next = ctx.next();
  const assign = ctx.assign(ctx.def["Assign"], "Assign");
  const branches = (Array.isArray(ctx.def["Branches"]) ? ctx.def["Branches"] : []).map((b: unknown) => ctx.compileBlock(b));
  const branchesAssign = JSON.stringify(ctx.def["Branches"] ?? []).includes('"Assign"');
  const name = ctx.name;
  const maxResultBytes = ctx.maxPayloadBytes;
  // The branch outputs together are checked; a ResultSelector, ResultPath or Output may still grow them.
  const grown = outputGrowthCheck(ctx, ["ResultSelector"]);

  const attempt: StateBody = (input, frame) =>
    andThen(flow.effectiveInput(input, frame), (effective) => {
      const history = frame.exec.history;
      const startedId = history.add("ParallelStateStarted", frame.lastEventId);
      frame.lastEventId = startedId;
      // A failing branch raises this flag so its siblings stop at their next state.
      const halt: HaltFlag = { reason: undefined, parent: frame.halt };
      // A redriven Parallel runs again only the branches that did not succeed (RedriveExecution).
      const kept = takeRedriveOutputs(frame.exec, frame.halt, name);
      const succeeded = frame.halt === frame.exec.halt ? new Map<number, unknown>(kept) : undefined;
      const onFailure = (e: unknown): never => {
        const err = toStatesError(e);
        raiseHalt(halt, err);
        keepForRedrive(frame.exec, frame.halt, name, succeeded);
        throw err;
      };
      const onSuccess = (results: unknown[]): unknown => {
        checkStateResult(results, name, maxResultBytes);
        // ParallelStateSucceeded, then ParallelStateExited, both pointing at the last branch
        // event (AWS's ids in the recorded histories: the exit's previousEventId skips the
        // success event, as MapStateExited skips MapStateSucceeded).
        const lastBranchEvent = history.count;
        history.add("ParallelStateSucceeded", lastBranchEvent);
        frame.lastEventId = lastBranchEvent;
        frame.next = next;
        if (assign === undefined) return grown === undefined ? flow.output(input, results, frame) : grown(flow.output(input, results, frame));
        const values = assign({ jsonPathInput: results, input, result: results }, frame);
        const output = flow.output(input, results, frame);
        return commitAssign(values, grown === undefined ? output : grown(output), frame);
      };
      const runBranch = (i: number): unknown => {
        // Branches that assign nothing can read the outer variables directly.
        if (!branchesAssign) return runBlock(branches[i]!, effective, new Frame(frame.exec, startedId, halt, frame.variables));
        const scope = frame.variables.child();
        const out = runBlock(branches[i]!, effective, new Frame(frame.exec, startedId, halt, scope));
        if (out instanceof Promise) return out.finally(() => scope.dispose());
        scope.dispose();
        return out;
      };
      let outcome: unknown[] | Promise<unknown[]>;
      try {
        outcome = runPool(branches.length, 0, (i) => {
          if (kept?.has(i) === true) return kept.get(i);
          const out = runBranch(i);
          if (succeeded === undefined) return out;
          if (out instanceof Promise) return out.then((v: unknown) => (succeeded.set(i, v), v));
          succeeded.set(i, out);
          return out;
        });
      } catch (e) {
        return onFailure(e);
      }
      return outcome instanceof Promise ? outcome.then(onSuccess, onFailure) : onSuccess(outcome);
    });
  return withRetryAndCatch(attempt, ctx, flow, (frame, error) => {
    // A configuration error (States.Runtime) fails the execution without a ParallelStateFailed.
    if (error.error === "States.Runtime") return;
    frame.lastEventId = frame.exec.history.add("ParallelStateFailed", frame.exec.history.count);
  });
}
