import { parseIntrinsic, splitFormatTemplate, type IntrinsicArgument, type IntrinsicCall, type IntrinsicFunctionName, isIntrinsicFunctionName } from "@stepcraft/asl";
import { StatesError } from "../../errors.ts";
import { NOT_FOUND } from "../compiled-path.ts";
import { compileJsonPathAst } from "../compile-json-path.ts";
import type { EvaluationScope } from "../scope.ts";
import { array, arrayContains, arrayGetItem, arrayLength, arrayPartition, arrayRange, arrayUnique } from "./array-functions.ts";
import { intrinsicFailure, jsonTypeName, type IntrinsicCallContext, type IntrinsicImplementation, type IntrinsicScope } from "./intrinsic-failure.ts";

export type { IntrinsicScope } from "./intrinsic-failure.ts";
import { jsonMerge, jsonToString, stringToJson } from "./json-functions.ts";
import { mathAdd, mathRandom } from "./math-functions.ts";
import { base64Decode, base64Encode, hash, renderFormatArgument, stringSplit, uuid } from "./string-functions.ts";

/** An intrinsic function call compiled once. */
export interface CompiledIntrinsic {
  /** The call as written in the definition. */
  readonly text: string;
  /** The call's value for this input and scope; failures are StatesErrors. */
  evaluate(input: unknown, scope: EvaluationScope): unknown;
}

/** Options for {@link compileIntrinsic}. */
export interface CompileIntrinsicOptions {
  /** The `.$` field the call sits in, named in "could not be found" causes. @default the call text */
  readonly fieldName?: string;
}

type Evaluator = (input: unknown, scope: IntrinsicScope) => unknown;

const IMPLEMENTATIONS: Record<Exclude<IntrinsicFunctionName, "States.Format">, IntrinsicImplementation> = {
  "States.StringToJson": stringToJson,
  "States.JsonToString": jsonToString,
  "States.Array": array,
  "States.ArrayPartition": arrayPartition,
  "States.ArrayContains": arrayContains,
  "States.ArrayRange": arrayRange,
  "States.ArrayGetItem": arrayGetItem,
  "States.ArrayLength": arrayLength,
  "States.ArrayUnique": arrayUnique,
  "States.Base64Encode": base64Encode,
  "States.Base64Decode": base64Decode,
  "States.Hash": hash,
  "States.JsonMerge": jsonMerge,
  "States.MathRandom": mathRandom,
  "States.MathAdd": mathAdd,
  "States.StringSplit": stringSplit,
  "States.UUID": uuid,
};

/** Compile an intrinsic function call (`States.Format('{}', $.x)`) once for many evaluations. */
export function compileIntrinsic(text: string, options: CompileIntrinsicOptions = {}): CompiledIntrinsic {
  const parsed = parseIntrinsic(text);
  if (!parsed.ok) {
    throw new StatesError("States.Runtime", `Invalid intrinsic function call '${text}': ${parsed.error.message} (at offset ${parsed.error.offset})`);
  }
  const evaluate = compileCall(parsed.value, options.fieldName ?? text);
  return { text, evaluate };
}

function compileCall(call: IntrinsicCall, fieldName: string): Evaluator {
  if (!isIntrinsicFunctionName(call.name)) {
    throw new StatesError("States.Runtime", `Unknown intrinsic function '${call.name}'`);
  }
  if (call.name === "States.Format") return compileFormat(call, fieldName);
  const implementation = IMPLEMENTATIONS[call.name];
  const args = call.args.map((arg) => compileArgument(arg, fieldName));
  const context: IntrinsicCallContext = { name: call.name };
  return (input, scope) => {
    const values = new Array<unknown>(args.length);
    for (let i = 0; i < args.length; i++) values[i] = (args[i] as Evaluator)(input, scope);
    return implementation(values, context, scope);
  };
}

/** States.Format: a literal template is split once; a template read from data is split per call. */
function compileFormat(call: IntrinsicCall, fieldName: string): Evaluator {
  const [template, ...rest] = call.args;
  const args = rest.map((arg) => compileArgument(arg, fieldName));
  const literalPieces = template?.kind === "string" ? splitFormatTemplate(template.raw) : null;
  const readTemplate = template === undefined || template.kind === "string" ? null : compileArgument(template, fieldName);
  const context: IntrinsicCallContext = { name: call.name };
  return (input, scope) => {
    let pieces = literalPieces;
    if (pieces === null) {
      const value = readTemplate?.(input, scope);
      if (typeof value !== "string") {
        throw intrinsicFailure(context, `the template must be a string but was ${jsonTypeName(value)}`);
      }
      pieces = splitFormatTemplate(value);
    }
    if (pieces.length - 1 !== args.length) {
      throw intrinsicFailure(
        context,
        `the template has ${pieces.length - 1} placeholder(s) '{}' but ${args.length} argument(s) were given`,
      );
    }
    let out = pieces[0] ?? "";
    for (let i = 0; i < args.length; i++) out += renderFormatArgument((args[i] as Evaluator)(input, scope)) + (pieces[i + 1] ?? "");
    return out;
  };
}

function compileArgument(arg: IntrinsicArgument, fieldName: string): Evaluator {
  switch (arg.kind) {
    case "string":
    case "number":
    case "boolean": {
      const { value } = arg;
      return () => value;
    }
    case "null":
      return () => null;
    case "call":
      return compileCall(arg.call, fieldName);
    case "path": {
      const path = compileJsonPathAst(arg.path);
      return (input, scope) => {
        const value = path.evaluate(input, scope);
        if (value === NOT_FOUND) {
          throw new StatesError(
            "States.Runtime",
            `The JSONPath '${path.text}' specified for the field '${fieldName}' could not be found in the input '${JSON.stringify(input)}'`,
          );
        }
        return value;
      };
    }
  }
}
