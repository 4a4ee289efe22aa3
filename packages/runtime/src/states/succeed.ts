import type { StateBody } from "../engine/state-shell.ts";
import { andThen } from "../engine/run-block.ts";
import type { StateCompileContext } from "./context.ts";

/** Succeed: ends its block; output = OutputPath(InputPath(input)). */
export function compileSucceed(ctx: StateCompileContext): StateBody {
  const flow = ctx.dataFlow({ parameters: undefined, resultStage: false, resultSelector: false });
  return (input, frame) => {
    frame.next = null;
    return andThen(flow.effectiveInput(input, frame), (effective) => flow.output(input, effective, frame));
  };
}
