// One state: its object shape, Type, QueryLanguage, each field against the field table, then
// the cross-field rules of its type.
import { childPointer } from "../json-pointer.ts";
import { isStateType, STATE_TYPES, type QueryLanguage, type StateType } from "../types.ts";
import { report, type ValidationContext } from "./context.ts";
import { LANGUAGE_COUNTERPARTS, STATE_FIELDS } from "./state-fields.ts";
import { STATE_HANDLERS } from "./state-handlers.ts";
import { describeType, isObject } from "./values.ts";

const KNOWN_FIELDS: ReadonlySet<string> = new Set(Object.values(STATE_FIELDS).flatMap((fields) => Object.keys(fields)));

/** Validates one state of a States block. */
export function validateState(
  context: ValidationContext,
  name: string,
  state: unknown,
  pointer: string,
  outerVariables: ReadonlySet<string>,
  visibleVariables: ReadonlySet<string>,
): void {
  if (!isObject(state)) {
    const hint = name === "QueryLanguage" || name === "Comment" || name === "TimeoutSeconds" ? ` '${name}' is a top-level field: move it out of 'States' to the definition itself (or into a state).` : " Each entry of 'States' is a state object with a 'Type'.";
    report(context, "SCHEMA_VALIDATION_FAILED", pointer, `The state '${name}' must be an object, but it is ${describeType(state)}.${hint}`);
    return;
  }
  const type = state["Type"];
  if (type === undefined) {
    report(context, "SCHEMA_VALIDATION_FAILED", pointer, `These fields are required: [Type]. Give state '${name}' a Type (${STATE_TYPES.join(", ")}).`);
    return;
  }
  if (!isStateType(type)) {
    report(context, "SCHEMA_VALIDATION_FAILED", childPointer(pointer, "Type"), `The field 'Type' should have one of these values: [${STATE_TYPES.join(", ")}].`);
    return;
  }
  const stateType = type;
  const queryLanguage = stateQueryLanguage(context, state, pointer);
  const scope = { name, pointer, state, type: stateType, queryLanguage, outerVariables, visibleVariables };
  const fields = STATE_FIELDS[stateType];
  for (const field of Object.keys(state)) {
    // Own properties only: a field named "toString" or "constructor" must not find Object.prototype.
    const rule = Object.hasOwn(fields, field) ? fields[field] : undefined;
    if (rule === undefined) {
      report(context, "SCHEMA_VALIDATION_FAILED", pointer, unsupportedFieldMessage(field, stateType));
    } else if (rule.languages !== "both" && rule.languages !== queryLanguage) {
      report(context, "SCHEMA_VALIDATION_FAILED", pointer, wrongLanguageMessage(field, queryLanguage));
    } else {
      rule.check(context, state[field], childPointer(pointer, field), field, scope);
    }
  }
  STATE_HANDLERS[stateType](context, scope);
}

function stateQueryLanguage(context: ValidationContext, state: Record<string, unknown>, pointer: string): QueryLanguage {
  const declared = state["QueryLanguage"];
  if (declared === undefined) return context.machineQueryLanguage;
  if (declared !== "JSONPath" && declared !== "JSONata") {
    report(context, "SCHEMA_VALIDATION_FAILED", childPointer(pointer, "QueryLanguage"), `The field 'QueryLanguage' should have one of these values: [JSONPath, JSONata].`);
    return context.machineQueryLanguage;
  }
  if (declared === "JSONPath" && context.machineQueryLanguage === "JSONata") {
    report(
      context,
      "SCHEMA_VALIDATION_FAILED",
      pointer,
      `'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine. Remove the state's QueryLanguage, or set the machine to JSONPath and opt single states into JSONata.`,
    );
  }
  return declared;
}

function unsupportedFieldMessage(field: string, type: StateType): string {
  const hint = KNOWN_FIELDS.has(field) ? ` A ${type} state does not take '${field}'.` : " Check the spelling (field names are case-sensitive).";
  return `Field '${field}' is not supported.${hint}`;
}

function wrongLanguageMessage(field: string, queryLanguage: QueryLanguage): string {
  const counterpart = Object.hasOwn(LANGUAGE_COUNTERPARTS, field) ? LANGUAGE_COUNTERPARTS[field] : undefined;
  const other = queryLanguage === "JSONata" ? "JSONPath" : "JSONata";
  const instead = counterpart ? ` Use '${counterpart}' instead,` : "";
  return `Field '${field}' is not supported in a ${queryLanguage} state: it belongs to ${other}.${instead} or set "QueryLanguage": "${other}" on the state.`;
}
