/**
 * JSONPath payload templates (`Parameters`, `ResultSelector`) as selector code: `"id.$": "$.order.id"`
 * becomes `id: $.input.order.id`, `$$.Execution.Id` becomes `$.context.Execution.Id`, and any
 * other path or intrinsic function stays exact as `jsonPath("…")`.
 */
import type { ImportSet } from "./condition-code.ts";
import { isRecord } from "./condition-code.ts";
import { jsonCode, objectCode } from "./json-code.ts";
import { simplePath } from "./selector-code.ts";

/**
 * `($) => ({ … })` for a template object, or undefined when it cannot be written as one.
 * `taskToken`: the template is the request of a task the builder offers `$.context.Task.Token` in
 * (a callback task); anywhere else a `$$.Task…` read stays a raw `jsonPath("…")`, as the builder
 * types it nowhere else (AWS sets no token there).
 */
export function templateSelectorCode(template: unknown, root: TemplateRoot, imports: ImportSet, taskToken = false): string | undefined {
  if (!isRecord(template)) return undefined;
  const body = objectTemplate(template, { root, taskToken }, imports);
  if (body === undefined) return undefined;
  return `(${body.usesScope ? "$" : ""}) => (${body.code})`;
}

/** Where a template's `$` points: a state's input, its result, or (a Map's ItemSelector) the Map's input with the item in `$$.Map.Item`. */
export type TemplateRoot = "input" | "result" | "item";

/** Where a template is: what its `$` is, and whether the task token may be read. */
interface TemplateScope {
  readonly root: TemplateRoot;
  readonly taskToken: boolean;
}

interface TemplateCode {
  readonly code: string;
  readonly usesScope: boolean;
}

function objectTemplate(template: Record<string, unknown>, scope: TemplateScope, imports: ImportSet): TemplateCode | undefined {
  const properties: [string, string][] = [];
  const keys = new Set<string>();
  let usesScope = false;
  for (const [key, value] of Object.entries(template)) {
    if (key.endsWith(".$")) {
      const name = key.slice(0, -2);
      if (typeof value !== "string" || keys.has(name)) return undefined;
      keys.add(name);
      const ref = referenceCode(value, scope, imports);
      usesScope ||= ref.usesScope;
      properties.push([name, ref.code]);
      continue;
    }
    if (keys.has(key)) return undefined;
    keys.add(key);
    const nested = valueTemplate(value, scope, imports);
    if (nested === undefined) return undefined;
    usesScope ||= nested.usesScope;
    properties.push([key, nested.code]);
  }
  return { code: objectCode(properties), usesScope };
}

function valueTemplate(value: unknown, scope: TemplateScope, imports: ImportSet): TemplateCode | undefined {
  if (isRecord(value)) return objectTemplate(value, scope, imports);
  if (Array.isArray(value)) {
    // Objects inside an array are templates too (their `.$` keys are evaluated); nested arrays stay literal.
    if (value.some((v) => Array.isArray(v))) return undefined;
    const items: TemplateCode[] = [];
    for (const item of value) {
      const code = valueTemplate(item, scope, imports);
      if (code === undefined) return undefined;
      items.push(code);
    }
    return { code: `[${items.map((i) => i.code).join(", ")}]`, usesScope: items.some((i) => i.usesScope) };
  }
  return { code: jsonCode(value), usesScope: false };
}

/** `$$.Map.Item.Value.x` as `$.item.x`, `$$.Map.Item.Index` as `$.index`: what an ItemSelector's `$` offers. */
function mapItemCode(path: string): string | undefined {
  if (path === "$$.Map.Item.Index") return "$.index";
  const value = "$$.Map.Item.Value";
  if (!path.startsWith(value)) return undefined;
  const segments = simplePath(`$${path.slice(value.length)}`);
  return segments === undefined ? undefined : `$.item${segmentsCode(segments)}`;
}

function referenceCode(path: string, { root, taskToken }: TemplateScope, imports: ImportSet): TemplateCode {
  const item = root === "item" ? mapItemCode(path) : undefined;
  if (item !== undefined) return { code: item, usesScope: true };
  const context = path.startsWith("$$") ? simplePath(path.slice(1)) : undefined;
  if (context !== undefined && context.length > 0 && (taskToken || context[0] !== "Task")) return { code: `$.context${segmentsCode(context)}`, usesScope: true };
  const segments = path.startsWith("$$") ? undefined : simplePath(path);
  if (segments !== undefined) return { code: `$.${root === "item" ? "input" : root}${segmentsCode(segments)}`, usesScope: true };
  imports.add("jsonPath");
  return { code: `jsonPath(${JSON.stringify(path)})`, usesScope: false };
}

function segmentsCode(segments: readonly (string | number)[]): string {
  return segments.map((s) => (typeof s === "number" ? `[${s}]` : `.${s}`)).join("");
}
