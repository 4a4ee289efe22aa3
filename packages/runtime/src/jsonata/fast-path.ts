import { hash, parse, partition } from "./functions.ts";
import { toPlainJson } from "./to-json.ts";
import { FALLBACK, type FastEvaluator } from "./fast/evaluator.ts";
import { generateArray, generateObject, generatePath, generateStatesPath } from "./fast/generated.ts";

/**
 * A synchronous evaluator for the everyday subset of JSONata that Step Functions definitions use:
 * `$states.input.a.b` and `$var.x` paths over objects, literals, object and array constructors,
 * `&`, arithmetic, comparisons, `? :`, and `$merge`, `$string`, `$parse`, `$partition`, `$hash`,
 * `$count`, `$sum`, `$number`. String-building and regular-expression functions (`$join`, `$pad`,
 * `$replace`, `$split`, `$match`, `$contains`, …) stay with JSONata on purpose: the runtime bounds
 * their time and output there.
 *
 * Why: jsonata 2.x evaluates every node through an `async` function, so even
 * `$states.input.v` costs several promises and microtask turns, and it makes every JSONata state
 * asynchronous. This evaluator computes the same value directly.
 *
 * It never decides anything JSONata would decide differently: whenever a value leaves the cases
 * it models exactly (an array in the middle of a path, a type error, a non-finite number, a
 * function name shadowed by a variable, an unbound variable, …) it returns {@link FALLBACK} and
 * the caller evaluates the expression with JSONata itself, which also produces the exact error.
 * That is safe because everything here is pure: evaluating twice changes nothing. Expressions
 * outside the subset (lambdas, predicates, `$random()`, `$uuid()`, …) get no fast evaluator at all.
 *
 * Its values are plain JSON whenever the bindings are (the runtime's payloads, variables and
 * context object always are): no `-0` (JSONata tells it from `0` nowhere in this subset, and the
 * template would turn it into `0` anyway), no `undefined` members, no JSONata sequences. So the
 * caller need not run `toPlainJson` over them, which cost as much as the evaluation itself.
 */
export type { FastEvaluator };
export { FALLBACK };

/**
 * Deepest syntax tree accepted. JSONata's own depth guard (100 nested evaluations, AWS's stack
 * overflow) counts about two evaluations per tree level here, so a tree this shallow can never
 * trip it: the fast path cannot turn a JSONata failure into a success.
 */
const MAX_TREE_DEPTH = 20;

type Node = Readonly<Record<string, unknown>>;

/** Keys a node of each shape may carry; any other key (predicates, focus, grouping, …) means "not in the subset". */
const ALLOWED_KEYS: Readonly<Record<string, ReadonlySet<string>>> = {
  string: new Set(["type", "value", "position"]),
  number: new Set(["type", "value", "position"]),
  value: new Set(["type", "value", "position"]),
  variable: new Set(["type", "value", "position"]),
  name: new Set(["type", "value", "position"]),
  path: new Set(["type", "steps"]),
  binary: new Set(["type", "value", "position", "lhs", "rhs"]),
  condition: new Set(["type", "position", "condition", "then", "else"]),
  function: new Set(["type", "value", "position", "arguments", "procedure"]),
  array: new Set(["type", "value", "position", "expressions", "consarray"]),
  object: new Set(["type", "value", "position", "lhs"]),
  negation: new Set(["type", "value", "position", "expression"]),
  block: new Set(["type", "position", "expressions"]),
};

/** Built-in functions the fast path implements, with JSONata's argument counts. */
const FUNCTIONS: Readonly<Record<string, { readonly arity: 1 | 2; readonly call: (first: unknown, second: unknown) => unknown }>> = {
  merge: { arity: 1, call: (arg) => merge(arg) },
  string: { arity: 1, call: (arg) => (arg === undefined ? undefined : stringify(arg)) },
  parse: { arity: 1, call: (text) => (typeof text === "string" ? parseOrFallback(text) : FALLBACK) },
  partition: {
    arity: 2,
    call: (items, size) =>
      Array.isArray(items) && typeof size === "number" && Number.isFinite(size) && Math.floor(size) >= 1 ? partition(items, size) : FALLBACK,
  },
  hash: { arity: 2, call: (value, algorithm) => (typeof value === "string" && typeof algorithm === "string" ? hashOrFallback(value, algorithm) : FALLBACK) },
  count: { arity: 1, call: (value) => count(value) },
  sum: { arity: 1, call: (value) => sum(value) },
  number: { arity: 1, call: (value) => toNumber(value) },
};

