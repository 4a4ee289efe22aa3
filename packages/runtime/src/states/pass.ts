import { commitAssign } from "../engine/state-assign.ts";
import type { StateBody } from "../engine/state-shell.ts";
import { andThen } from "../engine/run-block.ts";
import { dataLimitExceeded, jsonTextExceedsLimit } from "../tasks/payload-size.ts";
import { outputGrowthCheck } from "./output-growth.ts";
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
  // A template (Parameters, Output) or a ResultPath can make the output larger than the input
  // (a path selected twice, the input placed inside itself, a Result beside the input): such a
  // Pass fails like one whose Result is too large. Other Pass states output at most their input
  // or their Result, both already within the limit.
  const grown = outputGrowthCheck(ctx, ["Parameters"]);
  if (hasResult) {
    return (input, frame) => {
      if (resultTooLarge) throw dataLimitExceeded(name);
      frame.next = next;
      if (assign === undefined) return grown === undefined ? flow.output(input, result, frame) : grown(flow.output(input, result, frame));
      const values = assign({ jsonPathInput: result, input }, frame);
      const output = flow.output(input, result, frame);
      return commitAssign(values, grown === undefined ? output : grown(output), frame);
    };
  }
  return (input, frame) => {
    frame.next = next;
    return andThen(flow.effectiveInput(input, frame), (effective) => {
      if (assign === undefined) return grown === undefined ? flow.output(input, effective, frame) : grown(flow.output(input, effective, frame));
      // Assign is evaluated before the output, as before: its failure is the one reported.
      const values = assign({ jsonPathInput: effective, input }, frame);
      const output = flow.output(input, effective, frame);
      return commitAssign(values, grown === undefined ? output : grown(output), frame);
    });
  };
}

