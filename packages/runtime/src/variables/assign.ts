import { compilePayloadTemplate } from "../data/payload-template.ts";
import type { EvaluationScope } from "../data/scope.ts";
import { StatesError } from "../errors.ts";
import { compileJsonataTemplate, type CompiledJsonataTemplate, type JsonataBindings } from "../jsonata/template.ts";
import type { EngineOptions } from "../jsonata/compile-expression.ts";
import { variableNameProblem } from "./names.ts";
import type { StoredVariable, VariableScope } from "./scope.ts";

/** Error for a value or Assign over AWS's size limits [?: AWS's exact name and cause are unrecorded]. */
export const VARIABLE_LIMIT_ERROR = "States.DataLimitExceeded";
/** Error for an Assign AWS would have rejected at creation (bad name, not an object). */
export const INVALID_ASSIGN_ERROR = "States.Runtime";

/** What an applied Assign reports for the history's `stateExitedEventDetails.assignedVariables`. */
export interface AssignmentRecord {
  /** Variable name → JSON text of the value (`"true"`, `"0.1"`, `"[]"`). */
  readonly assignedVariables: Record<string, string>;
}

/**
 * Applies an evaluated Assign (variable name → JSON value) to `scope` atomically: every name and
 * size is checked before anything is stored, so a failing Assign changes nothing. Values are
 * stored as given (treat them as immutable). Evaluate the Assign against the scope as it was on
 * state entry and call this only afterwards, so no right-hand side sees a sibling's new value.
 */
export function assignVariables(scope: VariableScope, values: Record<string, unknown>): AssignmentRecord {
  const { limits } = scope.budget;
  const entries: Array<readonly [string, StoredVariable]> = [];
  const assignedVariables: Record<string, string> = {};
  let assignBytes = 0;
  let budgetDelta = 0;
  for (const [name, value] of Object.entries(values)) {
    const problem = variableNameProblem(name);
    if (problem !== undefined) throw new StatesError(INVALID_ASSIGN_ERROR, `${problem}.`);
    const text = value === undefined ? undefined : (JSON.stringify(value) as string | undefined);
    if (text === undefined) throw new StatesError(INVALID_ASSIGN_ERROR, `The value of the variable '${name}' is not JSON.`);
    const bytes = Buffer.byteLength(text, "utf8");
    if (bytes > limits.maxVariableBytes) {
      throw new StatesError(
        VARIABLE_LIMIT_ERROR,
        `The variable '${name}' has a size of ${bytes} bytes, exceeding the limit of ${limits.maxVariableBytes} bytes.`,
      );
    }
    assignBytes += bytes;
    budgetDelta += bytes - (scope.own(name)?.bytes ?? 0);
    entries.push([name, { value, bytes }]);
    assignedVariables[name] = text;
  }
  if (assignBytes > limits.maxAssignBytes) {
    throw new StatesError(
      VARIABLE_LIMIT_ERROR,
      `The variables assigned by one state have a combined size of ${assignBytes} bytes, exceeding the limit of ${limits.maxAssignBytes} bytes.`,
    );
  }
  if (scope.budget.usedBytes + budgetDelta > limits.maxExecutionBytes) {
    throw new StatesError(
      VARIABLE_LIMIT_ERROR,
      `The variables stored by the execution would have a combined size of ${scope.budget.usedBytes + budgetDelta} bytes, exceeding the limit of ${limits.maxExecutionBytes} bytes.`,
    );
  }
  scope.store(entries);
  return { assignedVariables };
}

/**
 * Checks the shape of an `Assign` field from the definition: a JSON object whose keys are valid
 * variable names (JSONPath keys may end in `.$`, which is not part of the name). Throws a
 * `States.Runtime` StatesError; the validator should have rejected such a definition already.
 */
export function checkAssignDefinition(assign: unknown, queryLanguage: "JSONPath" | "JSONata"): Record<string, unknown> {
  if (typeof assign !== "object" || assign === null || Array.isArray(assign)) {
    throw new StatesError(INVALID_ASSIGN_ERROR, "The Assign field must be a JSON object.");
  }
  const record = assign as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const name = queryLanguage === "JSONPath" && key.endsWith(".$") ? key.slice(0, -2) : key;
    const problem = variableNameProblem(name);
    if (problem !== undefined) throw new StatesError(INVALID_ASSIGN_ERROR, `${problem}.`);
  }
  return record;
}

/** A JSONata Assign compiled once; evaluates to the name → value object to pass to `assignVariables`. */
export interface CompiledJsonataAssign {
  /** The underlying template (field `Assign`, `Choices[0]/Assign`, `Catch[1]/Assign`, …). */
  readonly template: CompiledJsonataTemplate;
  /** Evaluates every right-hand side with the given bindings (the values as of state entry). */
  evaluate(bindings: JsonataBindings): Promise<Record<string, unknown>>;
  /**
   * {@link evaluate} without a promise when every right-hand side is in JSONata's fast subset:
   * the object (or a thrown `QueryEvaluationError`), else a Promise of it
   * (see `CompiledJsonataTemplate.evaluateNow`).
   */
  evaluateNow(bindings: JsonataBindings): Record<string, unknown> | Promise<Record<string, unknown>>;
}

/** A JSONPath Assign (a payload template) compiled once. */
export interface CompiledJsonPathAssign {
  /**
   * Evaluates the template: `$` is the state's Assign input (raw result, Error Output, effective
   * input or Pass result, see README), `$$` the context, `$name` the variables as of state entry.
   */
  evaluate(input: unknown, scope: EvaluationScope): Record<string, unknown>;
}

/** Options of {@link compileAssign}. */
export interface CompileAssignOptions extends EngineOptions {
  /** Field path that roots causes: `Assign` (default), `Choices[0]/Assign`, `Catch[1]/Assign`. */
  readonly fieldName?: string;
}

/**
 * Compiles a state's `Assign` once. In JSONata mode each value is a literal or `{% %}`
 * expression (causes name the field `<fieldName>/<variable>`); in JSONPath mode it is a payload
 * template whose `.$` keys read paths, intrinsics and variables. Either way, pass the evaluated
 * object to `assignVariables`.
 */
export function compileAssign(assign: unknown, queryLanguage: "JSONata", options?: CompileAssignOptions): CompiledJsonataAssign;
export function compileAssign(assign: unknown, queryLanguage: "JSONPath", options?: CompileAssignOptions): CompiledJsonPathAssign;
export function compileAssign(
  assign: unknown,
  queryLanguage: "JSONPath" | "JSONata",
  options: CompileAssignOptions = {},
): CompiledJsonataAssign | CompiledJsonPathAssign {
  const record = checkAssignDefinition(assign, queryLanguage);
  const { fieldName = "Assign", ...engine } = options;
  if (queryLanguage === "JSONPath") {
    const template = compilePayloadTemplate(record, fieldName);
    const evaluate = (input: unknown, scope: EvaluationScope) => template.evaluate(input, scope) as Record<string, unknown>;
    return { evaluate };
  }
  const template = compileJsonataTemplate(record, fieldName, engine);
  return {
    template,
    evaluate: async (bindings: JsonataBindings) => (await template.evaluate(bindings)) as Record<string, unknown>,
    evaluateNow: (bindings: JsonataBindings) => template.evaluateNow(bindings) as Record<string, unknown> | Promise<Record<string, unknown>>,
  };
}
