/**
 * Run-time side of data references: proxies that record the path read from them, and the
 * conversion of templates (objects of literals and references) into IR expressions.
 */
import type { ComparisonOperator, ComparisonType, Condition as ConditionNode, Expr, JsonValue, PathExpr, PathRoot, TypeTest } from "../ir/expr-node.ts";
import { captureSite, type CallSite } from "./call-site.ts";
import { chainData } from "./chain-types.ts";
import { forgetPath, notePath } from "./discard-tracking.ts";
import { notAPrimitive } from "./not-a-primitive.ts";
import { comparisonTypeKey, conditionKey, conditionOf, exprKey, isValue, type Condition } from "./value.ts";

/** Marks the `$` scope objects and `$.vars`, so neither can pass for a plain data object in a template. */
export const scopeKey: unique symbol = Symbol("stepcraft.scope");

const COMPARISONS: Record<string, ComparisonOperator> = { eq: "eq", gt: "gt", gte: "gte", lt: "lt", lte: "lte" };
const TIMESTAMP_COMPARISONS: Record<string, ComparisonOperator> = {
  sameInstant: "eq",
  before: "lt",
  after: "gt",
  atOrBefore: "lte",
  atOrAfter: "gte",
};
const TYPE_TESTS: ReadonlySet<string> = new Set<TypeTest>(["isPresent", "isNull", "isNumeric", "isString", "isBoolean", "isTimestamp"]);

function comparisonTypeOf(other: unknown): ComparisonType {
  if (isValue(other)) return other[comparisonTypeKey] ?? "unknown";
  if (typeof other === "number") return "number";
  if (typeof other === "boolean") return "boolean";
  return "string";
}

function method(expr: Expr, name: string): ((...args: unknown[]) => unknown) | undefined {
  // Own keys only: a field called `constructor` or `toString` must not find Object.prototype's.
  const comparison = Object.hasOwn(COMPARISONS, name) ? COMPARISONS[name] : undefined;
  if (comparison !== undefined) {
    return (other) => conditionOf({ kind: "compare", operator: comparison, valueType: comparisonTypeOf(other), left: expr, right: toExpr(other) });
  }
  const timestampComparison = Object.hasOwn(TIMESTAMP_COMPARISONS, name) ? TIMESTAMP_COMPARISONS[name] : undefined;
  if (timestampComparison !== undefined) {
    return (other) => conditionOf({ kind: "compare", operator: timestampComparison, valueType: "timestamp", left: expr, right: toExpr(other) });
  }
  if (name === "matches") return (pattern) => conditionOf({ kind: "matches", left: expr, pattern: String(pattern) });
  if (TYPE_TESTS.has(name)) return (expected) => conditionOf({ kind: "typeTest", test: name as TypeTest, left: expr, expected: expected !== false });
  return presenceMethod(expr, name);
}

/** The narrowing methods of data that may be absent (`OptionalRef`): `ifPresent`, `orElse`, `assertPresent`. */
function presenceMethod(expr: Expr, name: string): ((...args: unknown[]) => unknown) | undefined {
  switch (name) {
    case "ifPresent":
      return (test) => {
        // The test reads the same data, now known to be there; IsPresent guards it (AWS's And stops at the first false).
        const present = conditionOf({ kind: "typeTest", test: "isPresent", left: expr, expected: true });
        const tested: unknown = (test as (ref: unknown) => unknown)(refProxy(expr));
        if (typeof tested !== "object" || tested === null || !(conditionKey in tested)) {
          throw new TypeError(`ifPresent() must be given a function returning a condition (such as (v) => v.eq("x")), but it returned ${isValue(tested) ? "a reference" : tested === null ? "null" : `a ${typeof tested}`} (${captureSite().text})`);
        }
        return conditionOf({ kind: "and", conditions: [conditionNode(present), conditionNode(tested as Condition)] });
      };
    case "orElse":
      return (fallback) => refProxy({ kind: "orElse", value: expr, fallback: toExpr(fallback) });
    case "assertPresent":
      return () => refProxy(expr);
    default:
      return undefined;
  }
}

