import { andThen } from "../engine/run-block.ts";
import { checkStateResult } from "../tasks/payload-size.ts";
import type { StateCompileContext } from "./context.ts";

/**
 * The 256 KiB check of a state's output, for a state whose output can be larger than both its
 * (already checked) result and its input: a ResultPath that places the result inside the input,
 * a ResultSelector or Parameters that can select a value twice, a JSONata Output. AWS fails the
 * state that produced it with States.DataLimitExceeded (Retry and Catch see it), not a later
 * state or the execution's end. Undefined when the output cannot grow or limits are off: those
 * states pay nothing.
 */
export function outputGrowthCheck(ctx: StateCompileContext, growingFields: readonly string[]): ((output: unknown) => unknown) | undefined {
  const limit = ctx.maxPayloadBytes;
  if (limit === Number.POSITIVE_INFINITY) return undefined;
  const def = ctx.def;
  const resultPath = def["ResultPath"];
  const mayGrow =
    ctx.language === "JSONata"
      ? Object.hasOwn(def, "Output")
      : growingFields.some((field) => Object.hasOwn(def, field)) || (typeof resultPath === "string" && resultPath !== "$");
  if (!mayGrow) return undefined;
  const name = ctx.name;
  const check = (output: unknown): unknown => {
    checkStateResult(output, name, limit);
    return output;
  };
  return (output) => andThen(output, check);
}
