/**
 * Small JavaScript functions generated for the hottest shapes of the fast path: object
 * constructors, array constructors and member paths.
 *
 * Why generate code: a closure shared by every object constructor stores its keys through one
 * keyed-store site, which every expression's keys make megamorphic (measured: five 3-key objects
 * took 7× longer than through generated code). A generated function has its own property-access
 * sites with the keys written in, so V8 sees one object shape per site.
 *
 * Safety: the only text taken from an expression is a key or member name, always embedded as a
 * `JSON.stringify`d string literal (a valid, inert JavaScript string literal); every other part is
 * fixed text here, and sub-expressions are passed in as function values, never as source.
 */
import type { FastEvaluator } from "./evaluator.ts";
import { FALLBACK } from "./evaluator.ts";

type Factory = (...values: unknown[]) => unknown;

/**
 * Factories by source text. Expressions of the same shape (the 100 states of a chain all building
 * `{data, seen}`) share one factory, so their functions share code and warm up together instead of
 * one by one; only the sub-expressions passed in differ. Cleared at the bound, like the parse cache.
 */
const factories = new Map<string, Factory>();
const MAX_FACTORIES = 2000;

function generate<F = FastEvaluator>(parameters: readonly string[], body: string, values: readonly unknown[], signature = "fast(b)"): F {
  const source = `"use strict"; return function ${signature} {\n${body}\n};`;
  const key = `${parameters.join(",")}\n${source}`;
  let factory = factories.get(key);
  if (factory === undefined) {
    factory = new Function("FALLBACK", ...parameters, source) as Factory;
    if (factories.size >= MAX_FACTORIES) factories.clear();
    factories.set(key, factory);
  }
  return factory(FALLBACK, ...values) as F;
}

const literal = (text: string): string => JSON.stringify(text);

/** Evaluates each item once into `v<i>`, returning FALLBACK as soon as one does. */
function evaluateInto(count: number): string {
  let source = "";
  for (let index = 0; index < count; index++) source += `const v${index} = e${index}(b); if (v${index} === FALLBACK) return FALLBACK;\n`;
  return source;
}

const itemNames = (count: number): string[] => Array.from({ length: count }, (_, index) => `e${index}`);

/** `{'k': v, …}`: keys are distinct and never `__proto__` (the caller checks); undefined values drop the key. */
export function generateObject(entries: ReadonlyArray<{ readonly key: string; readonly value: FastEvaluator }>): FastEvaluator {
  let body = evaluateInto(entries.length) + "const out = {};\n";
  entries.forEach((entry, index) => {
    body += `if (v${index} !== undefined) out[${literal(entry.key)}] = v${index};\n`;
  });
  body += "return out;";
  return generate(itemNames(entries.length), body, entries.map((entry) => entry.value));
}

/** `[a, b]`: undefined items vanish; an array item is spliced in unless the item is itself `[…]` (`nested`). */
export function generateArray(items: ReadonlyArray<{ readonly value: FastEvaluator; readonly nested: boolean }>): FastEvaluator {
  let body = evaluateInto(items.length) + "const out = [];\n";
  items.forEach((item, index) => {
    const value = `v${index}`;
    body += item.nested
      ? `out.push(${value});\n`
      : `if (${value} !== undefined) { if (Array.isArray(${value})) { for (const member of ${value}) out.push(member); } else out.push(${value}); }\n`;
  });
  body += "return out;";
  return generate(itemNames(items.length), body, items.map((item) => item.value));
}

/**
 * `$var.a.b…`: JSONata's member step on each value: nothing on `undefined`, strings, numbers,
 * booleans and null; FALLBACK on arrays (the step maps over items: JSONata's business) and on
 * functions, including inherited methods such as `toString` (plain JSON holds none of its own).
 * Plain JSON has no `undefined` members and `__proto__` is never a name here (the caller checks),
 * so a missing key reads as `undefined`, like JSONata's lookup.
 */
export function generatePath(start: FastEvaluator, names: readonly string[]): FastEvaluator {
  let body = "let v = start(b);\nif (v === FALLBACK) return FALLBACK;\n";
  for (const name of names) {
    body +=
      'if (typeof v !== "object" || v === null) return typeof v === "function" ? FALLBACK : undefined;\n' +
      "if (Array.isArray(v)) return FALLBACK;\n" +
      `v = v[${literal(name)}];\n`;
  }
  body += 'return typeof v === "function" ? FALLBACK : v;';
  return generate(["start"], body, [start]);
}

/** The `$states` members a template reads directly from its bindings (see generateTemplate). */
const STATES_PARTS: ReadonlySet<string> = new Set(["input", "context", "result", "errorOutput"]);

/** `$states.<part>.a.b…` evaluators and their steps, so that generateTemplate can write them inline. */
const STATES_PATHS = new WeakMap<FastEvaluator, { readonly part: string; readonly names: readonly string[] }>();

