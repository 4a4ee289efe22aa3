// Entry point of the validator: top-level fields, then each States block (recursively into
// Parallel branches and Map processors), then each block's graph.
import type { Diagnostic } from "../diagnostic.ts";
import { diagnostic } from "../diagnostic.ts";
import { childPointer } from "../json-pointer.ts";
import type { StateMachineType } from "../types.ts";
import { createContext, report, type ValidationContext } from "./context.ts";
import { checkDefinitionTextSize } from "./definition-size.ts";
import { findTooDeeplyNested, MAX_NESTING_DEPTH } from "./nesting-depth.ts";
import { assignedNames } from "./rules/assign.ts";
import { checkGraph } from "./rules/graph.ts";
import { checkNumber } from "./rules/numbers.ts";
import { registerStateName } from "./rules/state-names.ts";
import { validateState } from "./validate-state.ts";
import { describeType, isObject } from "./values.ts";

/** Options for `validateDefinition`. */
export interface ValidateDefinitionOptions {
  /** Express machines reject `.sync`, `.waitForTaskToken`, activities and Distributed Maps. @default "STANDARD" */
  stateMachineType?: StateMachineType | undefined;
  /**
   * Receives the definition's compact JSON text (`JSON.stringify(definition)`), written for the
   * size check, so that a caller which needs the text too (the runtime's coverage recorder) does
   * not write it a second time. Not called when validation stops before the size check (a
   * definition that is not an object, or nested too deeply).
   */
  onDefinitionText?: ((text: string) => void) | undefined;
}

const TOP_LEVEL_FIELDS: ReadonlySet<string> = new Set(["Comment", "StartAt", "States", "Version", "TimeoutSeconds", "QueryLanguage"]);
const GRAPH_FIELDS: ReadonlySet<string> = new Set(["StartAt", "States", "Comment"]);
const ITEM_PROCESSOR_FIELDS: ReadonlySet<string> = new Set(["StartAt", "States", "Comment", "ProcessorConfig"]);

/**
 * Validates an ASL definition the way AWS ValidateStateMachineDefinition does; never throws.
 * @example validateDefinition(JSON.parse(text), { stateMachineType: "EXPRESS" })
 */
export function validateDefinition(definition: unknown, options: ValidateDefinitionOptions = {}): Diagnostic[] {
  if (!isObject(definition)) {
    return [diagnostic("SCHEMA_VALIDATION_FAILED", "", `Definition must be a valid JSON object, but it is ${describeType(definition)}. Wrap the states in {"StartAt": "...", "States": {...}}.`)];
  }
  const tooDeep = findTooDeeplyNested(definition);
  if (tooDeep !== undefined) {
    return [diagnostic("TOO_DEEPLY_NESTED", tooDeep, `The definition is nested more than ${MAX_NESTING_DEPTH} levels deep here. Flatten the data, or move deep structures into the task input.`)];
  }
  // Written here, after the depth check: JSON.stringify would overflow the stack on a deeper one.
  const text = JSON.stringify(definition);
  options.onDefinitionText?.(text);
  const tooLarge = checkDefinitionTextSize(text);
  if (tooLarge !== undefined) return [tooLarge];
  const context = createContext(options.stateMachineType ?? "STANDARD", definition["QueryLanguage"] === "JSONata" ? "JSONata" : "JSONPath");
  context.validateNestedGraph = (graph, pointer, outerVariables) => validateGraph(context, graph, pointer, outerVariables, false);
  checkTopLevelFields(context, definition);
  validateGraph(context, definition, "", new Set(), true);
  return context.diagnostics;
}

function checkTopLevelFields(context: ValidationContext, definition: Record<string, unknown>): void {
  for (const key of Object.keys(definition)) {
    if (!TOP_LEVEL_FIELDS.has(key)) {
      report(context, "SCHEMA_VALIDATION_FAILED", "", `Field '${key}' is not supported at the top level of a definition. Allowed fields: ${[...TOP_LEVEL_FIELDS].join(", ")}.`);
    }
  }
  for (const field of ["Comment", "Version"] as const) {
    const value = definition[field];
    if (value !== undefined && typeof value !== "string") report(context, "SCHEMA_VALIDATION_FAILED", `/${field}`, `The field '${field}' must be a string, but it is ${describeType(value)}.`);
  }
  if ("TimeoutSeconds" in definition) checkNumber(context, definition["TimeoutSeconds"], "/TimeoutSeconds", "TimeoutSeconds", { integer: true, min: 1, max: 99_999_999, jsonata: false });
  const queryLanguage = definition["QueryLanguage"];
  if (queryLanguage !== undefined && queryLanguage !== "JSONPath" && queryLanguage !== "JSONata") {
    report(context, "SCHEMA_VALIDATION_FAILED", "/QueryLanguage", `The field 'QueryLanguage' should have one of these values: [JSONPath, JSONata].`);
  }
}

