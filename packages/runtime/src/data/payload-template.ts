import { looksLikeIntrinsic } from "@stepcraft/asl";
import { StatesError } from "../errors.ts";
import { NOT_FOUND } from "./compiled-path.ts";
import { compileJsonPath } from "./compile-json-path.ts";
import { compileIntrinsic } from "./intrinsic/compile-intrinsic.ts";
import { isJsonObject, setOwn } from "./json-values.ts";
import type { EvaluationScope } from "./scope.ts";
import { numberTextAt, numberTextsRecorded, setNumberText } from "./number-text.ts";
import { numberTextFinder } from "./number-text-paths.ts";
import type { NumberTextFinder } from "./number-text-paths.ts";

/** A payload template (Parameters, ResultSelector, ItemSelector, Assign, BatchInput, …) compiled once. */
export interface CompiledTemplate {
  /** Build the payload for this input. Literal parts are shared between calls: treat the result as immutable. */
  evaluate(input: unknown, scope: EvaluationScope): unknown;
}

type Build = (input: unknown, scope: EvaluationScope) => unknown;

/** A compiled sub-tree: either a literal shared as is, or a builder. */
type CompiledNode = { readonly literal: true; readonly value: unknown } | { readonly literal: false; readonly build: Build };

const DYNAMIC_SUFFIX = ".$";

/**
 * Compile a payload template: keys ending `.$` (at any depth, in objects and inside arrays) are
 * evaluated as a path on the input, `$$` context path, `$name` variable path or intrinsic call,
 * and renamed without `.$`; everything else is literal. `fieldName` (e.g. `Parameters`) names the
 * template in compile errors.
 */
export function compilePayloadTemplate(template: unknown, fieldName: string): CompiledTemplate {
  const compiled = compileNode(template, fieldName);
  if (compiled.literal) {
    const { value } = compiled;
    return { evaluate: () => value };
  }
  return { evaluate: compiled.build };
}

function compileNode(node: unknown, fieldName: string): CompiledNode {
  if (Array.isArray(node)) return compileArray(node, fieldName);
  if (isJsonObject(node)) return compileObject(node, fieldName);
  return { literal: true, value: node };
}

function compileArray(node: readonly unknown[], fieldName: string): CompiledNode {
  const items = node.map((item) => compileNode(item, fieldName));
  if (items.every((item) => item.literal)) return { literal: true, value: node };
  const builders: Build[] = items.map((item) => (item.literal ? constant(item.value) : item.build));
  const literalTexts = keptLiteralTexts(node, node.map((_, i) => String(i)));
  return {
    literal: false,
    build: (input, scope) => {
      const out = new Array<unknown>(builders.length);
      for (let i = 0; i < builders.length; i++) out[i] = (builders[i] as Build)(input, scope);
      for (const [key, text] of literalTexts) setNumberText(out, key, text);
      return out;
    },
  };
}

function compileObject(node: Record<string, unknown>, fieldName: string): CompiledNode {
  const keys: string[] = [];
  const builders: Build[] = [];
  // The literal text of numbers the built object takes over: literals of the template, and
  // numbers that `.$` paths pick out of the input (see data/number-text.ts).
  const finders: Array<[string, NumberTextFinder]> = [];
  let allLiteral = true;
  for (const key of Object.keys(node)) {
    const value = node[key];
    if (key.endsWith(DYNAMIC_SUFFIX)) {
      const outKey = key.slice(0, -DYNAMIC_SUFFIX.length);
      keys.push(outKey);
      builders.push(compileDynamicValue(key, value, fieldName));
      const finder = typeof value === "string" && !looksLikeIntrinsic(value) ? numberTextFinder(value) : undefined;
      if (finder !== undefined) finders.push([outKey, finder]);
      allLiteral = false;
    } else {
      const compiled = compileNode(value, fieldName);
      keys.push(key);
      builders.push(compiled.literal ? constant(compiled.value) : compiled.build);
      allLiteral &&= compiled.literal;
    }
  }
  if (allLiteral) return { literal: true, value: node };
  const hasProtoKey = keys.includes("__proto__");
  const literalTexts = keptLiteralTexts(node, Object.keys(node));
  return {
    literal: false,
    build: (input, scope) => {
      const out: Record<string, unknown> = {};
      if (hasProtoKey) {
        for (let i = 0; i < keys.length; i++) setOwn(out, keys[i] as string, (builders[i] as Build)(input, scope));
      } else {
        for (let i = 0; i < keys.length; i++) out[keys[i] as string] = (builders[i] as Build)(input, scope);
      }
      if (numberTextsRecorded()) keepNumberTexts(out, input, literalTexts, finders);
      return out;
    },
  };
}

function compileDynamicValue(key: string, value: unknown, fieldName: string): Build {
  if (typeof value !== "string" || !(value.startsWith("$") || looksLikeIntrinsic(value))) {
    throw new StatesError(
      "States.Runtime",
      `The value for the field '${key}' in ${fieldName} must be a valid JSONPath or a valid intrinsic function call`,
    );
  }
  if (looksLikeIntrinsic(value)) {
    // The compiled call itself, not a wrapper around it: one closure call less per key.
    return compileIntrinsic(value, { fieldName: key }).evaluate;
  }
  const path = compileJsonPath(value);
  return (input, scope) => {
    const selected = path.evaluate(input, scope);
    if (selected === NOT_FOUND) {
      throw new StatesError(
        "States.Runtime",
        `The JSONPath '${value}' specified for the field '${key}' could not be found in the input '${JSON.stringify(input)}'`,
      );
    }
    return selected;
  };
}

/** The kept texts of the literal numbers among `keys` of a template node (known when it is compiled). */
function keptLiteralTexts(node: object, keys: readonly string[]): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const key of keys) {
    const value = (node as Record<string, unknown>)[key];
    const text = typeof value === "number" ? numberTextAt(node, key, value) : undefined;
    if (text !== undefined) out.push([key, text]);
  }
  return out;
}

/** Gives a built object the texts of its literal numbers and of the numbers its paths selected. */
function keepNumberTexts(out: Record<string, unknown>, input: unknown, literalTexts: ReadonlyArray<[string, string]>, finders: ReadonlyArray<[string, NumberTextFinder]>): void {
  for (const [key, text] of literalTexts) setNumberText(out, key, text);
  for (const [key, finder] of finders) {
    const value = out[key];
    const text = typeof value === "number" ? finder(input, value) : undefined;
    if (text !== undefined) setNumberText(out, key, text);
  }
}

function constant(value: unknown): Build {
  return () => value;
}
