/**
 * Replaces the function names Lambda tasks call with `${…}` placeholders that CloudFormation
 * substitutes with the real ARNs (DefinitionSubstitutions), so no ARN is written by hand.
 */
import { isJsonataExpression } from "./static-value.ts";
import { isRecord, requestOf, walkStates } from "./walk-states.ts";

const INVOKES_FUNCTION = /^arn:[^:]+:states:::(?:lambda:invoke(?:\.waitForTaskToken)?|aws-sdk:lambda:invoke(?:Async)?)$/;

/** A function name a task calls that nothing maps. */
export interface UnwiredFunctionName {
  readonly pointer: string;
  readonly name: string;
}

/** The definition with placeholders, and what was and was not wired. */
export interface WiredDefinition {
  readonly definition: Record<string, unknown>;
  /** Names (keys of `placeholders`) some task calls. */
  readonly used: ReadonlySet<string>;
  /** Plain function names no mapping covers: they call a function of that name in the machine's own account and region. */
  readonly unwired: readonly UnwiredFunctionName[];
}

/** True for a name that is not an ARN, a partial ARN or a placeholder: something only a mapping can resolve. */
const isPlainName = (name: string): boolean => !name.startsWith("arn:") && !name.includes("${") && !/^\d{12}:function:/.test(name);

/**
 * Returns a copy of `definition` where every Lambda task whose literal `FunctionName` is a key
 * of `placeholders` (optionally followed by `:alias` or `:version`) calls `${placeholder}` instead.
 */
export function wireFunctionNames(definition: unknown, placeholders: ReadonlyMap<string, string>): WiredDefinition {
  const copy = structuredClone(isRecord(definition) ? definition : {}) as Record<string, unknown>;
  const used = new Set<string>();
  const unwired: UnwiredFunctionName[] = [];
  for (const { pointer, state } of walkStates(copy)) {
    if (state["Type"] !== "Task" || typeof state["Resource"] !== "string" || !INVOKES_FUNCTION.test(state["Resource"])) continue;
    const request = requestOf(state);
    if (!isRecord(request)) continue;
    const name = request["FunctionName"];
    if (typeof name !== "string" || isJsonataExpression(name)) continue;
    const [base = name, qualifier] = placeholders.has(name) || !isPlainName(name) ? [name] : name.split(":");
    const key = placeholders.get(base);
    if (key === undefined) {
      if (isPlainName(name)) unwired.push({ pointer, name });
      continue;
    }
    used.add(base);
    // The copy is ours: writing through the walker's read-only view is safe.
    (request as Record<string, unknown>)["FunctionName"] = `\${${key}}${qualifier === undefined ? "" : `:${qualifier}`}`;
  }
  return { definition: copy, used, unwired };
}

/** A DefinitionSubstitutions key for a function name: letters, digits and underscores only, unique among `taken`. */
export function placeholderKey(name: string, taken: ReadonlySet<string>): string {
  const base = `fn_${name.replace(/[^A-Za-z0-9_]/g, "_")}`;
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}_${n}`;
  return key;
}