/** {@link generatePath} from `$states` (`readStates` reads it from the bindings), remembered for inlining. */
/** Whether generateTemplate writes this evaluator inline (a `$states.<part>.a.b` path without an index). */
export function isInlineStatesPath(evaluate: FastEvaluator): boolean {
  return STATES_PATHS.has(evaluate);
}

export function generateStatesPath(readStates: FastEvaluator, names: readonly string[]): FastEvaluator {
  const path = generatePath(readStates, names);
  const [part, ...rest] = names;
  if (part !== undefined && STATES_PARTS.has(part)) STATES_PATHS.set(path, { part, names: rest });
  return path;
}

/** What a template reads `$states.input` and the other parts from (a `JsonataBindings`). */
export interface StatesParts {
  readonly input: unknown;
  readonly context: unknown;
  readonly result?: unknown;
  readonly errorOutput?: unknown;
}

/** A whole template evaluated at once: its value, or FALLBACK; throws when a leaf gives nothing. */
export type FastTemplate = (bindings: StatesParts) => unknown;

/** A JSONata-capable field (Arguments, Output, …) whose every expression has a fast evaluator. */
export type TemplateShape =
  | { readonly kind: "literal"; readonly value: unknown }
  | { readonly kind: "expression"; readonly evaluate: FastEvaluator }
  | { readonly kind: "object"; readonly entries: ReadonlyArray<readonly [string, TemplateShape]> }
  | { readonly kind: "array"; readonly items: readonly TemplateShape[] };

/**
 * The whole field as one function: every expression evaluated in document order (a thrown fast
 * evaluator or FALLBACK hands the field to JSONata; nothing, `undefined`, calls `nothing` with
 * the expression's document-order index, which throws), then the value built by one object or
 * array literal with the keys written in. Literal parts are passed in and shared, not copied.
 * `$states.input.a.b`-style paths (no index) are written inline, reading the part straight from
 * the bindings with the same steps as {@link generatePath}; other expressions get the evaluation
 * scope that `scope` builds, once, and only if one of them needs it.
 *
 * Why: walking the template node by node (a switch, an iterator, a keyed store per member, a
 * call per path and a scope object per evaluation) cost more than the expressions themselves
 * until V8 optimised it, and a run's first executions are what a user measures. Fields of the
 * same shape (a chain's 100 `Arguments`) share one factory and so one warm-up. Undefined when a
 * key is `__proto__` (a literal would set the prototype): the caller keeps its general walk.
 */
export function generateTemplate(
  shape: TemplateShape,
  scope: (bindings: StatesParts) => Readonly<Record<string, unknown>>,
  nothing: (index: number) => never,
): FastTemplate | undefined {
  const evaluators: FastEvaluator[] = [];
  const literals: unknown[] = [];
  let leaves = "";
  let needsScope = false;
  let unsafe = false;
  const leaf = (evaluate: FastEvaluator): string => {
    const index = evaluators.length;
    evaluators.push(evaluate);
    const v = `v${index}`;
    const path = STATES_PATHS.get(evaluate);
    if (path === undefined) {
      needsScope = true;
      leaves += `let ${v};\ntry { ${v} = e${index}(b); } catch { return FALLBACK; }\n`;
    } else {
      // `part` is one of STATES_PARTS (an identifier); names enter as string literals.
      leaves += `let ${v} = bindings.${path.part};\np${index}: {\n`;
      for (const name of path.names) {
        leaves +=
          `if (typeof ${v} !== "object" || ${v} === null) { ${v} = typeof ${v} === "function" ? FALLBACK : undefined; break p${index}; }\n` +
          `if (Array.isArray(${v})) { ${v} = FALLBACK; break p${index}; }\n` +
          `${v} = ${v}[${literal(name)}];\n`;
      }
      leaves += `if (typeof ${v} === "function") ${v} = FALLBACK;\n}\n`;
    }
    leaves += `if (${v} === FALLBACK) return FALLBACK;\nif (${v} === undefined) nothing(${index});\n`;
    return v;
  };
  const build = (node: TemplateShape): string => {
    switch (node.kind) {
      case "literal":
        literals.push(node.value);
        return `c${literals.length - 1}`;
      case "expression":
        return leaf(node.evaluate);
      case "array":
        return `[${node.items.map(build).join(", ")}]`;
      case "object":
        if (node.entries.some(([key]) => key === "__proto__")) unsafe = true;
        return `{${node.entries.map(([key, member]) => `${literal(key)}: ${build(member)}`).join(", ")}}`;
    }
  };
  const value = build(shape);
  if (unsafe) return undefined;
  const body = `${needsScope ? "const b = scope(bindings);\n" : ""}${leaves}return ${value};`;
  const literalNames = literals.map((_, index) => `c${index}`);
  const parameters = ["scope", "nothing", ...itemNames(evaluators.length), ...literalNames];
  return generate<FastTemplate>(parameters, body, [scope, nothing, ...evaluators, ...literals], "template(bindings)");
}