/** `$count(x)`: nothing counts 0, an array its length, any other single value 1. */
function count(value: unknown): unknown {
  if (value === undefined) return 0;
  if (typeof value === "function" || typeof value === "symbol") return FALLBACK;
  return Array.isArray(value) ? value.length : 1;
}

/** `$sum(numbers)`: added left to right from 0, as JSONata does; anything but finite numbers is JSONata's (T0412). */
function sum(value: unknown): unknown {
  if (value === undefined) return undefined;
  if (isFiniteNumber(value)) return value;
  if (!Array.isArray(value)) return FALLBACK;
  let total = 0;
  for (const item of value as unknown[]) {
    if (!isFiniteNumber(item)) return FALLBACK;
    total += item as number;
  }
  return Number.isFinite(total) ? total : FALLBACK;
}

/** JSONata's test for a decimal number string (`fn.number`); hex, octal and binary forms are JSONata's. */
const DECIMAL_NUMBER = /^-?[0-9]+(\.[0-9]+)?([Ee][-+]?[0-9]+)?$/;

/** `$number(x)`: numbers as they are, decimal strings parsed, booleans 1 and 0; the rest (D3030, T0410) is JSONata's. */
function toNumber(value: unknown): unknown {
  if (value === undefined) return undefined;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (isFiniteNumber(value)) return value;
  if (typeof value !== "string" || !DECIMAL_NUMBER.test(value)) return FALLBACK;
  const parsed = parseFloat(value);
  if (!Number.isFinite(parsed)) return FALLBACK;
  return parsed === 0 ? 0 : parsed;
}

/** Compiles the fast evaluator of a parsed expression, or `undefined` when it is outside the subset. */
export function compileFastPath(ast: unknown): FastEvaluator | undefined {
  try {
    return compile(ast as Node, 0);
  } catch (error) {
    if (error === OUTSIDE_SUBSET) return undefined;
    throw error;
  }
}

const OUTSIDE_SUBSET = Symbol("outside the subset");

function outside(): never {
  throw OUTSIDE_SUBSET;
}

function shapeOf(node: Node): string {
  const type = node["type"];
  if (type === "unary") {
    if (node["value"] === "[") return "array";
    if (node["value"] === "{") return "object";
    if (node["value"] === "-") return "negation";
  }
  return typeof type === "string" ? type : "";
}

function compile(node: Node, depth: number): FastEvaluator {
  if (typeof node !== "object" || node === null || depth > MAX_TREE_DEPTH) outside();
  const shape = shapeOf(node);
  const allowed = ALLOWED_KEYS[shape];
  if (allowed === undefined) outside();
  checkKeys(node, allowed);
  switch (shape) {
    case "string":
    case "number":
    case "value":
      return compileLiteral(node["value"]);
    case "variable":
      return compileVariable(node["value"]);
    case "path":
      return compilePath(node["steps"]);
    case "binary":
      return compileBinary(String(node["value"]), compile(node["lhs"] as Node, depth + 1), compile(node["rhs"] as Node, depth + 1));
    case "condition":
      return compileCondition(node, depth);
    case "function":
      return compileFunction(node, depth);
    case "array":
      return compileArray(node["expressions"], depth);
    case "object":
      return compileObject(node["lhs"], depth);
    case "negation":
      return compileNegation(compile(node["expression"] as Node, depth + 1));
    case "block":
      return compileBlock(node["expressions"], depth);
    default:
      return outside();
  }
}

/** Rejects a node carrying any other key with a value (JSONata's AST leaves some keys undefined, e.g. `name`). */
function checkKeys(node: Node, allowed: ReadonlySet<string>): void {
  for (const key of Object.keys(node)) if (!allowed.has(key) && node[key] !== undefined) outside();
}

function compileLiteral(value: unknown): FastEvaluator {
  if (typeof value === "number" && !Number.isFinite(value)) outside();
  if (typeof value === "object" && value !== null) outside();
  return () => value;
}

