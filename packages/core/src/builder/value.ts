/**
 * `Value<T>`: an opaque piece of data of type `T` that the compiler knows how to read (a path,
 * a function call, a raw expression). Its `T` is a phantom, read by indexed access only.
 */
import type { Condition as ConditionNode, ComparisonType, Expr } from "../ir/expr-node.ts";
import { noteCondition } from "./discard-tracking.ts";
import { notAPrimitive } from "./not-a-primitive.ts";

/** Runtime key under which a value carries its IR expression. */
export const exprKey: unique symbol = Symbol("stepcraft.expr");
/** Runtime key for the comparison type a value is known to have (for JSONPath Choice rules). */
export const comparisonTypeKey: unique symbol = Symbol("stepcraft.comparisonType");
/** Runtime key under which a Choice condition carries its IR. */
export const conditionKey: unique symbol = Symbol("stepcraft.condition");

declare const valueType: unique symbol;

export interface Value<out T> {
  /** Phantom: the type of the data; never present at run time. */
  readonly [valueType]: T;
  readonly [exprKey]: Expr;
  readonly [comparisonTypeKey]?: ComparisonType;
}

/**
 * A Choice rule test, built from comparisons on references and `and`/`or`/`not`. It is also a
 * `Value<boolean>`: in a template it is the test's result (a JSONata boolean expression), so it
 * can never be mistaken for an object and serialised as `{}`.
 */
export interface Condition extends Value<boolean> {
  readonly [conditionKey]: ConditionNode;
}

/** A literal `T` or data of type `T`. */
export type ValueOr<T> = T | Value<T>;

/** Creates a value from an IR expression. */
export function valueOf<T>(expr: Expr, comparisonType?: ComparisonType): Value<T> {
  const value = comparisonType === undefined ? { [exprKey]: expr } : { [exprKey]: expr, [comparisonTypeKey]: comparisonType };
  Object.defineProperty(value, Symbol.toPrimitive, { value: notAPrimitive(expr) });
  // The phantom `T` exists only in the type system.
  return Object.freeze(value) as unknown as Value<T>;
}

/** Wraps an IR condition. */
export function conditionOf(node: ConditionNode): Condition {
  noteCondition(node);
  const expr: Expr = { kind: "condition", condition: node };
  // Not enumerable: a condition spread or walked as data shows only its IR.
  const condition = Object.defineProperty({ [conditionKey]: node, [exprKey]: expr }, Symbol.toPrimitive, { value: notAPrimitive(expr) });
  // The phantom `boolean` exists only in the type system.
  return Object.freeze(condition) as unknown as Condition;
}

/** True when `x` carries an IR expression. */
export function isValue(x: unknown): x is Value<unknown> {
  return (typeof x === "object" || typeof x === "function") && x !== null && exprKey in x;
}
