import { commitAssign } from "../engine/state-assign.ts";
import type { StateBody } from "../engine/state-shell.ts";
import { andThen } from "../engine/run-block.ts";
import { dataLimitExceeded, jsonTextExceedsLimit } from "../tasks/payload-size.ts";
import type { StateCompileContext } from "./context.ts";

/** Pass: the result is `Result` (a literal, never evaluated) or the effective input. */
export function compilePass(ctx: StateCompileContext): StateBody {
  const flow = ctx.dataFlow({ parameters: "Parameters", resultStage: true, resultSelector: false });
  const next = ctx.next();
  const assign = ctx.assign(ctx.def["Assign"], "Assign");
  const hasResult = Object.hasOwn(ctx.def, "Result");
  const result = ctx.def["Result"];
  // A literal Result is known at compile time: measure it once instead of on every visit.
  const resultTooLarge = hasResult && jsonTextExceedsLimit(JSON.stringify(result) ?? "", ctx.maxPayloadBytes);
  const name = ctx.name;
  if (hasResult) {
    return (input, frame) => {
      if (resultTooLarge) throw dataLimitExceeded(name);
      frame.next = next;
      if (assign === undefined) return flow.output(input, result, frame);
      const values = assign({ jsonPathInput: result, input }, frame);
      return commitAssign(values, flow.output(input, result, frame), frame);
    };
  }
  return (input, frame) => {
    frame.next = next;
    return andThen(flow.effectiveInput(input, frame), (effective) => {
      if (assign === undefined) return flow.output(input, effective, frame);
      const values = assign({ jsonPathInput: effective, input }, frame);
      return commitAssign(values, flow.output(input, effective, frame), frame);
    });
  };
}