/** `$name`: only names bound for this evaluation; JSONata resolves the rest (built-ins, `$`). */
function compileVariable(name: unknown): FastEvaluator {
  if (typeof name !== "string" || name === "") outside();
  return (bindings) => (Object.hasOwn(bindings, name) ? bindings[name] : FALLBACK);
}

/**
 * `$var.a.b`: member steps over objects only; an array on the way is JSONata's business. The last
 * step may pick one item by a constant index (`$states.input.list[0]`, `[-1]` from the end).
 */
function compilePath(steps: unknown): FastEvaluator {
  if (!Array.isArray(steps) || steps.length < 2) outside();
  const [first, ...rest] = steps as Node[];
  if (first === undefined || shapeOf(first) !== "variable") outside();
  const last = rest.at(-1) as Node;
  const index = last["stages"] === undefined ? undefined : constantIndex(last["stages"]);
  const names = rest.map((step) => {
    if (shapeOf(step) !== "name" || typeof step["value"] !== "string") outside();
    checkKeys(step, step === last && index !== undefined ? NAME_WITH_INDEX_KEYS : (ALLOWED_KEYS["name"] as ReadonlySet<string>));
    // `__proto__` reads the prototype where JSONata's lookup may differ: JSONata's case.
    if (step["value"] === "__proto__") outside();
    return step["value"];
  });
  checkKeys(first, ALLOWED_KEYS["variable"] as ReadonlySet<string>);
  // `$states` is always bound and never shadowed: read it by name, not through a lookup.
  const path = first["value"] === "states" ? generateStatesPath(readStates, names) : generatePath(compileVariable(first["value"]), names);
  if (index === undefined) return path;
  return (bindings) => {
    const value = path(bindings);
    return value === FALLBACK ? FALLBACK : itemAt(value, index);
  };
}

const NAME_WITH_INDEX_KEYS: ReadonlySet<string> = new Set(["type", "value", "position", "stages"]);
const FILTER_KEYS: ReadonlySet<string> = new Set(["type", "position", "expr"]);

/** The integer of a `[n]` stage (one filter holding an integer literal), else outside the subset. */
function constantIndex(stages: unknown): number {
  if (!Array.isArray(stages) || stages.length !== 1) outside();
  const stage = stages[0] as Node;
  if (typeof stage !== "object" || stage === null || stage["type"] !== "filter") outside();
  checkKeys(stage, FILTER_KEYS);
  const expr = stage["expr"] as Node;
  if (typeof expr !== "object" || expr === null || expr["type"] !== "number") outside();
  checkKeys(expr, ALLOWED_KEYS["number"] as ReadonlySet<string>);
  const value = expr["value"];
  if (typeof value !== "number" || !Number.isInteger(value)) outside();
  return value;
}

/**
 * Item `index` of an array (negative: from the end), or nothing past either end. A value that is
 * not an array (JSONata treats it as a one-item sequence) and an item that is itself an array
 * (flattened into the result sequence, and unwrapped when alone) are left to JSONata.
 */
function itemAt(value: unknown, index: number): unknown {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) return FALLBACK;
  const item: unknown = value[index < 0 ? value.length + index : index];
  return Array.isArray(item) ? FALLBACK : item;
}

/** `(a; b)`: each expression in turn, the value of the last (nothing for `()`); no bindings in the subset. */
function compileBlock(expressions: unknown, depth: number): FastEvaluator {
  if (!Array.isArray(expressions)) outside();
  const parts = (expressions as Node[]).map((expression) => compile(expression, depth + 1));
  return (bindings) => {
    let value: unknown = undefined;
    for (const part of parts) {
      value = part(bindings);
      if (value === FALLBACK) return FALLBACK;
    }
    return value;
  };
}

const readStates: FastEvaluator = (bindings) => bindings["states"];

