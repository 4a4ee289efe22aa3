// Path-valued fields: InputPath/OutputPath (full paths), ResultPath and the *Path fields
// (reference paths), with AWS's extra rules on ResultPath.
import { report, type ValidationContext } from "../context.ts";
import { checkPath, checkReferencePath } from "../grammar-bridge.ts";
import { containsPlaceholder, describeType, quote } from "../values.ts";

/** Which kind of path a field holds. */
export type PathKind = "path" | "reference" | "result";

/** Checks a path field; `null` is allowed where `nullable` (InputPath, OutputPath, ResultPath). */
export function checkPathField(context: ValidationContext, value: unknown, pointer: string, field: string, kind: PathKind, nullable: boolean): void {
  if (value === null && nullable) return;
  if (typeof value !== "string") {
    report(context, "SCHEMA_VALIDATION_FAILED", pointer, `The field '${field}' must be a JSONPath string${nullable ? " or null" : ""}, but it is ${describeType(value)}. Write a path such as '$.result'.`);
    return;
  }
  if (containsPlaceholder(value)) return;
  if (kind === "result" && (value.startsWith("$$") || /^\$[A-Za-z_]/.test(value))) {
    report(
      context,
      "SCHEMA_VALIDATION_FAILED",
      pointer,
      `The field '${field}' is ${quote(value)}, but ResultPath must be a reference path into the state input: it cannot write the context object ('$$') or a variable. Use a path starting with '$.' (or assign variables with 'Assign').`,
    );
    return;
  }
  const reason = kind === "path" ? checkPath(value) : checkReferencePath(value);
  if (reason !== undefined) {
    const what = kind === "path" ? "a valid JSONPath" : "a valid reference path";
    report(context, "SCHEMA_VALIDATION_FAILED", pointer, `The value for the field '${field}' must be ${what}: ${quote(value)} is not (${reason}). Use a path such as '$.items[0].id'.`);
  }
}
