/**
 * Compiles a JSONPath-mode Choice rule (a boolean expression of `And`/`Or`/`Not`, or a data test
 * `Variable` + one operator) into a closure, once per definition, so that evaluating it walks no
 * JSON and allocates nothing.
 */
import type { EvaluationScope } from "../data/scope.ts";
import { StatesError } from "../errors.ts";
import { compileJsonPath, NOT_FOUND, type CompiledPath } from "./json-path.ts";
import {
  compileComparison,
  isLiteralOfType,
  parseComparisonOperator,
  timestampLiteralTest,
  TYPE_TESTS,
  typeTest,
  type TypeTest,
} from "./operators.ts";
import { compileStringPattern } from "./string-matches.ts";
import { parseTimestampInto, type PreciseInstant } from "./timestamp.ts";

/** A Choice rule ready to evaluate against a state's effective input. */
export interface CompiledChoiceRule {
  /** JSON pointer of the rule in the definition (`/States/Check/Choices/0`). */
  readonly location: string;
  /**
   * Whether the rule holds. Raises `States.Runtime` when the Variable (or a `…Path` operand)
   * selects nothing; the engine adds AWS's "An error occurred while executing the state" prefix.
   */
  evaluate(input: unknown, scope: EvaluationScope): boolean;
}

/** Keys a rule may carry besides its expression (Next/Assign only matter on top-level rules). */
const IGNORED_KEYS = new Set(["Next", "Comment", "Assign"]);

const TYPE_TEST_NAMES: ReadonlySet<string> = new Set(TYPE_TESTS);

/** The cause AWS gives when a Choice rule's path selects nothing. */
export function invalidConditionPathCause(path: string): string {
  return `Invalid path '${path}': The choice state's condition path references an invalid value.`;
}

