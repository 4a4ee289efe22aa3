/** Running selectors: the `$` objects each place offers, and turning what selectors return into IR. */
import type { Expr, ObjectExpr } from "../ir/expr-node.ts";
import type { NumberOrExpr } from "../ir/state-node.ts";
import { runSelector } from "./discard-tracking.ts";
import { rootRef, scopeKey, toExpr, toObjectExpr, variablesProxy } from "./ref-proxy.ts";
import { isValue } from "./value.ts";

/** Drops `undefined` members so optional IR fields are absent rather than undefined. */
export function defined<T extends object>(value: { [K in keyof T]: T[K] | undefined }): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** `$` where a state reads its input: input, variables, context. */
export const inputScope = (): object => ({ [scopeKey]: "scope", input: rootRef("input"), vars: variablesProxy(), context: rootRef("context") });
/** `$` where a state also reads its result (`resultPath` is where the handler's own result sits). */
export const resultScope = (resultPath: readonly string[] = []): object => ({ ...inputScope(), result: rootRef("result", resultPath) });
/** `$` in a Catcher: also the error output. */
export const errorScope = (): object => ({ ...inputScope(), errorOutput: rootRef("errorOutput") });
/** `$` in a Map ItemSelector: also the item and its index. */
export const itemScope = (): object => ({
  ...inputScope(),
  item: rootRef("context", ["Map", "Item", "Value"]),
  index: rootRef("context", ["Map", "Item", "Index"]),
});

/** Runs a selector, if given, and converts what it returns to an expression. */
export function select(selector: unknown, scope: object): Expr | undefined {
  return typeof selector === "function" ? runSelector(() => (selector as (s: object) => unknown)(scope), toExpr) : undefined;
}

/** Runs an `assign` selector, if given; it must return an object of variable names. */
export function selectAssign(selector: unknown, scope: object): ObjectExpr | undefined {
  return typeof selector === "function" ? runSelector(() => (selector as (s: object) => unknown)(scope), toObjectExpr) : undefined;
}

/** A literal number, a `Value`, or a selector returning one. */
export function numberOrExpr(value: unknown): NumberOrExpr | undefined {
  if (value === undefined) return undefined;
  if (typeof value === "number") return value;
  if (isValue(value)) return toExpr(value);
  if (typeof value === "function") return select(value, inputScope());
  throw new TypeError(`expected a number, a value or a selector, got ${typeof value}`);
}

/** A literal string, a `Value`, or a selector returning one. */
export function stringOrExpr(value: unknown): string | Expr | undefined {
  if (value === undefined || typeof value === "string") return value;
  const computed = numberOrExpr(value);
  if (typeof computed === "number") throw new TypeError("expected a string, a value or a selector, got a number");
  return computed;
}

/** A `resultField` option (a field, or a path of fields) as the IR's path; undefined when not given. */
export function resultFieldPath(value: unknown): readonly string[] | undefined {
  if (value === undefined) return undefined;
  const path = typeof value === "string" ? [value] : Array.isArray(value) ? value : undefined;
  if (path === undefined || path.length === 0 || !path.every((f): f is string => typeof f === "string" && f !== "")) {
    throw new TypeError(`resultField must be a field name or a non-empty array of field names (["a", "b"] for $.a.b), got ${JSON.stringify(value)}`);
  }
  return Object.freeze([...path]);
}
