/**
 * Choice conditions as builder code: JSONPath rules with a simple `Variable` and a literal operand
 * become reference tests (`$.input.total.gt(1000)`), And/Or/Not become `and`/`or`/`not`; any other
 * rule stays exact through `jsonPathRule({...})`, and JSONata conditions through `jsonataCondition`.
 */
import { jsonCode } from "./json-code.ts";
import { refCode, simplePath } from "./selector-code.ts";

/** Collects the @stepcraft/core names the generated code uses. */
export type ImportSet = Set<string>;

const COMPARE: Record<string, { readonly method: string; readonly type: "string" | "number" | "boolean" | "timestamp" }> = {
  StringEquals: { method: "eq", type: "string" },
  StringGreaterThan: { method: "gt", type: "string" },
  StringGreaterThanEquals: { method: "gte", type: "string" },
  StringLessThan: { method: "lt", type: "string" },
  StringLessThanEquals: { method: "lte", type: "string" },
  NumericEquals: { method: "eq", type: "number" },
  NumericGreaterThan: { method: "gt", type: "number" },
  NumericGreaterThanEquals: { method: "gte", type: "number" },
  NumericLessThan: { method: "lt", type: "number" },
  NumericLessThanEquals: { method: "lte", type: "number" },
  BooleanEquals: { method: "eq", type: "boolean" },
  StringMatches: { method: "matches", type: "string" },
};
const TYPE_TESTS = ["IsPresent", "IsNull", "IsNumeric", "IsString", "IsBoolean", "IsTimestamp"] as const;

/** The keys a rule's condition is made of (everything but its transition and comment). */
export function ruleCondition(rule: Record<string, unknown>): Record<string, unknown> {
  const { Next: _next, Comment: _comment, Assign: _assign, Output: _output, ...condition } = rule;
  return condition;
}

/** The condition of a JSONPath rule (without Next/Comment) as builder code. */
export function jsonPathConditionCode(rule: Record<string, unknown>, imports: ImportSet): string {
  const keys = Object.keys(rule);
  const only = (key: string): boolean => keys.length === 1 && keys[0] === key;
  if (only("And") || only("Or")) {
    const list = rule[keys[0] ?? ""];
    if (Array.isArray(list) && list.length > 0 && list.every(isRecord)) {
      const fn = keys[0] === "And" ? "and" : "or";
      imports.add(fn);
      return `${fn}(${list.map((r) => jsonPathConditionCode(r, imports)).join(", ")})`;
    }
  }
  if (only("Not") && isRecord(rule["Not"])) {
    imports.add("not");
    return `not(${jsonPathConditionCode(rule["Not"], imports)})`;
  }
  const simple = simpleComparison(rule);
  if (simple !== undefined) return simple;
  imports.add("jsonPathRule");
  return `jsonPathRule(${jsonCode(rule)})`;
}

function simpleComparison(rule: Record<string, unknown>): string | undefined {
  const keys = Object.keys(rule);
  if (keys.length !== 2 || !keys.includes("Variable")) return undefined;
  const segments = simplePath(rule["Variable"]);
  if (segments === undefined) return undefined;
  const operator = keys.find((k) => k !== "Variable") ?? "";
  const operand = rule[operator];
  const ref = refCode("input", segments);
  const compare = COMPARE[operator];
  if (compare !== undefined) {
    // Only literals whose JS type tells the builder which comparison family to render.
    if (compare.type === "number" && typeof operand === "number") return `${ref}.${compare.method}(${jsonCode(operand)})`;
    if (compare.type === "string" && typeof operand === "string") return `${ref}.${compare.method}(${jsonCode(operand)})`;
    if (compare.type === "boolean" && typeof operand === "boolean") return `${ref}.${compare.method}(${jsonCode(operand)})`;
    return undefined;
  }
  if ((TYPE_TESTS as readonly string[]).includes(operator) && typeof operand === "boolean") {
    const method = `is${operator.slice(2)}`;
    return `${ref}.${method}(${operand ? "" : "false"})`;
  }
  return undefined;
}

/** A JSONata `Condition` (`{% … %}`) as builder code. */
export function jsonataConditionCode(condition: unknown, imports: ImportSet): string | undefined {
  if (typeof condition !== "string") return undefined;
  const match = /^\{%([\s\S]*)%\}$/.exec(condition);
  if (match === null) return undefined;
  imports.add("jsonataCondition");
  return `jsonataCondition(${JSON.stringify(match[1])})`;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
