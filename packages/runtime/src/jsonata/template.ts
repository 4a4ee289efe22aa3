import { setOwn } from "../data/json-values.ts";
import type { VariableReader } from "../data/scope.ts";
import { compileExpression, type BusySignal, type CompiledExpression, type EngineOptions } from "./compile-expression.ts";
import { returnedNothing, threwDuringEvaluation, unsupportedResult } from "./errors.ts";
import { expressionBody, isJsonataExpression } from "./expression.ts";
import { FALLBACK, type FastEvaluator } from "./fast-path.ts";
import { generateTemplate, isInlineStatesPath, type FastTemplate, type StatesParts, type TemplateShape } from "./fast/generated.ts";
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
  /**
   * The execution's clock: held while a long evaluation pauses for the event loop, so virtual
   * time does not jump to a deadline meanwhile. Leave it out only outside an execution.
   */
  readonly clock?: BusySignal;
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
  /**
   * The field's generated fast evaluator (undefined unless every expression is in the fast
   * subset): its value, type-checked, or `FALLBACK`, after which {@link evaluateNow} gives the
   * answer through {@link evaluateGeneral}. For the hottest callers (a state's `Arguments` and
   * `Output`), which call it themselves so that each has a call site of its own, one V8 can
   * inline; through the shared `evaluateNow` every field's evaluator went through one site, which
   * V8 could not.
   */
  readonly fastNow: ((bindings: JsonataBindings) => unknown) | undefined;
  /**
   * The field evaluated by `jsonata` itself, without trying the fast evaluator first: what a
   * caller of {@link fastNow} uses once that gave `FALLBACK` (through `evaluateNow` the fast
   * evaluator would run a second time).
   */
  evaluateGeneral(bindings: JsonataBindings): unknown;
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
  // Only a field that is one whole expression has its type checked (literals are the validator's).
  const checkType =
    root.kind === "expression" && expect !== "any"
      ? (result: unknown): unknown => {
          const mismatch = checkResultType(result, expect, root.compiled.text, root.path);
          if (mismatch !== undefined) throw mismatch;
          return result;
        }
      : undefined;
  const evaluateAsync = async (scope: BindingCache): Promise<unknown> => {
    const value = await evaluateNode(root, scope);
    return checkType === undefined ? value : checkType(value);
  };
  // Only worth trying when every expression has a fast evaluator; otherwise go straight to JSONata.
  const allFast = expressions.length > 0 && everyExpression(root, (compiled) => compiled.fast !== undefined);
  const fastVariables = allFast ? variablesOf(root) : [];
  const generated = allFast ? fastTemplate(root, (bindings) => fastBindings(bindings as JsonataBindings, fastVariables)) : undefined;
  const fast =
    generated === undefined || checkType === undefined
      ? generated
      : (bindings: StatesParts): unknown => {
          const value = generated(bindings);
          return value === FALLBACK ? FALLBACK : checkType(value);
        };
  const evaluateGeneral = (bindings: JsonataBindings): unknown => (root.kind === "literal" ? root.value : evaluateAsync(new BindingCache(bindings)));
  // A literal field has no fast evaluator: evaluateGeneral gives its value.
  const evaluateNow = (bindings: JsonataBindings): unknown => {
    if (fast !== undefined) {
      const value = fast(bindings);
      if (value !== FALLBACK) return value;
    }
    return evaluateGeneral(bindings);
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
    fastNow: fast,
    evaluateGeneral,
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

/** Every workflow variable the template's expressions mention (`$states` is never a variable). */
function variablesOf(node: Node): string[] {
  const names = new Set<string>();
  const visit = (member: Node): void => {
    if (member.kind === "expression") for (const name of member.compiled.variableNames) names.add(name);
    else if (member.kind === "array") member.items.forEach(visit);
    else if (member.kind === "object") for (const [, value] of member.entries) visit(value);
  };
  visit(node);
  names.delete("states");
  return [...names];
}

/**
 * The bindings of a fast evaluation: one object for the whole template (fast evaluators only look
 * up the names they mention, so sharing is safe), each variable read once.
 */
function fastBindings(bindings: JsonataBindings, variables: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = { states: statesBinding(bindings) };
  for (const name of variables) {
    const value = bindings.variables.read(name);
    // Unassigned names stay unbound so built-in functions of the same name remain visible.
    if (value !== undefined) out[name] = value;
  }
  return out;
}

/** `$states`: `result` and `errorOutput` exist only where the state binds them. */
function statesBinding(bindings: JsonataBindings): Record<string, unknown> {
  const { input, context, result, errorOutput } = bindings;
  // One literal per combination: each keeps one object shape (adding keys one by one made every
  // later read of `$states` polymorphic).
  if (result === undefined) return errorOutput === undefined ? { input, context } : { input, context, errorOutput };
  return errorOutput === undefined ? { input, context, result } : { input, context, result, errorOutput };
}

/**
 * The fast, synchronous twin of {@link evaluateNode} for a template whose every expression has a
 * fast evaluator: FALLBACK as soon as one expression needs JSONata. The whole field runs as one
 * generated function (see generateTemplate); the node walk stays for the rare `__proto__` key.
 */
function fastTemplate(root: Node, scope: (bindings: StatesParts) => Readonly<Record<string, unknown>>): FastTemplate {
  const leaves: Array<{ readonly compiled: CompiledExpression; readonly path: string }> = [];
  const shapeOf = (node: Node): TemplateShape => {
    switch (node.kind) {
      case "literal":
        return node;
      case "expression":
        leaves.push(node);
        return { kind: "expression", evaluate: node.compiled.fast as FastEvaluator };
      case "array":
        return { kind: "array", items: node.items.map(shapeOf) };
      case "object":
        return { kind: "object", entries: node.entries.map(([key, member]) => [key, shapeOf(member)] as const) };
    }
  };
  const nothing = (index: number): never => {
    const leaf = leaves[index] as (typeof leaves)[number];
    throw returnedNothing(leaf.compiled.text, leaf.path);
  };
  // Generated only where it removes the scope object and every call (each expression a
  // `$states.…` path): a field with other expressions pays both anyway, and the node walk, shared
  // by every such field, is warm from other states already (a function generated for one field
  // shape starts cold: measured on c's JSONata twin, whose first samples it made slower).
  const walk = (bindings: StatesParts): unknown => evaluateNodeNow(root, scope(bindings));
  if (!everyExpression(root, (compiled) => compiled.fast !== undefined && isInlineStatesPath(compiled.fast))) return walk;
  return generateTemplate(shapeOf(root), scope, nothing) ?? walk;
}

/** The node-by-node walk of {@link fastTemplate}: FALLBACK as soon as one expression needs JSONata. */
function evaluateNodeNow(node: Node, scope: Readonly<Record<string, unknown>>): unknown {
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

function evaluateExpressionNow(compiled: CompiledExpression, path: string, scope: Readonly<Record<string, unknown>>): unknown {
  const fast = compiled.fast;
  if (fast === undefined) return FALLBACK;
  let value: unknown;
  try {
    value = fast(scope);
  } catch {
    // The fast path is not meant to throw; if it ever does, JSONata gives the real answer.
    return FALLBACK;
  }
  // Fast values are plain JSON already (see fast-path.ts): only "nothing" needs a word.
  if (value === undefined) throw returnedNothing(compiled.text, path);
  return value;
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
    raw = await compiled.evaluate(scope.for(compiled), scope.clock);
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
    this.states = statesBinding(bindings);
  }

  get clock(): BusySignal | undefined {
    return this.bindings.clock;
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
