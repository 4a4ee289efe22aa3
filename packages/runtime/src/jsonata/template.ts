import { setOwn } from "../data/json-values.ts";
import type { VariableReader } from "../data/scope.ts";
import { compileExpression, type CompiledExpression, type EngineOptions } from "./compile-expression.ts";
import { returnedNothing, threwDuringEvaluation, unsupportedResult } from "./errors.ts";
import { expressionBody, isJsonataExpression } from "./expression.ts";
import { FALLBACK } from "./fast-path.ts";
import { checkResultType, type JsonataResultType } from "./result-type.ts";
import { toPlainJson } from "./to-json.ts";

/** What an expression can see: `$states.*` and every workflow variable as `$name`. */
export interface JsonataBindings {
  /** `$states.input`: the state's original input. */
  readonly input: unknown;
  /** `$states.context`: the context object. */
  readonly context: unknown;
  /** Workflow variables in scope, read as `$name`. */
  readonly variables: VariableReader;
  /** `$states.result`: only for Task/Map/Parallel top-level Output and Assign. */
  readonly result?: unknown;
  /** `$states.errorOutput`: only for a Catcher's Output and Assign. */
  readonly errorOutput?: unknown;
}

/** Options of {@link compileJsonataTemplate}. */
export interface CompileJsonataOptions extends EngineOptions {
  /**
   * Type the field's value must have when the whole field is one expression (Condition boolean,
   * Items array, Seconds non-negative integer, Error/Cause string, …). Literal values are the
   * validator's business and are not checked. Default `any`.
   */
  readonly expect?: JsonataResultType;
}

/** One expression of a template and where it sits, for diagnostics and validation. */
export interface TemplateExpression {
  /** Field path, e.g. `Arguments/FunctionName` or `Output/list[2]`. */
  readonly path: string;
  /** The expression text without delimiters. */
  readonly text: string;
  /** The JSONata parse error, if the text is not valid JSONata. */
  readonly syntaxError: unknown;
}

/** A JSONata-capable field compiled once, evaluated per state run (or per Map item). */
export interface CompiledJsonataTemplate {
  /** The field name given at compile time (the root of every path in causes). */
  readonly fieldName: string;
  /** Every expression in the field, in evaluation order. */
  readonly expressions: readonly TemplateExpression[];
  /** Evaluates the field to plain JSON; rejects with a `QueryEvaluationError` on any failure. */
  evaluate(bindings: JsonataBindings): Promise<unknown>;
  /**
   * Same value and errors as {@link evaluate}, but synchronous (a value, or a thrown
   * `QueryEvaluationError`) whenever every expression of the field is in the fast subset
   * (`fast-path.ts`); a Promise only when JSONata itself has to evaluate. Lets a state whose
   * fields are all simple stay synchronous instead of paying promises per expression.
   */
  evaluateNow(bindings: JsonataBindings): unknown;
  /**
   * False when no expression of the field can read `$states.context`: the caller may then pass
   * `context: undefined` and skip building the context object (a timestamp format per state).
   */
  readonly readsContext: boolean;
}

type Node =
  | { readonly kind: "literal"; readonly value: unknown }
  | { readonly kind: "expression"; readonly path: string; readonly compiled: CompiledExpression }
  | { readonly kind: "object"; readonly entries: ReadonlyArray<readonly [string, Node]> }
  | { readonly kind: "array"; readonly items: readonly Node[] };

/**
 * Compiles the JSON value of a JSONata-capable field. Strings that start with `{%` and end with
 * `%}` (as values or array items, never keys, at any depth) are compiled once here; everything
 * else is a literal, shared rather than copied.
 */
export function compileJsonataTemplate(
  value: unknown,
  fieldName: string,
  options: CompileJsonataOptions = {},
): CompiledJsonataTemplate {
  const expressions: TemplateExpression[] = [];
  const root = compileNode(value, fieldName, options, expressions);
  const expect = options.expect ?? "any";
  const checkType = (result: unknown): unknown => {
    if (root.kind === "expression" && expect !== "any") {
      const mismatch = checkResultType(result, expect, root.compiled.text, root.path);
      if (mismatch !== undefined) throw mismatch;
    }
    return result;
  };
  const evaluateAsync = async (scope: BindingCache): Promise<unknown> => checkType(await evaluateNode(root, scope));
  // Only worth trying when every expression has a fast evaluator; otherwise go straight to JSONata.
  const allFast = expressions.length > 0 && everyExpression(root, (compiled) => compiled.fast !== undefined);
  const evaluateNow = (bindings: JsonataBindings): unknown => {
    if (root.kind === "literal") return root.value;
    const scope = new BindingCache(bindings);
    if (allFast) {
      const value = evaluateNodeNow(root, scope);
      if (value !== FALLBACK) return checkType(value);
    }
    return evaluateAsync(scope);
  };
  return {
    fieldName,
    expressions,
    evaluate: (bindings) => {
      try {
        return Promise.resolve(evaluateNow(bindings));
      } catch (error) {
        return Promise.reject(error as Error);
      }
    },
    evaluateNow,
    readsContext: !everyExpression(root, (compiled) => !compiled.readsContext),
  };
}

