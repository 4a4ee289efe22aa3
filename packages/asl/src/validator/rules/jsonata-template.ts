// JSONata-capable values (Arguments, Output, Assign, Items, Condition …): every string written
// `{% … %}` must parse, `$states.result` / `$states.errorOutput` may only appear where AWS
// provides them, and the expression may not lean on an implicit input document.
import { childPointer } from "../../json-pointer.ts";
import { report, type ValidationContext } from "../context.ts";
import { jsonataAst, jsonataSyntaxError, type JsonataNode } from "../jsonata-check.ts";
import { containsPlaceholder, isJsonataExpression, isObject, quote } from "../values.ts";

/** Which optional `$states` members a field may read. */
export interface StatesAccess {
  /** Task/Map/Parallel top-level Output and Assign. */
  readonly result: boolean;
  /** Catcher Output and Assign. */
  readonly errorOutput: boolean;
}

/** Neither `$states.result` nor `$states.errorOutput`. */
export const NO_EXTRA_STATES_ACCESS: StatesAccess = { result: false, errorOutput: false };

const STATES_MEMBER = /\$states\s*\.\s*(result|errorOutput)\b/g;

/** Walks a JSON value and checks every JSONata expression string in it (keys are never expressions). */
export function checkJsonataTemplate(context: ValidationContext, value: unknown, pointer: string, access: StatesAccess): void {
  if (typeof value === "string") {
    checkJsonataString(context, value, pointer, access);
  } else if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) checkJsonataTemplate(context, value[index], childPointer(pointer, index), access);
  } else if (isObject(value)) {
    for (const key of Object.keys(value)) checkJsonataTemplate(context, value[key], childPointer(pointer, key), access);
  }
}

/** Checks one string of a JSONata-capable field; plain strings (no delimiters) are literals. */
export function checkJsonataString(context: ValidationContext, text: string, pointer: string, access: StatesAccess): void {
  if (!isJsonataExpression(text)) {
    if (text.startsWith("{%") || (text.endsWith("%}") && text.includes("{%"))) {
      report(
        context,
        "SCHEMA_VALIDATION_FAILED",
        pointer,
        `The JSONata expression ${quote(text)} is malformed: an expression must start with '{%' and end with '%}' with nothing outside them. Remove the surrounding text or whitespace.`,
      );
    }
    return;
  }
  // `${...}` is a deployment placeholder, not JSONata: the expression is only known after substitution.
  if (containsPlaceholder(text)) return;
  const body = text.slice(2, -2);
  const syntaxError = jsonataSyntaxError(body);
  if (syntaxError !== undefined) {
    report(context, "SCHEMA_VALIDATION_FAILED", pointer, `The JSONata expression ${quote(text)} does not parse: ${syntaxError}. Fix the expression syntax.`);
    return;
  }
  checkImplicitInput(context, text, body, pointer);
  if (body.includes("$states")) checkStatesMembers(context, text, body, pointer, access);
}

function checkStatesMembers(context: ValidationContext, text: string, body: string, pointer: string, access: StatesAccess): void {
  for (const match of body.matchAll(STATES_MEMBER)) {
    const member = match[1];
    if (member === "result" && !access.result) {
      report(
        context,
        "SCHEMA_VALIDATION_FAILED",
        pointer,
        `The JSONata expression ${quote(text)} uses $states.result, which only exists in the 'Output' and 'Assign' of a Task, Map or Parallel state. Use $states.input here, or move the expression.`,
      );
      return;
    }
    if (member === "errorOutput" && !access.errorOutput) {
      report(
        context,
        "SCHEMA_VALIDATION_FAILED",
        pointer,
        `The JSONata expression ${quote(text)} uses $states.errorOutput, which only exists in a Catcher's 'Output' and 'Assign'. Move the expression into the Catcher.`,
      );
      return;
    }
  }
}

/** `$`, `$$` and bare field names have no document to refer to at the top of an ASL expression. */
function checkImplicitInput(context: ValidationContext, text: string, body: string, pointer: string): void {
  const root = jsonataAst(body);
  const first: JsonataNode | undefined = root?.type === "path" ? root.steps?.[0] : root;
  if (first === undefined) return;
  const implicit =
    (first.type === "variable" && (first.value === "" || first.value === "$")) || (first.type === "name" && root?.type === "path");
  if (!implicit) return;
  report(
    context,
    "SCHEMA_VALIDATION_FAILED",
    pointer,
    `The JSONata expression ${quote(text)} refers to an implicit input document ('$', '$$' or a bare field name), which ASL does not provide. Use $states.input (or a variable) instead.`,
  );
}
