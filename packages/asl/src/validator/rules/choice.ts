// Choice state: non-empty Choices, JSONPath rules (one operator per data test, And/Or/Not,
// no Next in nested rules) and JSONata rules (Condition).
import { childPointer } from "../../json-pointer.ts";
import { report, type StateScope, type ValidationContext } from "../context.ts";
import { checkPath } from "../grammar-bridge.ts";
import { containsPlaceholder, describeType, isJsonataExpression, isObject, quote } from "../values.ts";
import { checkAssign } from "./assign.ts";
import { checkJsonataString, checkJsonataTemplate, NO_EXTRA_STATES_ACCESS } from "./jsonata-template.ts";
import { checkRequired } from "./state-shape.ts";
import { isRfc3339Timestamp } from "./timestamp.ts";

type OperandKind = "string" | "number" | "boolean" | "timestamp" | "path";

const COMPARISONS: ReadonlyArray<readonly [string, OperandKind]> = [
  ["StringEquals", "string"],
  ["StringLessThan", "string"],
  ["StringGreaterThan", "string"],
  ["StringLessThanEquals", "string"],
  ["StringGreaterThanEquals", "string"],
  ["NumericEquals", "number"],
  ["NumericLessThan", "number"],
  ["NumericGreaterThan", "number"],
  ["NumericLessThanEquals", "number"],
  ["NumericGreaterThanEquals", "number"],
  ["BooleanEquals", "boolean"],
  ["TimestampEquals", "timestamp"],
  ["TimestampLessThan", "timestamp"],
  ["TimestampGreaterThan", "timestamp"],
  ["TimestampLessThanEquals", "timestamp"],
  ["TimestampGreaterThanEquals", "timestamp"],
];

/** Every JSONPath operator and the operand it takes. */
const OPERATORS: ReadonlyMap<string, OperandKind> = new Map<string, OperandKind>([
  ...COMPARISONS,
  ...COMPARISONS.map(([name]) => [`${name}Path`, "path"] as const),
  ["StringMatches", "string"],
  ["IsNull", "boolean"],
  ["IsPresent", "boolean"],
  ["IsNumeric", "boolean"],
  ["IsString", "boolean"],
  ["IsBoolean", "boolean"],
  ["IsTimestamp", "boolean"],
]);


/** Cross-field rules of a Choice state, and every rule in `Choices`. */
export function checkChoiceState(context: ValidationContext, scope: StateScope): void {
  checkRequired(context, scope, ["Choices"]);
  const choices = scope.state["Choices"];
  if (choices === undefined) return;
  const pointer = childPointer(scope.pointer, "Choices");
  if (!Array.isArray(choices)) {
    report(context, "SCHEMA_VALIDATION_FAILED", pointer, `The field 'Choices' must be an array of rules, but it is ${describeType(choices)}.`);
    return;
  }
  if (choices.length === 0) {
    report(context, "SCHEMA_VALIDATION_FAILED", pointer, `Value cannot be empty: a Choice state needs at least one rule in 'Choices'.`);
    return;
  }
  choices.forEach((rule, index) => {
    const at = childPointer(pointer, index);
    if (scope.queryLanguage === "JSONata") checkJsonataRule(context, rule, at, scope);
    else checkJsonPathRule(context, rule, at, scope, true);
  });
}

function checkJsonataRule(context: ValidationContext, rule: unknown, pointer: string, scope: StateScope): void {
  if (!isObject(rule)) {
    report(context, "SCHEMA_VALIDATION_FAILED", pointer, `A Choice rule must be an object such as {"Condition": "{% ... %}", "Next": "..."}, but it is ${describeType(rule)}.`);
    return;
  }
  for (const key of Object.keys(rule)) {
    if (key === "Condition" || key === "Next" || key === "Assign" || key === "Output" || key === "Comment") continue;
    const hint = OPERATORS.has(key) || key === "Variable" || key === "And" || key === "Or" || key === "Not" ? " JSONata rules use 'Condition' instead of Variable/operators." : "";
    report(context, "SCHEMA_VALIDATION_FAILED", pointer, `Field '${key}' is not supported in a JSONata Choice rule.${hint}`);
  }
  const missing = ["Condition", "Next"].filter((field) => !(field in rule));
  if (missing.length > 0) report(context, "SCHEMA_VALIDATION_FAILED", pointer, `These fields are required: [${missing.join(", ")}].`);
  const condition = rule["Condition"];
  if (condition !== undefined && typeof condition !== "boolean") {
    if (isJsonataExpression(condition)) checkJsonataString(context, condition, childPointer(pointer, "Condition"), NO_EXTRA_STATES_ACCESS);
    else report(context, "SCHEMA_VALIDATION_FAILED", childPointer(pointer, "Condition"), `The field 'Condition' must be true, false or a JSONata expression '{% ... %}', but it is ${quote(condition)}.`);
  }
  checkRuleNext(context, rule, pointer);
  if ("Output" in rule) checkJsonataTemplate(context, rule["Output"], childPointer(pointer, "Output"), NO_EXTRA_STATES_ACCESS);
  if ("Assign" in rule) checkAssign(context, rule["Assign"], childPointer(pointer, "Assign"), "JSONata", NO_EXTRA_STATES_ACCESS, scope.outerVariables);
}

function checkRuleNext(context: ValidationContext, rule: Record<string, unknown>, pointer: string): void {
  const next = rule["Next"];
  if (next !== undefined && (typeof next !== "string" || next === "")) {
    report(context, "SCHEMA_VALIDATION_FAILED", childPointer(pointer, "Next"), `The field 'Next' must be the name of a state, but it is ${describeType(next)}.`);
  }
}