function compileBinary(op: string, lhs: FastEvaluator, rhs: FastEvaluator): FastEvaluator {
  switch (op) {
    case "&":
      return (bindings) => {
        const left = lhs(bindings);
        if (left === FALLBACK) return FALLBACK;
        const right = rhs(bindings);
        if (right === FALLBACK) return FALLBACK;
        const leftText = left === undefined ? "" : stringify(left);
        if (leftText === FALLBACK) return FALLBACK;
        const rightText = right === undefined ? "" : stringify(right);
        if (rightText === FALLBACK) return FALLBACK;
        return leftText + rightText;
      };
    case "+":
    case "-":
    case "*":
    case "/":
    case "%":
      return compileArithmetic(op, lhs, rhs);
    case "=":
    case "!=": {
      const equal = op === "=";
      return (bindings) => {
        const left = lhs(bindings);
        if (left === FALLBACK) return FALLBACK;
        const right = rhs(bindings);
        if (right === FALLBACK) return FALLBACK;
        if (left === undefined || right === undefined) return false;
        // Deep equality of objects and arrays is left to JSONata.
        if (typeof left === "object" && left !== null) return FALLBACK;
        if (typeof right === "object" && right !== null) return FALLBACK;
        return (left === right) === equal;
      };
    }
    case "<":
    case "<=":
    case ">":
    case ">=":
      return compileComparison(op, lhs, rhs);
    case "and":
    case "or": {
      const isAnd = op === "and";
      return (bindings) => {
        const left = lhs(bindings);
        if (typeof left !== "boolean") return FALLBACK;
        if (isAnd ? !left : left) return left;
        const right = rhs(bindings);
        return typeof right === "boolean" ? right : FALLBACK;
      };
    }
    default:
      return outside();
  }
}

function compileArithmetic(op: "+" | "-" | "*" | "/" | "%", lhs: FastEvaluator, rhs: FastEvaluator): FastEvaluator {
  return (bindings) => {
    const left = lhs(bindings);
    if (left === FALLBACK) return FALLBACK;
    const right = rhs(bindings);
    if (right === FALLBACK) return FALLBACK;
    // Type errors (T2001/T2002) and non-finite operands (D1001) are JSONata's to report.
    if (left !== undefined && !isFiniteNumber(left)) return FALLBACK;
    if (right !== undefined && !isFiniteNumber(right)) return FALLBACK;
    if (left === undefined || right === undefined) return undefined;
    const a = left as number;
    const b = right as number;
    const result = op === "+" ? a + b : op === "-" ? a - b : op === "*" ? a * b : op === "/" ? a / b : a % b;
    if (!Number.isFinite(result)) return FALLBACK;
    return result === 0 ? 0 : result;
  };
}

function compileComparison(op: "<" | "<=" | ">" | ">=", lhs: FastEvaluator, rhs: FastEvaluator): FastEvaluator {
  return (bindings) => {
    const left = lhs(bindings);
    if (left === FALLBACK) return FALLBACK;
    const right = rhs(bindings);
    if (right === FALLBACK) return FALLBACK;
    const leftType = typeof left;
    const rightType = typeof right;
    // Only two numbers or two strings are compared here; undefined and type errors go to JSONata.
    if (leftType !== rightType || (leftType !== "number" && leftType !== "string")) return FALLBACK;
    if (leftType === "number" && (!Number.isFinite(left) || !Number.isFinite(right))) return FALLBACK;
    const a = left as number | string;
    const b = right as number | string;
    return op === "<" ? a < b : op === "<=" ? a <= b : op === ">" ? a > b : a >= b;
  };
}

function compileCondition(node: Node, depth: number): FastEvaluator {
  const condition = compile(node["condition"] as Node, depth + 1);
  const then = compile(node["then"] as Node, depth + 1);
  const otherwise = node["else"] === undefined ? () => undefined : compile(node["else"] as Node, depth + 1);
  return (bindings) => {
    const test = condition(bindings);
    // JSONata casts any value to a boolean; only real booleans are decided here.
    if (typeof test !== "boolean") return FALLBACK;
    return test ? then(bindings) : otherwise(bindings);
  };
}

function compileNegation(operand: FastEvaluator): FastEvaluator {
  return (bindings) => {
    const value = operand(bindings);
    if (value === undefined) return undefined;
    if (!isFiniteNumber(value)) return FALLBACK;
    // `-0` is written `0`: see the note on plain values at the top.
    return value === 0 ? 0 : -(value as number);
  };
}