function invalidRule(location: string, problem: string): StatesError {
  return new StatesError("States.Runtime", `Invalid Choice rule at ${location}: ${problem}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Compiles a JSONPath-mode Choice rule found at `location` (a JSON pointer, for error messages). */
export function compileChoiceRule(rule: unknown, location: string): CompiledChoiceRule {
  if (!isRecord(rule)) throw invalidRule(location, "a rule must be a JSON object");
  const keys = Object.keys(rule).filter((k) => !IGNORED_KEYS.has(k));
  if (keys.includes("Condition")) {
    throw invalidRule(location, "'Condition' is a JSONata rule; this compiler handles JSONPath rules");
  }
  if (keys.includes("And") || keys.includes("Or") || keys.includes("Not")) {
    if (keys.length !== 1) throw invalidRule(location, `a boolean expression takes no other fields, found ${keys.join(", ")}`);
    return compileBoolean(rule, keys[0] ?? "", location);
  }
  return compileDataTest(rule, keys, location);
}

function compileBoolean(rule: Record<string, unknown>, key: string, location: string): CompiledChoiceRule {
  const where = `${location}/${key}`;
  if (key === "Not") {
    const inner = compileChoiceRule(rule["Not"], where);
    return { location, evaluate: (input, scope) => !inner.evaluate(input, scope) };
  }
  const list = rule[key];
  if (!Array.isArray(list) || list.length === 0) throw invalidRule(where, `'${key}' must be a non-empty array of rules`);
  const parts = list.map((r: unknown, i) => compileChoiceRule(r, `${where}/${i}`));
  if (key === "And") {
    return {
      location,
      evaluate(input, scope) {
        for (const part of parts) if (!part.evaluate(input, scope)) return false;
        return true;
      },
    };
  }
  return {
    location,
    evaluate(input, scope) {
      for (const part of parts) if (part.evaluate(input, scope)) return true;
      return false;
    },
  };
}

/** Reads `path`, raising AWS's error when it selects nothing (an unassigned `$var` included). */
function readRequired(path: CompiledPath, input: unknown, scope: EvaluationScope): unknown {
  const value = path.evaluate(input, scope);
  if (value === NOT_FOUND || value === undefined) {
    throw new StatesError("States.Runtime", invalidConditionPathCause(path.text));
  }
  return value;
}

function compilePath(text: unknown, location: string, field: string): CompiledPath {
  if (typeof text !== "string") throw invalidRule(location, `'${field}' must be a path string`);
  let path: CompiledPath;
  try {
    path = compileJsonPath(text);
  } catch (e) {
    const why = e instanceof StatesError ? e.cause : String(e);
    throw invalidRule(location, `'${field}' is not a valid path (${why})`);
  }
  // AWS requires Reference Paths here: one node, so "missing" has a meaning.
  if (!path.definite) throw invalidRule(location, `'${field}' must be a reference path selecting one value, not '${text}'`);
  return path;
}

function compileDataTest(rule: Record<string, unknown>, keys: readonly string[], location: string): CompiledChoiceRule {
  if (!keys.includes("Variable")) throw invalidRule(location, "a data-test rule needs 'Variable'");
  const operators = keys.filter((k) => k !== "Variable");
  if (operators.length !== 1) {
    throw invalidRule(location, `a data-test rule needs exactly one operator, found ${operators.length === 0 ? "none" : operators.join(", ")}`);
  }
  const name = operators[0] ?? "";
  const operand = rule[name];
  const variable = compilePath(rule["Variable"], location, "Variable");
  const test = compileOperator(name, operand, location);

  if (test.kind === "present") {
    const expected = test.expected;
    return {
      location,
      evaluate(input, scope) {
        const value = variable.evaluate(input, scope);
        return (value !== NOT_FOUND && value !== undefined) === expected;
      },
    };
  }
  if (test.kind === "unary") {
    const check = test.check;
    return { location, evaluate: (input, scope) => check(readRequired(variable, input, scope)) };
  }
  const { compare, path } = test;
  return {
    location,
    evaluate(input, scope) {
      const value = readRequired(variable, input, scope);
      return compare(value, readRequired(path, input, scope));
    },
  };
}

type OperatorTest =
  | { readonly kind: "present"; readonly expected: boolean }
  | { readonly kind: "unary"; readonly check: (value: unknown) => boolean }
  | { readonly kind: "binary"; readonly compare: (value: unknown, operand: unknown) => boolean; readonly path: CompiledPath };

function compileOperator(name: string, operand: unknown, location: string): OperatorTest {
  if (TYPE_TEST_NAMES.has(name)) {
    if (typeof operand !== "boolean") throw invalidRule(location, `'${name}' takes true or false`);
    const testName = name as TypeTest;
    if (testName === "IsPresent") return { kind: "present", expected: operand };
    const holds = typeTest(testName);
    return { kind: "unary", check: operand ? holds : (v) => !holds(v) };
  }
  if (name === "StringMatches") {
    if (typeof operand !== "string") throw invalidRule(location, "'StringMatches' takes a string pattern");
    const pattern = compileStringPattern(operand);
    if (!pattern.ok) {
      // [?] AWS documents a dangling backslash as a runtime failure; keep the machine loadable.
      const failure = new StatesError("States.Runtime", `${pattern.reason}.`);
      return {
        kind: "unary",
        check: () => {
          throw failure;
        },
      };
    }
    const matches = pattern.matches;
    return { kind: "unary", check: (v) => typeof v === "string" && matches(v) };
  }
  const op = parseComparisonOperator(name);
  if (op === undefined) throw invalidRule(location, `unknown field or operator '${name}'`);
  if (op.path) {
    return { kind: "binary", compare: compileComparison(op), path: compilePath(operand, location, name) };
  }
  if (!isLiteralOfType(op.type, operand)) {
    throw invalidRule(location, `'${name}' takes a ${op.type === "Numeric" ? "number" : op.type.toLowerCase()}`);
  }
  if (op.type === "Timestamp") {
    const literal: PreciseInstant = { seconds: 0, nanos: 0 };
    if (!parseTimestampInto(operand as string, literal)) {
      throw invalidRule(location, `'${name}' value '${String(operand)}' does not match RFC3339 timestamp`);
    }
    return { kind: "unary", check: timestampLiteralTest(op.relation, literal) };
  }
  const compare = compileComparison(op);
  return { kind: "unary", check: (v) => compare(v, operand) };
}