function checkJsonPathRule(context: ValidationContext, rule: unknown, pointer: string, scope: StateScope, topLevel: boolean): void {
  if (!isObject(rule)) {
    report(context, "SCHEMA_VALIDATION_FAILED", pointer, `A Choice rule must be an object such as {"Variable": "$.x", "StringEquals": "a"${topLevel ? ', "Next": "..."' : ""}}, but it is ${describeType(rule)}.`);
    return;
  }
  const operators: string[] = [];
  const combinators: string[] = [];
  for (const key of Object.keys(rule)) {
    if (OPERATORS.has(key)) operators.push(key);
    else if (key === "And" || key === "Or" || key === "Not") combinators.push(key);
    else if (key === "Variable" || key === "Comment") continue;
    else if (topLevel && (key === "Next" || key === "Assign")) continue;
    else if (key === "Next" || key === "Assign") report(context, "SCHEMA_VALIDATION_FAILED", pointer, `Field '${key}' is not supported in a nested Choice rule: only top-level rules in 'Choices' have '${key}'. Move it to the enclosing rule.`);
    else report(context, "SCHEMA_VALIDATION_FAILED", pointer, `Field '${key}' is not supported in a Choice rule.${key === "Condition" ? " 'Condition' needs \"QueryLanguage\": \"JSONata\"." : ""}`);
  }
  if (topLevel && !("Next" in rule)) report(context, "SCHEMA_VALIDATION_FAILED", pointer, `These fields are required: [Next]. Each rule in 'Choices' names the state to go to when it matches.`);
  checkRuleNext(context, rule, pointer);
  if (topLevel && "Assign" in rule) checkAssign(context, rule["Assign"], childPointer(pointer, "Assign"), "JSONPath", NO_EXTRA_STATES_ACCESS, scope.outerVariables);
  const hasVariable = "Variable" in rule;
  const kinds = operators.length + combinators.length;
  if (kinds !== 1 || (hasVariable && combinators.length > 0) || (!hasVariable && operators.length > 0)) {
    report(context, "SCHEMA_VALIDATION_FAILED", pointer, ruleShapeMessage(hasVariable, operators, combinators));
  }
  if (hasVariable) checkChoicePath(context, rule["Variable"], childPointer(pointer, "Variable"), "Variable");
  for (const operator of operators) checkOperand(context, operator, rule[operator], childPointer(pointer, operator));
  for (const combinator of combinators) checkCombinator(context, combinator, rule[combinator], childPointer(pointer, combinator), scope);
}

function ruleShapeMessage(hasVariable: boolean, operators: readonly string[], combinators: readonly string[]): string {
  if (operators.length + combinators.length === 0) {
    return hasVariable
      ? `This Choice rule has a 'Variable' but no comparison operator. Add exactly one, e.g. "StringEquals": "value".`
      : `This Choice rule has no condition. Add 'Variable' with one comparison operator, or one of And, Or, Not.`;
  }
  if (operators.length + combinators.length > 1) {
    return `This Choice rule has ${[...operators, ...combinators].join(", ")}, but a rule takes exactly one operator. Combine conditions with "And": [ ... ].`;
  }
  return hasVariable
    ? `'${combinators[0] ?? ""}' cannot be combined with 'Variable' in the same rule. Put the data tests inside the ${combinators[0] ?? ""} array.`
    : `The operator '${operators[0] ?? ""}' needs a 'Variable' (the path of the value to test).`;
}

function checkCombinator(context: ValidationContext, combinator: string, value: unknown, pointer: string, scope: StateScope): void {
  if (combinator === "Not") {
    checkJsonPathRule(context, value, pointer, scope, false);
    return;
  }
  if (!Array.isArray(value) || value.length === 0) {
    report(context, "SCHEMA_VALIDATION_FAILED", pointer, `The field '${combinator}' must be a non-empty array of Choice rules, but it is ${Array.isArray(value) ? "empty" : describeType(value)}.`);
    return;
  }
  value.forEach((rule, index) => checkJsonPathRule(context, rule, childPointer(pointer, index), scope, false));
}

function checkOperand(context: ValidationContext, operator: string, value: unknown, pointer: string): void {
  const kind = OPERATORS.get(operator);
  if (kind === "path") {
    checkChoicePath(context, value, pointer, operator);
    return;
  }
  const ok =
    kind === "string" ? typeof value === "string" : kind === "number" ? typeof value === "number" : kind === "boolean" ? typeof value === "boolean" : typeof value === "string" && (isRfc3339Timestamp(value) || containsPlaceholder(value));
  if (!ok) {
    const expected = kind === "timestamp" ? "an RFC 3339 timestamp string (e.g. '2026-01-01T00:00:00Z')" : `a ${kind}`;
    report(context, "SCHEMA_VALIDATION_FAILED", pointer, `The operator '${operator}' takes ${expected}, but it is ${describeType(value)}${typeof value === "string" ? ` ${quote(value)}` : ""}.`);
    return;
  }
  if (typeof value === "string" && kind === "string" && (value.startsWith("$.") || value.startsWith("$$."))) {
    report(context, "NO_PATH", pointer, `The value of '${operator}' looks like a path, but it is compared as a literal string. Use '${operator}Path' to compare against the value at that path.`);
  }
}

function checkChoicePath(context: ValidationContext, value: unknown, pointer: string, field: string): void {
  if (typeof value !== "string") {
    report(context, "SCHEMA_VALIDATION_FAILED", pointer, `The field '${field}' must be a JSONPath string, but it is ${describeType(value)}.`);
    return;
  }
  const reason = containsPlaceholder(value) ? undefined : checkPath(value);
  if (reason !== undefined) report(context, "SCHEMA_VALIDATION_FAILED", pointer, `The value for the field '${field}' must be a valid JSONPath: ${quote(value)} is not (${reason}).`);
}

