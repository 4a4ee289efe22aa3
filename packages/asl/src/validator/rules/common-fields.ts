// Field checks shared by several state types (Comment, Next/End, paths, templates, Output …).
import { report, type StateScope, type ValidationContext } from "../context.ts";
import { describeType, isObject } from "../values.ts";
import { checkAssign } from "./assign.ts";
import { checkJsonataTemplate, NO_EXTRA_STATES_ACCESS, type StatesAccess } from "./jsonata-template.ts";
import { checkPathField } from "./paths.ts";
import { checkPayloadTemplate } from "./payload-template.ts";

/** The signature of every per-field check in the field tables. */
export type FieldCheck = (context: ValidationContext, value: unknown, pointer: string, field: string, scope: StateScope) => void;

/** States whose result `$states.result` exposes in their top-level Output/Assign. */
function resultAccess(scope: StateScope): StatesAccess {
  const hasResult = scope.type === "Task" || scope.type === "Map" || scope.type === "Parallel";
  return hasResult ? { result: true, errorOutput: false } : NO_EXTRA_STATES_ACCESS;
}

/** A field that only has to be a string. */
export const stringField: FieldCheck = (context, value, pointer, field) => {
  if (typeof value !== "string") report(context, "SCHEMA_VALIDATION_FAILED", pointer, `The field '${field}' must be a string, but it is ${describeType(value)}.`);
};

/** A field checked elsewhere: Type and QueryLanguage by the state walker, nested graphs by the state's rule. */
export const acceptAny: FieldCheck = () => undefined;

/** `Next`, `Default`: a state name (whether it exists is a graph rule). */
export const stateNameField: FieldCheck = (context, value, pointer, field) => {
  if (typeof value !== "string" || value === "") {
    report(context, "SCHEMA_VALIDATION_FAILED", pointer, `The field '${field}' must be the name of a state (a non-empty string), but it is ${describeType(value)}.`);
  }
};

/** `End`: a boolean. */
export const endField: FieldCheck = (context, value, pointer) => {
  if (typeof value !== "boolean") report(context, "SCHEMA_VALIDATION_FAILED", pointer, `The field 'End' must be true or false, but it is ${describeType(value)}.`);
};

/** InputPath / OutputPath. */
export const inputOutputPathField: FieldCheck = (context, value, pointer, field) => checkPathField(context, value, pointer, field, "path", true);

/** ResultPath. */
export const resultPathField: FieldCheck = (context, value, pointer, field) => checkPathField(context, value, pointer, field, "result", true);

/** A `*Path` field holding a reference path (SecondsPath, TimeoutSecondsPath, ItemsPath …). */
export const referencePathField: FieldCheck = (context, value, pointer, field) => checkPathField(context, value, pointer, field, "reference", false);

/**
 * Parameters / ItemSelector: any JSON value, an object, an array or a scalar, with templates
 * evaluated at any depth. AWS's own ASL schema takes any type for both ("updated to match the
 * constraints applied in the service", aws-toolkit-vscode#2459 and amazon-states-language-service
 * `$defs/parameters`, map_state.json `ItemSelector`).
 */
export const anyValueTemplateField: FieldCheck = (context, value, pointer, _field, scope) => {
  if (scope.queryLanguage === "JSONata") {
    checkJsonataTemplate(context, value, pointer, NO_EXTRA_STATES_ACCESS);
    return;
  }
  checkPayloadTemplate(context, value, pointer);
};

/**
 * ResultSelector in JSONPath states: an object template. Unlike Parameters, AWS's ASL schema
 * still requires an object here (amazon-states-language-service `$defs/resultSelector`).
 */
export const payloadTemplateField: FieldCheck = (context, value, pointer, field, scope) => {
  if (scope.queryLanguage === "JSONata") {
    checkJsonataTemplate(context, value, pointer, NO_EXTRA_STATES_ACCESS);
    return;
  }
  if (!isObject(value)) {
    report(context, "SCHEMA_VALIDATION_FAILED", pointer, `The field '${field}' must be an object (a payload template), but it is ${describeType(value)}.`);
    return;
  }
  checkPayloadTemplate(context, value, pointer);
};

/** Arguments: any JSON, with JSONata expressions (no `$states.result`). */
export const argumentsField: FieldCheck = (context, value, pointer) => checkJsonataTemplate(context, value, pointer, NO_EXTRA_STATES_ACCESS);

/** Output: any JSON, with JSONata expressions; `$states.result` where the state has a result. */
export const outputField: FieldCheck = (context, value, pointer, _field, scope) => checkJsonataTemplate(context, value, pointer, resultAccess(scope));

/** Assign at the top of a state. */
export const assignField: FieldCheck = (context, value, pointer, _field, scope) =>
  checkAssign(context, value, pointer, scope.queryLanguage, resultAccess(scope), scope.outerVariables);

/** Pass `Result`: any JSON, but a path in it is static text (PASS_RESULT_IS_STATIC). */
export const passResultField: FieldCheck = (context, value, pointer) => {
  if (!isObject(value)) return;
  for (const key of Object.keys(value)) {
    const child = value[key];
    if (key.endsWith(".$") || (typeof child === "string" && (child.startsWith("$.") || child === "$"))) {
      report(
        context,
        "PASS_RESULT_IS_STATIC",
        pointer,
        `The Pass state's 'Result' is static: '${key}' is not evaluated as a path. Use 'Parameters' (JSONPath) or 'Output' (JSONata) to build a result from the input.`,
      );
      return;
    }
  }
};
