import { compileChoiceState } from "../choice/index.ts";
import type { StateBody } from "../engine/state-shell.ts";
import { andThen } from "../engine/run-block.ts";
import type { CompiledState } from "../engine/types.ts";
import type { StateCompileContext } from "./context.ts";

/** Choice: the choice module picks the branch; this applies InputPath/OutputPath and transitions. */
export function compileChoice(ctx: StateCompileContext): StateBody {
  const flow = ctx.dataFlow({ parameters: undefined, resultStage: false, resultSelector: false });
  const decision = compileChoiceState(ctx.def, ctx.location);
  const targets = new Map<string, CompiledState>();
  const targetOf = (name: string): CompiledState => {
    let state = targets.get(name);
    if (state === undefined) {
      state = ctx.target(name);
      targets.set(name, state);
    }
    return state;
  };
  // Resolve every target now so a bad name fails at prepare time, not mid-execution.
  const choices = Array.isArray(ctx.def["Choices"]) ? (ctx.def["Choices"] as Record<string, unknown>[]) : [];
  for (const rule of choices) if (typeof rule["Next"] === "string") targetOf(rule["Next"]);
  if (typeof ctx.def["Default"] === "string") targetOf(ctx.def["Default"]);

  return (input, frame) =>
    andThen(flow.effectiveInput(input, frame), (effective) => {
      frame.next = targetOf(decision.choose(effective, frame).next);
      return flow.output(input, effective, frame);
    });
}