/**
 * A reference proxy over `expr`. Property reads extend a path; method names build conditions.
 * Field access is only offered on paths (`raw` expressions are opaque to the builder).
 */
export function refProxy(expr: Expr): unknown {
  return new Proxy(Object.freeze({ [exprKey]: expr }), {
    get(target, key) {
      if (key === exprKey) return target[exprKey];
      if (key === Symbol.toPrimitive) return notAPrimitive(expr);
      return typeof key === "symbol" ? undefined : member(expr, key);
    },
    has(_target, key) {
      return key === exprKey;
    },
  });
}

/** What `parent[key]` is: a method, a field, or both (see {@link methodOrField}). */
function member(parent: Expr, key: string): unknown {
  // Keep proxies from looking like promises or being serialised by accident.
  if (key === "then" || key === "toJSON") return undefined;
  const call = method(parent, key) ?? (key === "elementAt" && parent.kind === "path" ? (index: unknown) => refProxy(childPath(parent, Number(index))) : undefined);
  if (parent.kind !== "path") return call;
  // Numeric keys index tuples and arrays (`$.input[0]`).
  const field = childPath(parent, /^(0|[1-9][0-9]*)$/.test(key) ? Number(key) : key);
  return call === undefined ? refProxy(field) : methodOrField(field, call);
}

/**
 * A name that is a method of some reference (`gt`, `matches`, `isNull`, `elementAt`) may also be
 * a field of the data (`{ gt: 5 }`), and only the types know which: the proxy is both. Called, it
 * is the parent's method; read, it is the field (`$.input.limits.gt` in a template, `.gt.lt(3)`).
 */
function methodOrField(field: PathExpr, call: (...args: unknown[]) => unknown): unknown {
  // Not frozen: a frozen function's own `name` and `length` would pin what the get trap may return.
  const target = Object.assign(() => undefined, { [exprKey]: field });
  return new Proxy(target, {
    apply: (_target, _this, args) => {
      // Called, the name was a method: the field path read on the way is not data.
      forgetPath(field);
      return call(...args);
    },
    get(_target, key) {
      if (key === exprKey) return field;
      if (key === Symbol.toPrimitive) return notAPrimitive(field);
      return typeof key === "symbol" ? undefined : member(field, key);
    },
    has: (_target, key) => key === exprKey,
    set: () => false,
    defineProperty: () => false,
    deleteProperty: () => false,
  });
}

function childPath(parent: PathExpr, segment: string | number): PathExpr {
  const child: PathExpr = { ...parent, segments: [...parent.segments, segment] };
  notePath(child, parent);
  return child;
}

/** A reference to a root of the data a state sees. */
export function rootRef(root: PathRoot, segments: readonly (string | number)[] = []): unknown {
  return refProxy({ kind: "path", root, segments });
}

/** A proxy whose properties are variable references (`$.vars.total` → `$total`). */
export function variablesProxy(): unknown {
  return new Proxy(Object.freeze({ [scopeKey]: "vars" }), {
    get(_target, key) {
      if (typeof key === "symbol" || key === "then") return undefined;
      const variable: PathExpr = { kind: "path", root: "variable", variable: key, segments: [] };
      notePath(variable);
      return refProxy(variable);
    },
  });
}

/**
 * Only JSON data and values are data: a plain object whose own keys are all strings. Builder
 * objects (chains, `$`, `$.vars`) carry symbol keys, class instances (Date, Map) another prototype;
 * read as objects they would all become `{}` in the ASL.
 */
function isPlainData(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value);
  return (prototype === Object.prototype || prototype === null) && Object.getOwnPropertySymbols(value).length === 0;
}

