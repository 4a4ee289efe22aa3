/**
 * Reads what a task's request fixes before the execution starts. A field is `literal` when the
 * ASL spells the value out, `dynamic` when a path (`Field.$`) or a JSONata expression (`{% %}`)
 * computes it at run time, and `absent` when the request does not set it.
 */
import { isRecord } from "./walk-states.ts";

/** What the definition says about one request field. */
export type StaticValue =
  | { readonly kind: "literal"; readonly value: unknown }
  | { readonly kind: "dynamic" }
  | { readonly kind: "absent" };

const DYNAMIC: StaticValue = { kind: "dynamic" };
const ABSENT: StaticValue = { kind: "absent" };

/** True for a JSONata expression string (`{% … %}`). */
export function isJsonataExpression(value: unknown): boolean {
  return typeof value === "string" && value.trimStart().startsWith("{%") && value.trimEnd().endsWith("%}");
}

/** The value at `path` inside a request object (Parameters or Arguments). */
export function readStatic(request: unknown, path: readonly string[]): StaticValue {
  let current: unknown = request;
  for (const key of path) {
    if (current === undefined) return ABSENT;
    if (isJsonataExpression(current)) return DYNAMIC;
    if (!isRecord(current)) return ABSENT;
    if (`${key}.$` in current) return DYNAMIC;
    current = current[key];
  }
  if (current === undefined) return ABSENT;
  return isJsonataExpression(current) ? DYNAMIC : { kind: "literal", value: current };
}

/** A string field as the definition fixes it. */
export type StaticString = { readonly kind: "literal"; readonly value: string } | { readonly kind: "dynamic" } | { readonly kind: "absent" };

/** A string field: its literal text, `dynamic`, or `absent` (a literal that is not a string counts as dynamic: AWS would reject it, IAM cannot narrow it). */
export function readString(request: unknown, path: readonly string[]): StaticString {
  const found = readStatic(request, path);
  if (found.kind !== "literal") return found;
  return typeof found.value === "string" ? { kind: "literal", value: found.value } : { kind: "dynamic" };
}
