import { StatesError } from "../errors.ts";
import type { StateBody } from "../engine/state-shell.ts";
import { andThen } from "../engine/run-block.ts";
import { jsonTextExceedsLimit } from "../tasks/payload-size.ts";
import type { StateCompileContext } from "./context.ts";

/** Pass: the result is `Result` (a literal, never evaluated) or the effective input. */
export function compilePass(ctx: StateCompileContext): StateBody {
  const flow = ctx.dataFlow({ parameters: "Parameters", resultStage: true, resultSelector: false });
  const next = ctx.next();
  const hasResult = Object.hasOwn(ctx.def, "Result");
  const result = ctx.def["Result"];
  // A literal Result is known at compile time: measure it once instead of on every visit.
  const resultTooLarge = hasResult && jsonTextExceedsLimit(JSON.stringify(result) ?? "");
  const name = ctx.name;
  if (hasResult) {
    return (input, frame) => {
      if (resultTooLarge) throw dataLimitExceeded(name);
      frame.next = next;
      return flow.output(input, result, frame);
    };
  }
  return (input, frame) => {
    frame.next = next;
    return andThen(flow.effectiveInput(input, frame), (effective) => flow.output(input, effective, frame));
  };
}

function dataLimitExceeded(name: string): StatesError {
  return new StatesError(
    "States.DataLimitExceeded",
    `The state/task '${name}' returned a result with a size exceeding the maximum number of bytes service limit.`,
  );
}