function compileFunction(node: Node, depth: number): FastEvaluator {
  const procedure = node["procedure"] as Node | undefined;
  if (procedure === undefined || shapeOf(procedure) !== "variable" || node["value"] !== "(") outside();
  checkKeys(procedure, ALLOWED_KEYS["variable"] as ReadonlySet<string>);
  const name = procedure["value"];
  if (typeof name !== "string" || !Object.hasOwn(FUNCTIONS, name)) outside();
  const fn = FUNCTIONS[name] as (typeof FUNCTIONS)[string];
  const argNodes = node["arguments"];
  if (!Array.isArray(argNodes) || argNodes.length !== fn.arity) outside();
  const args = (argNodes as Node[]).map((arg) => compile(arg, depth + 1));
  const [first, second] = args;
  // One and two arguments (every function here) without an argument array per call.
  if (args.length === 1 && first !== undefined) {
    return (bindings) => {
      // A workflow variable of the same name shadows the built-in: JSONata decides what happens.
      if (Object.hasOwn(bindings, name)) return FALLBACK;
      const value = first(bindings);
      return value === FALLBACK ? FALLBACK : fn.call(value, undefined);
    };
  }
  if (args.length === 2 && first !== undefined && second !== undefined) {
    return (bindings) => {
      if (Object.hasOwn(bindings, name)) return FALLBACK;
      const a = first(bindings);
      if (a === FALLBACK) return FALLBACK;
      const b = second(bindings);
      return b === FALLBACK ? FALLBACK : fn.call(a, b);
    };
  }
  return outside();
}

/** `[a, b]`: undefined items vanish; an item that is an array is spliced in unless it is itself `[…]`. */
function compileArray(expressions: unknown, depth: number): FastEvaluator {
  if (!Array.isArray(expressions)) outside();
  return generateArray((expressions as Node[]).map((item) => ({ value: compile(item, depth + 1), nested: shapeOf(item) === "array" })));
}

/** `{'k': v}`: literal string keys only, each once; undefined values drop the key. */
function compileObject(pairs: unknown, depth: number): FastEvaluator {
  if (!Array.isArray(pairs)) outside();
  const seen = new Set<string>();
  const entries = (pairs as unknown[]).map((pair) => {
    if (!Array.isArray(pair) || pair.length !== 2) outside();
    const [keyNode, valueNode] = pair as [Node, Node];
    if (shapeOf(keyNode) !== "string" || typeof keyNode["value"] !== "string") outside();
    const key = keyNode["value"];
    // Duplicate keys are an error (D1009) and `__proto__` would set the prototype: JSONata's cases.
    if (seen.has(key) || key === "__proto__") outside();
    seen.add(key);
    return { key, value: compile(valueNode, depth + 1) };
  });
  return generateObject(entries);
}

/** `$merge(objects)`: an array of plain objects, later keys winning (JSONata copies with for…in). */
function merge(arg: unknown): unknown {
  if (arg === undefined) return undefined;
  if (!Array.isArray(arg)) return FALLBACK;
  const objects = arg as unknown[];
  for (const item of objects) if (!isObjectRecord(item)) return FALLBACK;
  // Own enumerable keys in order, later ones winning, each assigned (`[[Set]]`): JSONata's
  // for…in and `result[key] = …` over plain JSON objects (bindings hold no inherited keys).
  const out: Record<string, unknown> = {};
  for (const item of objects) Object.assign(out, item);
  // An own `__proto__` key set the prototype, as in JSONata; such a value is not plain JSON.
  return Object.getPrototypeOf(out) === Object.prototype ? out : FALLBACK;
}

function isObjectRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * `$string` text of objects and arrays already stringified. Payloads are immutable, so an object
 * keeps its text; `$string($states.input.obj)` in state after state becomes a lookup.
 */
const stringOfObject = new WeakMap<object, string>();

