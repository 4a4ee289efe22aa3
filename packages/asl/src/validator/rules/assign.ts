// Assign blocks: variable names, and their values as payload templates (JSONPath) or JSONata.
import type { QueryLanguage } from "../../types.ts";
import { childPointer } from "../../json-pointer.ts";
import { report, type ValidationContext } from "../context.ts";
import { describeType, isObject, quote } from "../values.ts";
import { checkJsonataTemplate, type StatesAccess } from "./jsonata-template.ts";
import { checkDynamicValue, checkPayloadTemplate } from "./payload-template.ts";

// A Unicode identifier (UAX #31): the first character ID_Start, so not '_' (spec/asl-checklist.md,
// and the runtime's rule: a name the validator passes must never fail at prepare time).
const VARIABLE_NAME = /^\p{ID_Start}\p{ID_Continue}*$/u;
const MAX_VARIABLE_NAME_LENGTH = 80;

/** Checks an `Assign` object: names, collisions with outer scopes, and each value. */
export function checkAssign(
  context: ValidationContext,
  value: unknown,
  pointer: string,
  queryLanguage: QueryLanguage,
  access: StatesAccess,
  outerVariables: ReadonlySet<string>,
): void {
  if (!isObject(value)) {
    report(context, "SCHEMA_VALIDATION_FAILED", pointer, `The field 'Assign' must be an object of variable names to values, but it is ${describeType(value)}. Write it as {"name": value}.`);
    return;
  }
  for (const key of Object.keys(value)) {
    const dynamic = queryLanguage === "JSONPath" && key.endsWith(".$");
    const name = dynamic ? key.slice(0, -2) : key;
    checkVariableName(context, name, pointer);
    if (outerVariables.has(name)) {
      report(
        context,
        "SCHEMA_VALIDATION_FAILED",
        pointer,
        `The variable '${name}' is already assigned in an enclosing scope; a Parallel branch or Map iteration may read it but not assign it. Rename the inner variable.`,
      );
    }
    const child = value[key];
    if (queryLanguage === "JSONata") checkJsonataTemplate(context, child, childPointer(pointer, key), access);
    else if (dynamic) checkDynamicValue(context, key, child, pointer);
    else checkPayloadTemplate(context, child, childPointer(pointer, key));
  }
}

function checkVariableName(context: ValidationContext, name: string, pointer: string): void {
  if (name.includes(".") || name.includes("[")) {
    report(context, "SCHEMA_VALIDATION_FAILED", pointer, `Cannot assign to ${quote(name)}: Assign sets whole variables, not parts of them. Assign the whole value to a plain name.`);
  } else if (name === "states") {
    report(context, "SCHEMA_VALIDATION_FAILED", pointer, `The variable name 'states' is reserved (it is $states in JSONata). Choose another name.`);
  } else if (!VARIABLE_NAME.test(name) || [...name].length > MAX_VARIABLE_NAME_LENGTH) {
    report(
      context,
      "SCHEMA_VALIDATION_FAILED",
      pointer,
      `The variable name ${quote(name)} is invalid: a name is 1 to ${MAX_VARIABLE_NAME_LENGTH} characters, starting with a letter (a Unicode ID_Start character, not '_') and continuing with letters, digits or '_'.`,
    );
  }
}

/** The variable names an Assign object declares (for scope-collision checks). */
export function assignedNames(value: unknown, queryLanguage: QueryLanguage): string[] {
  if (!isObject(value)) return [];
  return Object.keys(value).map((key) => (queryLanguage === "JSONPath" && key.endsWith(".$") ? key.slice(0, -2) : key));
}
