// Retry and Catch arrays: ErrorEquals rules, States.ALL placement, retrier ranges, catcher fields.
import { childPointer } from "../../json-pointer.ts";
import { report, type StateScope, type ValidationContext } from "../context.ts";
import { describeType, isObject } from "../values.ts";
import { checkAssign } from "./assign.ts";
import { checkJsonataTemplate } from "./jsonata-template.ts";
import { checkNumber } from "./numbers.ts";
import { checkPathField } from "./paths.ts";

const RETRIER_FIELDS = new Set(["ErrorEquals", "IntervalSeconds", "MaxAttempts", "BackoffRate", "MaxDelaySeconds", "JitterStrategy", "Comment"]);
const CATCHER_FIELDS_JSONPATH = new Set(["ErrorEquals", "Next", "ResultPath", "Assign", "Comment"]);
const CATCHER_FIELDS_JSONATA = new Set(["ErrorEquals", "Next", "Output", "Assign", "Comment"]);
const RETRIER_LIMIT = 99_999_999;

/** Checks a state's `Retry` array. */
export function checkRetry(context: ValidationContext, value: unknown, pointer: string, _field: string, _scope: StateScope): void {
  const retriers = requireArray(context, value, pointer, "Retry");
  if (!retriers) return;
  retriers.forEach((retrier, index) => {
    const at = childPointer(pointer, index);
    if (!isObject(retrier)) {
      report(context, "SCHEMA_VALIDATION_FAILED", at, `Each Retrier must be an object, but Retry[${index}] is ${describeType(retrier)}. Write {"ErrorEquals": ["States.ALL"], ...}.`);
      return;
    }
    checkUnknownFields(context, retrier, at, RETRIER_FIELDS, "a Retrier");
    checkErrorEquals(context, retrier, at, index === retriers.length - 1, "Retrier");
    if ("IntervalSeconds" in retrier) checkNumber(context, retrier["IntervalSeconds"], childPointer(at, "IntervalSeconds"), "IntervalSeconds", { integer: true, min: 1, max: RETRIER_LIMIT, jsonata: false });
    if ("MaxAttempts" in retrier) checkNumber(context, retrier["MaxAttempts"], childPointer(at, "MaxAttempts"), "MaxAttempts", { integer: true, min: 0, max: RETRIER_LIMIT, jsonata: false });
    if ("BackoffRate" in retrier) checkNumber(context, retrier["BackoffRate"], childPointer(at, "BackoffRate"), "BackoffRate", { integer: false, min: 1, max: RETRIER_LIMIT, jsonata: false });
    if ("MaxDelaySeconds" in retrier) checkNumber(context, retrier["MaxDelaySeconds"], childPointer(at, "MaxDelaySeconds"), "MaxDelaySeconds", { integer: true, min: 1, max: 31_622_400, jsonata: false });
    const jitter = retrier["JitterStrategy"];
    if (jitter !== undefined && jitter !== "FULL" && jitter !== "NONE") {
      report(context, "SCHEMA_VALIDATION_FAILED", childPointer(at, "JitterStrategy"), `The field 'JitterStrategy' should have one of these values: [FULL, NONE].`);
    }
    checkComment(context, retrier, at);
  });
}

