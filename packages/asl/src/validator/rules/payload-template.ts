// JSONPath payload templates (Parameters, ResultSelector, ItemSelector, Assign, BatchInput …):
// every `.$` key must hold a valid path or intrinsic call, and no two keys may collide once
// `.$` is stripped.
import { childPointer } from "../../json-pointer.ts";
import { report, type ValidationContext } from "../context.ts";
import { checkIntrinsicCall, checkPath, looksLikeIntrinsicCall } from "../grammar-bridge.ts";
import { containsPlaceholder, isObject, quote } from "../values.ts";

/** Checks a payload template value (object, array or scalar) at any depth. */
export function checkPayloadTemplate(context: ValidationContext, value: unknown, pointer: string): void {
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) checkPayloadTemplate(context, value[index], childPointer(pointer, index));
    return;
  }
  if (!isObject(value)) return;
  for (const key of Object.keys(value)) {
    const child = value[key];
    if (key.endsWith(".$")) {
      checkDynamicValue(context, key, child, pointer);
      const plainKey = key.slice(0, -2);
      if (Object.hasOwn(value, plainKey)) {
        report(
          context,
          "SCHEMA_VALIDATION_FAILED",
          pointer,
          `The field '${plainKey}' is defined twice: '${plainKey}' and '${key}' become the same key after evaluation. Keep only one of them.`,
        );
      }
    } else {
      if (typeof child === "string" && looksDynamic(child)) {
        report(
          context,
          "NO_DOLLAR",
          childPointer(pointer, key),
          `The value of '${key}' looks like a JSONPath or intrinsic function call, but the key does not end in '.$', so it is passed as a literal string. Rename the key to '${key}.$' to evaluate it.`,
        );
      }
      checkPayloadTemplate(context, child, childPointer(pointer, key));
    }
  }
}

/** Checks the value of one `key.$` entry; AWS reports these at the enclosing object. */
export function checkDynamicValue(context: ValidationContext, key: string, value: unknown, containerPointer: string): void {
  const problem = dynamicValueProblem(value);
  if (problem === undefined) return;
  report(
    context,
    "SCHEMA_VALIDATION_FAILED",
    containerPointer,
    `The value for the field '${key}' must be a valid JSONPath or a valid intrinsic function call: ${problem}. Use a path such as '$.order.id' or a call such as "States.Format('{}', $.id)".`,
  );
}

function dynamicValueProblem(value: unknown): string | undefined {
  if (typeof value !== "string") return `got ${quote(value)}, which is not a string`;
  // A deployment placeholder is substituted before AWS sees the text; what it becomes is unknowable here.
  if (containsPlaceholder(value)) return undefined;
  if (value.startsWith("$")) {
    const reason = checkPath(value);
    return reason === undefined ? undefined : `${quote(value)} is not a valid JSONPath (${reason})`;
  }
  if (looksLikeIntrinsicCall(value)) {
    const reason = checkIntrinsicCall(value);
    return reason === undefined ? undefined : `${quote(value)} is not a valid intrinsic function call (${reason})`;
  }
  return `${quote(value)} is neither a path (starting with '$') nor an intrinsic function call (starting with 'States.')`;
}

function looksDynamic(text: string): boolean {
  return text === "$" || text.startsWith("$.") || text.startsWith("$$.") || text.startsWith("$[") || /^States\.[A-Za-z]+\(/.test(text);
}
