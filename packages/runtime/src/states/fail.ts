import { StatesError } from "../errors.ts";
import { compileIntrinsic, compileReferencePath, NOT_FOUND } from "../engine/data-bridge.ts";
import type { EvaluationScope } from "../data/scope.ts";
import { PartialStatesError } from "../engine/failure.ts";
import type { StateBody } from "../engine/state-shell.ts";
import type { StateCompileContext } from "./context.ts";
import { compileJsonataField } from "./jsonata-field.ts";

type FieldReader = (input: unknown, scope: EvaluationScope) => string | undefined;

/** Fail: raises its Error/Cause (literal, or from ErrorPath/CausePath), either of which may be absent. */
export function compileFail(ctx: StateCompileContext): StateBody {
  if (ctx.language === "JSONata") return compileJsonataFail(ctx);
  const error = fieldReader(ctx.def, "Error");
  const cause = fieldReader(ctx.def, "Cause");
  return (input, frame) => {
    throw new PartialStatesError(error(input, frame), cause(input, frame));
  };
}

function compileJsonataFail(ctx: StateCompileContext): StateBody {
  const error = ctx.def["Error"] === undefined ? undefined : compileJsonataField(ctx.def["Error"], "Error", "string");
  const cause = ctx.def["Cause"] === undefined ? undefined : compileJsonataField(ctx.def["Cause"], "Cause", "string");
  return async (input, frame) => {
    const e = error === undefined ? undefined : ((await error(input, frame)) as string);
    const c = cause === undefined ? undefined : ((await cause(input, frame)) as string);
    throw new PartialStatesError(e, c);
  };
}

function fieldReader(def: Readonly<Record<string, unknown>>, field: "Error" | "Cause"): FieldReader {
  const literal = def[field];
  if (typeof literal === "string") return () => literal;
  const pathField = `${field}Path`;
  const text = def[pathField];
  if (typeof text !== "string") return () => undefined;
  const evaluator = text.startsWith("States.") ? compileIntrinsic(text) : compileReferencePath(text);
  return (input, scope) => {
    const value = evaluator.evaluate(input, scope);
    if (value === NOT_FOUND) {
      throw new StatesError(
        "States.Runtime",
        `The JSONPath '${text}' specified for the field '${pathField}' could not be found in the input '${JSON.stringify(input)}'`,
      );
    }
    return typeof value === "string" ? value : JSON.stringify(value);
  };
}