/** Validates a StartAt/States graph: its own fields, every state, then targets and reachability. */
function validateGraph(context: ValidationContext, graph: unknown, pointer: string, outerVariables: ReadonlySet<string>, topLevel: boolean): void {
  if (!isObject(graph)) {
    report(context, "SCHEMA_VALIDATION_FAILED", pointer, `This must be an object {"StartAt": "...", "States": {...}}, but it is ${describeType(graph)}.`);
    return;
  }
  if (!topLevel) {
    // AWS accepts ProcessorConfig in the legacy Iterator too (conformance: test_map_state_legacy_config_*).
    const allowed = pointer.endsWith("/ItemProcessor") || pointer.endsWith("/Iterator") ? ITEM_PROCESSOR_FIELDS : GRAPH_FIELDS;
    for (const key of Object.keys(graph)) {
      if (!allowed.has(key)) report(context, "SCHEMA_VALIDATION_FAILED", pointer, `Field '${key}' is not supported here. Allowed fields: ${[...allowed].join(", ")}.`);
    }
    const comment = graph["Comment"];
    if (comment !== undefined && typeof comment !== "string") report(context, "SCHEMA_VALIDATION_FAILED", childPointer(pointer, "Comment"), `The field 'Comment' must be a string, but it is ${describeType(comment)}.`);
  }
  const missing = ["States", "StartAt"].filter((field) => !(field in graph));
  if (missing.length > 0) report(context, "SCHEMA_VALIDATION_FAILED", pointer, `These fields are required: [${missing.join(", ")}].`);
  const startAt = graph["StartAt"];
  if (startAt !== undefined && (typeof startAt !== "string" || startAt === "")) {
    report(context, "SCHEMA_VALIDATION_FAILED", childPointer(pointer, "StartAt"), `The field 'StartAt' must be the name of a state (a non-empty string), but it is ${describeType(startAt)}.`);
  }
  const states = graph["States"];
  if (states === undefined) return;
  const statesPointer = childPointer(pointer, "States");
  if (!isObject(states)) {
    report(context, "SCHEMA_VALIDATION_FAILED", statesPointer, `The field 'States' must be an object mapping state names to states, but it is ${describeType(states)}.`);
    return;
  }
  const names = Object.keys(states);
  for (const name of names) registerStateName(context, name, childPointer(statesPointer, name));
  const blockVariables = collectBlockVariables(context, states);
  const visibleVariables = blockVariables.size === 0 ? outerVariables : new Set([...outerVariables, ...blockVariables]);
  for (const name of names) validateState(context, name, states[name], childPointer(statesPointer, name), outerVariables, visibleVariables);
  checkGraph(context, states, pointer, startAt);
}

/**
 * Names assigned in one block by state and Choice-rule Assign. Catcher Assign is left out: AWS
 * accepted (conformance case PARALLEL_CATCH_ERROR_VARIABLE_SAMPLING) a Parallel catcher assigning
 * a name its branch also assigns.
 */
function collectBlockVariables(context: ValidationContext, states: Record<string, unknown>): Set<string> {
  const names = new Set<string>();
  for (const state of Object.values(states)) {
    if (!isObject(state)) continue;
    const language = state["QueryLanguage"] === "JSONata" || state["QueryLanguage"] === "JSONPath" ? state["QueryLanguage"] : context.machineQueryLanguage;
    for (const name of assignedNames(state["Assign"], language)) names.add(name);
    const choices = state["Choices"];
    if (!Array.isArray(choices)) continue;
    for (const rule of choices) if (isObject(rule)) for (const name of assignedNames(rule["Assign"], language)) names.add(name);
  }
  return names;
}
