/**
 * JSONata field values (`Arguments`, `Output`, `Assign`, `Items`…) as builder code: a `{% … %}`
 * string that reads a plain path becomes a reference (`{% $states.input.order.id %}` →
 * `$.input.order.id`), any other expression `jsonata("…")`, and everything else stays JSON.
 */
import type { ImportSet } from "./condition-code.ts";
import { isRecord } from "./condition-code.ts";
import { jsonCode, objectCode } from "./json-code.ts";
import { simplePath } from "./selector-code.ts";

/**
 * The `$` roots a position can read (`$states.result` only where the state has a result).
 * `"taskToken"`: `$states.context.Task` may be read too, as the builder offers it only in a callback
 * task's request (AWS sets no token elsewhere); without it such a read stays `jsonata("…")`.
 */
export type JsonataRoot = "input" | "result" | "context" | "taskToken";

/** The text between `{%` and `%}`, trimmed, when `value` is a JSONata expression string. */
export function jsonataExpression(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const match = /^\{%([\s\S]*)%\}$/.exec(value);
  return match === null ? undefined : (match[1] ?? "").trim();
}

/** `$states.input.a.b` as `$.input.a.b` when the root is readable here and every step a plain name. */
function referenceCode(expression: string, roots: readonly JsonataRoot[]): string | undefined {
  const match = /^\$states\.(input|result|context)((?:\.[A-Za-z_][A-Za-z0-9_]*)*)$/.exec(expression);
  const root = match?.[1] as JsonataRoot | undefined;
  if (match === null || root === undefined || !roots.includes(root)) return undefined;
  if (root === "context" && /^\.Task(?:\.|$)/.test(match[2] ?? "") && !roots.includes("taskToken")) return undefined;
  const segments = simplePath(`$${match[2] ?? ""}`);
  return segments === undefined ? undefined : `$.${root}${segments.map((s) => `.${String(s)}`).join("")}`;
}

/** Code for a JSONata field value, and whether it reads `$`. */
export interface JsonataValueCode {
  readonly code: string;
  readonly usesScope: boolean;
}

/** A JSONata field value as code; objects and arrays are walked, so their expression strings are typed too. */
export function jsonataValueCode(value: unknown, roots: readonly JsonataRoot[], imports: ImportSet): JsonataValueCode {
  const expression = jsonataExpression(value);
  if (expression !== undefined) {
    const reference = referenceCode(expression, roots);
    if (reference !== undefined) return { code: reference, usesScope: true };
    imports.add("jsonata");
    return { code: `jsonata(${JSON.stringify(expression)})`, usesScope: false };
  }
  if (Array.isArray(value)) {
    const items = value.map((v) => jsonataValueCode(v, roots, imports));
    return { code: `[${items.map((i) => i.code).join(", ")}]`, usesScope: items.some((i) => i.usesScope) };
  }
  if (isRecord(value)) {
    const entries = Object.entries(value).map(([k, v]) => [k, jsonataValueCode(v, roots, imports)] as const);
    return { code: objectCode(entries.map(([k, v]) => [k, v.code])), usesScope: entries.some(([, v]) => v.usesScope) };
  }
  return { code: jsonCode(value), usesScope: false };
}

/** `($) => …` (or `() => …`) returning the value; an object literal is parenthesised. */
export function jsonataSelectorCode(value: unknown, roots: readonly JsonataRoot[], imports: ImportSet): string {
  const { code, usesScope } = jsonataValueCode(value, roots, imports);
  return `(${usesScope ? "$" : ""}) => ${isRecord(value) ? `(${code})` : code}`;
}