function everyExpression(node: Node, test: (compiled: CompiledExpression) => boolean): boolean {
  switch (node.kind) {
    case "literal":
      return true;
    case "expression":
      return test(node.compiled);
    case "array":
      return node.items.every((item) => everyExpression(item, test));
    case "object":
      return node.entries.every(([, member]) => everyExpression(member, test));
  }
}

/** The fast, synchronous twin of {@link evaluateNode}: FALLBACK as soon as one expression needs JSONata. */
function evaluateNodeNow(node: Node, scope: BindingCache): unknown {
  switch (node.kind) {
    case "literal":
      return node.value;
    case "expression":
      return evaluateExpressionNow(node.compiled, node.path, scope);
    case "array": {
      const out: unknown[] = [];
      for (const item of node.items) {
        const value = evaluateNodeNow(item, scope);
        if (value === FALLBACK) return FALLBACK;
        out.push(value);
      }
      return out;
    }
    case "object": {
      const out: Record<string, unknown> = {};
      for (const [key, member] of node.entries) {
        const value = evaluateNodeNow(member, scope);
        if (value === FALLBACK) return FALLBACK;
        setOwn(out, key, value);
      }
      return out;
    }
  }
}

function evaluateExpressionNow(compiled: CompiledExpression, path: string, scope: BindingCache): unknown {
  const fast = compiled.fast;
  if (fast === undefined) return FALLBACK;
  let raw: unknown;
  try {
    raw = fast(scope.for(compiled));
  } catch {
    // The fast path is not meant to throw; if it ever does, JSONata gives the real answer.
    return FALLBACK;
  }
  if (raw === FALLBACK) return FALLBACK;
  return plainResult(compiled, path, raw);
}

function compileNode(value: unknown, path: string, options: EngineOptions, found: TemplateExpression[]): Node {
  if (isJsonataExpression(value)) {
    const compiled = compileExpression(expressionBody(value), options);
    found.push({ path, text: compiled.text, syntaxError: compiled.syntaxError });
    return { kind: "expression", path, compiled };
  }
  if (Array.isArray(value)) {
    const items = value.map((item: unknown, index) => compileNode(item, `${path}[${index}]`, options, found));
    return items.every((item) => item.kind === "literal") ? { kind: "literal", value } : { kind: "array", items };
  }
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value).map(
      ([key, member]) => [key, compileNode(member, `${path}/${key}`, options, found)] as const,
    );
    return entries.every(([, node]) => node.kind === "literal") ? { kind: "literal", value } : { kind: "object", entries };
  }
  return { kind: "literal", value };
}

async function evaluateNode(node: Node, scope: BindingCache): Promise<unknown> {
  switch (node.kind) {
    case "literal":
      return node.value;
    case "expression":
      return evaluateExpression(node.compiled, node.path, scope);
    case "array": {
      const out: unknown[] = [];
      // Sequential, in document order, so the first failing leaf is the one reported.
      for (const item of node.items) out.push(await evaluateNode(item, scope));
      return out;
    }
    case "object": {
      const out: Record<string, unknown> = {};
      for (const [key, member] of node.entries) setOwn(out, key, await evaluateNode(member, scope));
      return out;
    }
  }
}

async function evaluateExpression(compiled: CompiledExpression, path: string, scope: BindingCache): Promise<unknown> {
  let raw: unknown;
  try {
    raw = await compiled.evaluate(scope.for(compiled));
  } catch (error) {
    throw threwDuringEvaluation(compiled.text, path, error);
  }
  return plainResult(compiled, path, raw);
}

/** A JSONata value as plain JSON, or the error AWS raises for a field that has none. */
function plainResult(compiled: CompiledExpression, path: string, raw: unknown): unknown {
  const converted = toPlainJson(raw);
  if (converted.kind === "undefined") throw returnedNothing(compiled.text, path);
  if (converted.kind === "unsupported") throw unsupportedResult(compiled.text, path);
  return converted.value;
}

/** Builds `$states` once per template evaluation and reads each variable at most once. */
class BindingCache {
  private readonly states: Record<string, unknown>;
  private readonly values = new Map<string, unknown>();

  constructor(private readonly bindings: JsonataBindings) {
    const states: Record<string, unknown> = { input: bindings.input, context: bindings.context };
    if (bindings.result !== undefined) states["result"] = bindings.result;
    if (bindings.errorOutput !== undefined) states["errorOutput"] = bindings.errorOutput;
    this.states = states;
  }

  for(compiled: CompiledExpression): Record<string, unknown> {
    const out: Record<string, unknown> = { states: this.states };
    for (const name of compiled.variableNames) {
      // `$states` is reserved: a variable can never shadow it.
      if (name === "states") continue;
      const value = this.read(name);
      // Unassigned names stay unbound so built-in functions of the same name remain visible.
      if (value !== undefined) out[name] = value;
    }
    return out;
  }

  private read(name: string): unknown {
    if (!this.values.has(name)) this.values.set(name, this.bindings.variables.read(name));
    return this.values.get(name);
  }
}