/** Checks a state's `Catch` array (targets are checked with the graph). */
export function checkCatch(context: ValidationContext, value: unknown, pointer: string, _field: string, scope: StateScope): void {
  const catchers = requireArray(context, value, pointer, "Catch");
  if (!catchers) return;
  const allowed = scope.queryLanguage === "JSONata" ? CATCHER_FIELDS_JSONATA : CATCHER_FIELDS_JSONPATH;
  catchers.forEach((catcher, index) => {
    const at = childPointer(pointer, index);
    if (!isObject(catcher)) {
      report(context, "SCHEMA_VALIDATION_FAILED", at, `Each Catcher must be an object, but Catch[${index}] is ${describeType(catcher)}. Write {"ErrorEquals": ["States.ALL"], "Next": "..."}.`);
      return;
    }
    checkUnknownFields(context, catcher, at, allowed, `a Catcher of a ${scope.queryLanguage} state`);
    checkErrorEquals(context, catcher, at, index === catchers.length - 1, "Catcher");
    const next = catcher["Next"];
    if (next === undefined) report(context, "SCHEMA_VALIDATION_FAILED", at, `These fields are required: [Next]. A Catcher must name the state to go to.`);
    else if (typeof next !== "string") report(context, "SCHEMA_VALIDATION_FAILED", childPointer(at, "Next"), `The field 'Next' must be a state name (a string), but it is ${describeType(next)}.`);
    if ("ResultPath" in catcher && scope.queryLanguage === "JSONPath") checkPathField(context, catcher["ResultPath"], childPointer(at, "ResultPath"), "ResultPath", "result", true);
    if ("Output" in catcher && scope.queryLanguage === "JSONata") checkJsonataTemplate(context, catcher["Output"], childPointer(at, "Output"), { result: false, errorOutput: true });
    // A Map/Parallel catcher assigns in the state's own (outer) scope, like the state's Assign.
    if ("Assign" in catcher) checkAssign(context, catcher["Assign"], childPointer(at, "Assign"), scope.queryLanguage, { result: false, errorOutput: true }, scope.outerVariables);
    checkComment(context, catcher, at);
  });
}

function requireArray(context: ValidationContext, value: unknown, pointer: string, field: string): unknown[] | undefined {
  if (Array.isArray(value)) return value;
  report(context, "SCHEMA_VALIDATION_FAILED", pointer, `The field '${field}' must be an array, but it is ${describeType(value)}. Wrap the ${field === "Retry" ? "Retrier" : "Catcher"} objects in [ ].`);
  return undefined;
}

function checkErrorEquals(context: ValidationContext, handler: Record<string, unknown>, pointer: string, isLast: boolean, kind: "Retrier" | "Catcher"): void {
  const errors = handler["ErrorEquals"];
  if (errors === undefined) {
    report(context, "SCHEMA_VALIDATION_FAILED", pointer, `These fields are required: [ErrorEquals]. List the error names this ${kind} handles, e.g. ["States.ALL"].`);
    return;
  }
  const at = childPointer(pointer, "ErrorEquals");
  if (!Array.isArray(errors)) {
    report(context, "SCHEMA_VALIDATION_FAILED", at, `The field 'ErrorEquals' must be an array of error names, but it is ${describeType(errors)}.`);
    return;
  }
  if (errors.length === 0) {
    report(context, "SCHEMA_VALIDATION_FAILED", at, `Value cannot be empty: 'ErrorEquals' needs at least one error name, e.g. ["States.ALL"].`);
    return;
  }
  errors.forEach((name, index) => {
    if (typeof name !== "string" || name === "") {
      report(context, "SCHEMA_VALIDATION_FAILED", childPointer(at, index), `Each error name in 'ErrorEquals' must be a non-empty string, but item ${index} is ${describeType(name)}.`);
    }
  });
  if (!errors.includes("States.ALL")) return;
  if (errors.length > 1) {
    report(context, "SCHEMA_VALIDATION_FAILED", at, `States.ALL must appear alone in 'ErrorEquals'. Remove the other error names or move them to an earlier ${kind}.`);
  } else if (!isLast) {
    report(context, "SCHEMA_VALIDATION_FAILED", at, `States.ALL can only appear in the last ${kind}. Move this ${kind} to the end of the array.`);
  }
}

function checkUnknownFields(context: ValidationContext, object: Record<string, unknown>, pointer: string, allowed: ReadonlySet<string>, what: string): void {
  for (const key of Object.keys(object)) {
    if (!allowed.has(key)) report(context, "SCHEMA_VALIDATION_FAILED", pointer, `Field '${key}' is not supported in ${what}. Allowed fields: ${[...allowed].join(", ")}.`);
  }
}

function checkComment(context: ValidationContext, object: Record<string, unknown>, pointer: string): void {
  const comment = object["Comment"];
  if (comment !== undefined && typeof comment !== "string") report(context, "SCHEMA_VALIDATION_FAILED", childPointer(pointer, "Comment"), `The field 'Comment' must be a string, but it is ${describeType(comment)}.`);
}
