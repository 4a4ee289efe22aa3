import { compileChoiceState, NO_CHOICE_MATCHED_CAUSE } from "../choice/index.ts";
import { StatesError } from "../errors.ts";
import type { Frame } from "../engine/frame.ts";
import { andThen } from "../engine/run-block.ts";
import { commitAssign } from "../engine/state-assign.ts";
import type { CompiledStateAssign } from "../engine/state-assign.ts";
import type { StateBody } from "../engine/state-shell.ts";
import type { CompiledState } from "../engine/types.ts";
import { countWhenSettled } from "../coverage/probe.ts";
import type { StateCompileContext } from "./context.ts";
import { compileJsonataFieldNow } from "./jsonata-field.ts";
import type { JsonataFieldNow } from "./jsonata-field.ts";

type Rule = Readonly<Record<string, unknown>>;

/** Choice: picks the first matching rule (JSONPath via the choice module, JSONata by Condition). */
export function compileChoice(ctx: StateCompileContext): StateBody {
  const rules = Array.isArray(ctx.def["Choices"]) ? (ctx.def["Choices"] as Rule[]) : [];
  const ruleTargets = rules.map((rule) => ctx.target(String(rule["Next"])));
  const ruleAssigns = rules.map((rule, i) => ctx.assign(rule["Assign"], `Choices[${i}]/Assign`));
  const defaultTarget = typeof ctx.def["Default"] === "string" ? ctx.target(ctx.def["Default"]) : undefined;
  const defaultAssign = ctx.assign(ctx.def["Assign"], "Assign");
  return ctx.language === "JSONata"
    ? compileJsonataChoice(ctx, rules, ruleTargets, ruleAssigns, defaultTarget, defaultAssign)
    : compileJsonPathChoice(ctx, ruleTargets, ruleAssigns, defaultTarget, defaultAssign);
}

function compileJsonPathChoice(
  ctx: StateCompileContext,
  ruleTargets: readonly CompiledState[],
  ruleAssigns: ReadonlyArray<CompiledStateAssign | undefined>,
  defaultTarget: CompiledState | undefined,
  defaultAssign: CompiledStateAssign | undefined,
): StateBody {
  const flow = ctx.dataFlow({ parameters: undefined, resultStage: false, resultSelector: false });
  const decision = compileChoiceState(ctx.def, ctx.location);
  const probe = ctx.probe;
  return (input, frame) =>
    andThen(flow.effectiveInput(input, frame), (effective) => {
      const branch = decision.choose(effective, frame);
      const isRule = branch.kind === "rule";
      frame.next = isRule ? ruleTargets[branch.index]! : (defaultTarget ?? null);
      const assign = isRule ? ruleAssigns[branch.index] : defaultAssign;
      const output = flow.output(input, effective, frame);
      const result = assign === undefined ? output : commitAssign(assign({ jsonPathInput: effective, input }, frame), output, frame);
      // The Default's count is the last slot, after the rules'.
      return probe === undefined ? result : countWhenSettled(result, probe.branches, isRule ? branch.index : ruleTargets.length);
    });
}

function compileJsonataChoice(
  ctx: StateCompileContext,
  rules: readonly Rule[],
  ruleTargets: readonly CompiledState[],
  ruleAssigns: ReadonlyArray<CompiledStateAssign | undefined>,
  defaultTarget: CompiledState | undefined,
  defaultAssign: CompiledStateAssign | undefined,
): StateBody {
  const flow = ctx.dataFlow({ parameters: undefined, resultStage: false, resultSelector: false });
  const conditions = rules.map((rule, i) => compileJsonataFieldNow(rule["Condition"], `Choices[${i}]/Condition`, "boolean"));
  const ruleOutputs: Array<JsonataFieldNow | undefined> = rules.map((rule, i) =>
    Object.hasOwn(rule, "Output") ? compileJsonataFieldNow(rule["Output"], `Choices[${i}]/Output`) : undefined,
  );
  const probe = ctx.probe;
  const take = (index: number, input: unknown, frame: Frame): unknown => {
    frame.next = ruleTargets[index]!;
    const ruleOutput = ruleOutputs[index];
    const output = ruleOutput === undefined ? input : ruleOutput(input, frame);
    const assign = ruleAssigns[index];
    const result = assign === undefined ? output : commitAssign(assign({ jsonPathInput: input, input }, frame), output, frame);
    return probe === undefined ? result : countWhenSettled(result, probe.branches, index);
  };
  const fallBack = (input: unknown, frame: Frame): unknown => {
    if (defaultTarget === undefined) throw new StatesError("States.NoChoiceMatched", NO_CHOICE_MATCHED_CAUSE);
    frame.next = defaultTarget;
    const output = flow.output(input, input, frame);
    const result = defaultAssign === undefined ? output : commitAssign(defaultAssign({ jsonPathInput: input, input }, frame), output, frame);
    return probe === undefined ? result : countWhenSettled(result, probe.branches, rules.length);
  };
  // Conditions are tried in order; a condition JSONata must evaluate makes the rest asynchronous,
  // fast ones keep the whole state synchronous.
  const decideFrom = (index: number, input: unknown, frame: Frame): unknown => {
    for (let i = index; i < conditions.length; i++) {
      const matched = conditions[i]!(input, frame);
      if (matched instanceof Promise) {
        return matched.then((value) => (value === true ? take(i, input, frame) : decideFrom(i + 1, input, frame)));
      }
      if (matched === true) return take(i, input, frame);
    }
    return fallBack(input, frame);
  };
  return (input, frame) => decideFrom(0, input, frame);
}