/** JSONata's `$string` for JSON values: numbers to 15 significant digits, like `fn.string`. */
function stringify(value: unknown): string | typeof FALLBACK {
  if (typeof value === "string") return value;
  if (typeof value === "number" && !Number.isFinite(value)) return FALLBACK;
  if (typeof value === "function" || typeof value === "symbol" || typeof value === "bigint") return FALLBACK;
  // A number, boolean or null is written as JSON writes it; for finite numbers that is String()
  // (a replacer made `'age ' & 36` cost microseconds).
  if (typeof value === "number") {
    if (keepsAllDigits(value)) return String(value);
    // Rounding the largest doubles to 15 digits overflows (-1.7976931348623151e308 becomes
    // -Infinity, which jsonata writes as JSON does: null): jsonata's case.
    const rounded = Number(value.toPrecision(15));
    return Number.isFinite(rounded) ? String(rounded) : FALLBACK;
  }
  if (typeof value !== "object" || value === null) return String(value);
  const cached = stringOfObject.get(value);
  if (cached !== undefined) return cached;
  const kind = jsonTreeKind(value);
  if (kind === NOT_JSON) return FALLBACK;
  // The replacer only rewrites numbers of more than 15 significant digits; without any, plain JSON.stringify (much faster
  // than calling a replacer per value) writes the same text.
  const text = kind === EXACT_DIGITS ? JSON.stringify(value) : JSON.stringify(value, numberReplacer);
  stringOfObject.set(value, text);
  return text;
}

/** jsonata 2.0.6 writes every number, integers too, at 15 significant digits (`1234567890123456` as `1234567890123460`). */
function numberReplacer(_key: string, value: unknown): unknown {
  return typeof value === "number" && Number.isFinite(value) ? Number(value.toPrecision(15)) : value;
}

/** Numbers that 15 significant digits write exactly as they are: integers of at most 15 digits. */
function keepsAllDigits(value: number): boolean {
  return Number.isInteger(value) && Math.abs(value) < 1e15;
}

const NOT_JSON = 0;
const EXACT_DIGITS = 1;
const NEEDS_ROUNDING = 2;
type TreeKind = typeof NOT_JSON | typeof EXACT_DIGITS | typeof NEEDS_ROUNDING;

/**
 * Whether an object or array holds only JSON values (no functions, no non-finite numbers, no
 * JSONata sequence flags) — the only trees {@link stringify} writes by itself — and whether any
 * number in it has more than 15 significant digits (which `$string` rounds to 15).
 */
function jsonTreeKind(value: object): TreeKind {
  let kind: TreeKind = EXACT_DIGITS;
  const visit = (member: unknown): boolean => {
    switch (typeof member) {
      case "string":
      case "boolean":
        return true;
      case "number":
        if (!Number.isFinite(member)) return false;
        if (!keepsAllDigits(member)) kind = NEEDS_ROUNDING;
        return true;
      case "object":
        if (member === null) return true;
        if (Array.isArray(member)) {
          if (Object.getPrototypeOf(member) !== Array.prototype || Object.hasOwn(member, "outerWrapper")) return false;
          for (const item of member as unknown[]) if (!visit(item)) return false;
          return true;
        }
        if (Object.getPrototypeOf(member) !== Object.prototype) return false;
        for (const key of Object.keys(member)) if (!visit((member as Record<string, unknown>)[key])) return false;
        return true;
      default:
        return false;
    }
  };
  return visit(value) ? kind : NOT_JSON;
}

function isFiniteNumber(value: unknown): boolean {
  return typeof value === "number" && Number.isFinite(value);
}

function parseOrFallback(text: string): unknown {
  let parsed: unknown;
  try {
    parsed = parse(text);
  } catch {
    return FALLBACK;
  }
  // JSON text may hold `-0` (`"[-0]"`): keep the promise of plain values. A number past the
  // double range (`"1e999"`) parses to Infinity, which is JSONata's to turn into a value.
  if (typeof parsed === "number" && !Number.isFinite(parsed)) return FALLBACK;
  if (typeof parsed !== "object" || parsed === null) return parsed === 0 ? 0 : parsed;
  // Parsed values are cached by text and never change: convert each one once.
  const known = plainOfParsed.get(parsed);
  if (known !== undefined) return known;
  const plain = toPlainJson(parsed);
  if (plain.kind !== "json") return FALLBACK;
  plainOfParsed.set(parsed, plain.value);
  return plain.value;
}

const plainOfParsed = new WeakMap<object, unknown>();

function hashOrFallback(value: string, algorithm: string): unknown {
  try {
    return hash(value, algorithm);
  } catch {
    return FALLBACK;
  }
}
