/**
 * JSONPath payload templates (`Parameters`, `ResultSelector`) as selector code: `"id.$": "$.order.id"`
 * becomes `id: $.input.order.id`, `$$.Execution.Id` becomes `$.context.Execution.Id`, and any
 * other path or intrinsic function stays exact as `jsonPath("…")`.
 */
import type { ImportSet } from "./condition-code.ts";
import { isRecord } from "./condition-code.ts";
import { jsonCode, objectCode } from "./json-code.ts";
import { simplePath } from "./selector-code.ts";

/** `($) => ({ … })` for a template object, or undefined when it cannot be written as one. */
export function templateSelectorCode(template: unknown, root: "input" | "result", imports: ImportSet): string | undefined {
  if (!isRecord(template)) return undefined;
  const body = objectTemplate(template, root, imports);
  if (body === undefined) return undefined;
  return `(${body.usesScope ? "$" : ""}) => (${body.code})`;
}

interface TemplateCode {
  readonly code: string;
  readonly usesScope: boolean;
}

function objectTemplate(template: Record<string, unknown>, root: "input" | "result", imports: ImportSet): TemplateCode | undefined {
  const properties: [string, string][] = [];
  const keys = new Set<string>();
  let usesScope = false;
  for (const [key, value] of Object.entries(template)) {
    if (key.endsWith(".$")) {
      const name = key.slice(0, -2);
      if (typeof value !== "string" || keys.has(name)) return undefined;
      keys.add(name);
      const ref = referenceCode(value, root, imports);
      usesScope ||= ref.usesScope;
      properties.push([name, ref.code]);
      continue;
    }
    if (keys.has(key)) return undefined;
    keys.add(key);
    const nested = valueTemplate(value, root, imports);
    if (nested === undefined) return undefined;
    usesScope ||= nested.usesScope;
    properties.push([key, nested.code]);
  }
  return { code: objectCode(properties), usesScope };
}

function valueTemplate(value: unknown, root: "input" | "result", imports: ImportSet): TemplateCode | undefined {
  if (isRecord(value)) return objectTemplate(value, root, imports);
  if (Array.isArray(value)) {
    // Arrays of plain values are literals; arrays holding templates would be rebuilt with States.Array.
    if (value.some((v) => isRecord(v) || Array.isArray(v))) return undefined;
    return { code: jsonCode(value), usesScope: false };
  }
  return { code: jsonCode(value), usesScope: false };
}

function referenceCode(path: string, root: "input" | "result", imports: ImportSet): TemplateCode {
  const context = path.startsWith("$$") ? simplePath(path.slice(1)) : undefined;
  if (context !== undefined && context.length > 0) return { code: `$.context${segmentsCode(context)}`, usesScope: true };
  const segments = path.startsWith("$$") ? undefined : simplePath(path);
  if (segments !== undefined) return { code: `$.${root}${segmentsCode(segments)}`, usesScope: true };
  imports.add("jsonPath");
  return { code: `jsonPath(${JSON.stringify(path)})`, usesScope: false };
}

function segmentsCode(segments: readonly (string | number)[]): string {
  return segments.map((s) => (typeof s === "number" ? `[${s}]` : `.${s}`)).join("");
}