function describe(value: unknown): string {
  if (typeof value === "function") return "a function";
  if (typeof value !== "object" || value === null) return `a ${typeof value}`;
  if (chainData in value) return "a state or chain (a transition target, not data)";
  // The descriptor, not a read: the `$.vars` proxy answers every read with a variable reference.
  if (scopeKey in value) return Object.getOwnPropertyDescriptor(value, scopeKey)?.value === "vars" ? "the variables object `$.vars` (read one variable: `$.vars.name`)" : "the whole `$` scope (read `$.input`, `$.result`…)";
  const constructorName: unknown = (Object.getPrototypeOf(value) as { constructor?: { name?: unknown } } | null)?.constructor?.name;
  return typeof constructorName === "string" && constructorName !== "Object" ? `a ${constructorName}` : "a builder object";
}

/** Converts a template (literals, references, arrays and objects of them) into an IR expression. */
export function toExpr(value: unknown): Expr {
  if (isValue(value)) return value[exprKey];
  if (Array.isArray(value)) return { kind: "array", items: value.map(toExpr) };
  if (typeof value === "object" && value !== null && isPlainData(value)) {
    const entries: [string, Expr][] = [];
    for (const [key, v] of Object.entries(value)) if (v !== undefined) entries.push([key, toExpr(v)]);
    // All-literal objects stay one literal so the compiler can copy them verbatim.
    if (entries.every(([, e]) => e.kind === "literal")) {
      return { kind: "literal", value: Object.fromEntries(entries.map(([k, e]) => [k, e.kind === "literal" ? e.value : null])) };
    }
    return { kind: "object", entries };
  }
  if (value === null || typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
    return { kind: "literal", value: value as JsonValue };
  }
  // Anything else used to be read as an object with no fields and compiled to `{}` without a word;
  // the types should already have refused it, so reaching here is a builder bug or a cast.
  throw new TypeError(
    `stepcraft internal error: ${describe(value)} cannot be used as data in a workflow template (${captureSite().text}); use literals, references or jsonata()`,
  );
}

/** The first thing in `value` that is not JSON, described for a message; `undefined` when it is all JSON. */
function nonJson(value: unknown): string | undefined {
  if (value === null || typeof value === "string" || typeof value === "number" || typeof value === "boolean") return undefined;
  if (isValue(value)) return "a reference or computed value (data read at run time belongs in `output`)";
  if (Array.isArray(value)) return value.map(nonJson).find((problem) => problem !== undefined);
  if (typeof value === "object" && isPlainData(value)) return Object.values(value).map((v) => (v === undefined ? undefined : nonJson(v))).find((problem) => problem !== undefined);
  return describe(value);
}

/**
 * An option the compiler copies verbatim (a Pass `result`, `raw` fields, a raw JSONPath rule): JSON
 * only. The JSON types cannot refuse a symbol-keyed builder object, which would be copied and then
 * serialised as `{}`, so it is checked here, with the call site.
 */
export function jsonOnly<T>(value: T, what: string, site: CallSite = captureSite()): T {
  const problem = nonJson(value);
  if (problem === undefined) return value;
  throw new TypeError(`stepcraft internal error: ${what} must be JSON, but holds ${problem} (${site.text})`);
}

/** Converts a template that must be an object (an Assign) into an object expression. */
export function toObjectExpr(value: unknown): Extract<Expr, { kind: "object" }> {
  const expr = toExpr(value);
  if (expr.kind === "object") return expr;
  if (expr.kind === "literal" && typeof expr.value === "object" && expr.value !== null && !Array.isArray(expr.value)) {
    return { kind: "object", entries: Object.entries(expr.value).map(([k, v]) => [k, { kind: "literal", value: v }]) };
  }
  throw new TypeError("assign must return an object of variable names to values");
}

/** Reads the IR of a condition. */
export function conditionNode(condition: Condition): ConditionNode {
  return condition[conditionKey];
}
