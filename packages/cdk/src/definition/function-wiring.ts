/**
 * Replaces the function names Lambda tasks call with `${…}` placeholders that CloudFormation
 * substitutes with the real ARNs (DefinitionSubstitutions), so no ARN is written by hand.
 */
import { isJsonataExpression } from "./static-value.ts";
import { isRecord, requestOf, walkStates } from "./walk-states.ts";

const INVOKES_FUNCTION = /^arn:[^:]+:states:::(?:lambda:invoke(?:\.waitForTaskToken)?|aws-sdk:lambda:invoke(?:Async)?)$/;
// A function called by ARN as the Resource. Core writes a function it knows only by name with
// CloudFormation's pseudo parameters for what the name does not say (JSONPath lambda() + resultField).
const FUNCTION_RESOURCE = /^arn:(?:\$\{AWS::Partition\}|[^:]+):lambda:(?:\$\{AWS::Region\}|[^:]*):(\d{12}|\$\{AWS::AccountId\}):function:(.+)$/;
const PSEUDO_PARTS = /^arn:\$\{AWS::Partition\}:lambda:\$\{AWS::Region\}:/;

/** A function name a task calls that nothing maps. */
export interface UnwiredFunctionName {
  readonly pointer: string;
  readonly name: string;
  /** True when the Task calls it by ARN (`Resource`), whose partition, region and account are still pseudo parameters. */
  readonly byResource: boolean;
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
 * The function name a Task `Resource` calls directly, as a `FunctionName` would spell it: the ARN
 * itself, or the name (or partial ARN) inside an ARN whose partition and region are pseudo parameters.
 */
function resourceFunctionName(resource: string): string | undefined {
  const match = FUNCTION_RESOURCE.exec(resource);
  if (match === null) return undefined;
  if (!PSEUDO_PARTS.test(resource)) return resource;
  const [, account, name = ""] = match;
  return account === "${AWS::AccountId}" ? name : `${account}:function:${name}`;
}

/** The placeholder text for `name` (with its qualifier), or undefined when nothing maps it. */
function wiredName(name: string, placeholders: ReadonlyMap<string, string>): { readonly base: string; readonly text: string } | undefined {
  const [base = name, qualifier] = placeholders.has(name) || !isPlainName(name) ? [name] : name.split(":");
  const key = placeholders.get(base);
  return key === undefined ? undefined : { base, text: `\${${key}}${qualifier === undefined ? "" : `:${qualifier}`}` };
}

/**
 * Returns a copy of `definition` where every Lambda task whose literal `FunctionName` is a key
 * of `placeholders` (optionally followed by `:alias` or `:version`) calls `${placeholder}` instead,
 * and so does every Task whose `Resource` is that function's ARN.
 */
export function wireFunctionNames(definition: unknown, placeholders: ReadonlyMap<string, string>): WiredDefinition {
  const copy = structuredClone(isRecord(definition) ? definition : {}) as Record<string, unknown>;
  const used = new Set<string>();
  const unwired: UnwiredFunctionName[] = [];
  for (const { pointer, state } of walkStates(copy)) {
    if (state["Type"] !== "Task" || typeof state["Resource"] !== "string") continue;
    const direct = resourceFunctionName(state["Resource"]);
    const request = direct === undefined && INVOKES_FUNCTION.test(state["Resource"]) ? requestOf(state) : undefined;
    const name = direct ?? (isRecord(request) ? request["FunctionName"] : undefined);
    if (typeof name !== "string" || isJsonataExpression(name)) continue;
    const wired = wiredName(name, placeholders);
    if (wired === undefined) {
      // A pseudo-parameter ARN nothing maps still names a function by its name alone.
      const byResource = direct !== undefined && direct !== state["Resource"];
      if (isPlainName(name) || byResource) unwired.push({ pointer, name, byResource });
      continue;
    }
    used.add(wired.base);
    // The copy is ours: writing through the walker's read-only view is safe.
    if (direct !== undefined) (state as Record<string, unknown>)["Resource"] = wired.text;
    else (request as Record<string, unknown>)["FunctionName"] = wired.text;
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
