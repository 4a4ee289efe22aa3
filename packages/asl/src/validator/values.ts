// Small predicates over untrusted JSON values, shared by every rule.
import type { JsonataExpression } from "../types.ts";

/** A plain JSON object (not null, not an array). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A string written as a JSONata expression: exactly `{%` … `%}` with nothing outside. */
export function isJsonataExpression(value: unknown): value is JsonataExpression {
  return typeof value === "string" && value.length >= 4 && value.startsWith("{%") && value.endsWith("%}");
}

const PLACEHOLDER = /\$\{[^}]*\}/;

/** A deployment template placeholder such as `${ProcessFunctionArn}` (SAM, CDK, Terraform). */
export function containsPlaceholder(value: string): boolean {
  return value.includes("${") && PLACEHOLDER.test(value);
}

/** Names the JSON type of a value for messages ("a string", "an array", "null"). */
export function describeType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  if (typeof value === "number") return Number.isInteger(value) ? "an integer" : "a number";
  return `a ${typeof value}`;
}

/** Quotes a value for a message without flooding it. */
export function quote(value: unknown): string {
  let text: string;
  try {
    text = typeof value === "string" ? value : (JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  return `'${text.length > 80 ? `${text.slice(0, 77)}...` : text}'`;
}
