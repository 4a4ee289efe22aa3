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

type Factory = (...values: unknown[]) => FastEvaluator;

/**
 * Factories by source text. Expressions of the same shape (the 100 states of a chain all building
 * `{data, seen}`) share one factory, so their functions share code and warm up together instead of
 * one by one; only the sub-expressions passed in differ. Cleared at the bound, like the parse cache.
 */
const factories = new Map<string, Factory>();
const MAX_FACTORIES = 2000;

function generate(parameters: readonly string[], body: string, values: readonly unknown[]): FastEvaluator {
  const source = `"use strict"; return function fast(b) {\n${body}\n};`;
  const key = `${parameters.join(",")}\n${source}`;
  let factory = factories.get(key);
  if (factory === undefined) {
    factory = new Function("FALLBACK", ...parameters, source) as Factory;
    if (factories.size >= MAX_FACTORIES) factories.clear();
    factories.set(key, factory);
  }
  return factory(FALLBACK, ...values);
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
