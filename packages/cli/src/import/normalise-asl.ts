/**
 * Normalises ASL for comparison: two definitions that AWS would run identically but spell
 * differently (a default written out, a legacy name, a redundant QueryLanguage) become equal.
 */
import { isRecord } from "./condition-code.ts";
import diff from "microdiff";

/** A normalised deep copy of a definition. */
export function normaliseDefinition(definition: unknown): unknown {
  if (!isRecord(definition)) return definition;
  const language = definition["QueryLanguage"] === "JSONata" ? "JSONata" : "JSONPath";
  const out: Record<string, unknown> = { ...definition, QueryLanguage: language };
  if (out["Version"] === "1.0") delete out["Version"];
  out["States"] = normaliseStates(definition["States"], language);
  return out;
}

function normaliseStates(states: unknown, language: string): unknown {
  if (!isRecord(states)) return states;
  const out: Record<string, unknown> = {};
  for (const [name, state] of Object.entries(states)) out[name] = normaliseState(state, language);
  return out;
}

function normaliseBlock(block: unknown, language: string): unknown {
  if (!isRecord(block)) return block;
  return { ...block, States: normaliseStates(block["States"], language) };
}

function normaliseState(state: unknown, language: string): unknown {
  if (!isRecord(state)) return state;
  const out: Record<string, unknown> = { ...state };
  if (out["QueryLanguage"] === language) delete out["QueryLanguage"];
  for (const key of ["InputPath", "OutputPath", "ResultPath"]) if (out[key] === "$") delete out[key];
  if (out["End"] === false) delete out["End"];
  for (const key of ["Retry", "Catch", "Choices"]) if (Array.isArray(out[key]) && (out[key] as unknown[]).length === 0) delete out[key];
  if (Array.isArray(out["Catch"])) out["Catch"] = (out["Catch"] as unknown[]).map((c) => (isRecord(c) && c["ResultPath"] === "$" ? withoutKey(c, "ResultPath") : c));
  if (Array.isArray(out["Choices"])) out["Choices"] = (out["Choices"] as unknown[]).map((c) => normaliseCondition(c));
  if (out["Type"] === "Map") {
    if (out["MaxConcurrency"] === 0) delete out["MaxConcurrency"];
    if ("Parameters" in out && !("ItemSelector" in out)) {
      out["ItemSelector"] = out["Parameters"];
      delete out["Parameters"];
    }
    if ("Iterator" in out && !("ItemProcessor" in out)) {
      out["ItemProcessor"] = out["Iterator"];
      delete out["Iterator"];
    }
    if (isRecord(out["ItemProcessor"])) {
      const processor: Record<string, unknown> = { ...out["ItemProcessor"] };
      const config = processor["ProcessorConfig"];
      if (isRecord(config) && (config["Mode"] === undefined || config["Mode"] === "INLINE") && Object.keys(config).every((k) => k === "Mode")) delete processor["ProcessorConfig"];
      out["ItemProcessor"] = normaliseBlock(processor, language);
    }
  }
  if (out["Type"] === "Parallel" && Array.isArray(out["Branches"])) out["Branches"] = (out["Branches"] as unknown[]).map((b) => normaliseBlock(b, language));
  const jsonata = state["QueryLanguage"] === "JSONata" || (state["QueryLanguage"] === undefined && language === "JSONata");
  if (jsonata) for (const [key, value] of Object.entries(out)) if (!NESTED_BLOCKS.has(key)) out[key] = trimExpressions(value);
  return out;
}

const NESTED_BLOCKS = new Set(["ItemProcessor", "Iterator", "Branches"]);

/** JSONata `{% … %}` strings read the same whatever whitespace pads the expression. */
function trimExpressions(value: unknown): unknown {
  if (typeof value === "string") {
    const match = /^\{%([\s\S]*)%\}$/.exec(value);
    return match === null ? value : `{% ${(match[1] ?? "").trim()} %}`;
  }
  if (Array.isArray(value)) return value.map(trimExpressions);
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, trimExpressions(v)]));
  return value;
}

/** A JSONata condition read the same with or without one pair of parentheses around it. */
function normaliseCondition(rule: unknown): unknown {
  if (!isRecord(rule) || typeof rule["Condition"] !== "string") return rule;
  const match = /^\{%([\s\S]*)%\}$/.exec(rule["Condition"]);
  if (match === null) return rule;
  let inner = (match[1] ?? "").trim();
  while (wrappedInParentheses(inner)) inner = inner.slice(1, -1).trim();
  return { ...rule, Condition: `{% ${inner} %}` };
}

function wrappedInParentheses(text: string): boolean {
  if (!text.startsWith("(") || !text.endsWith(")")) return false;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "(") depth++;
    else if (text[i] === ")") depth--;
    if (depth === 0 && i < text.length - 1) return false;
  }
  return depth === 0;
}

function withoutKey(record: Record<string, unknown>, key: string): Record<string, unknown> {
  const { [key]: _dropped, ...rest } = record;
  return rest;
}

/**
 * The differences between the generated definition `a` and the original `b`, as JSON pointers
 * with what differs (at most `limit`), computed by microdiff.
 */
export function diffJson(a: unknown, b: unknown, limit = 10): string[] {
  if (!isDiffable(a) || !isDiffable(b) || Array.isArray(a) !== Array.isArray(b)) return Object.is(a, b) ? [] : [`/: ${short(a)}, expected ${short(b)}`];
  return diff(a, b)
    .slice(0, limit)
    .map((change) => {
      const at = `/${change.path.map((key) => String(key).replaceAll("~", "~0").replaceAll("/", "~1")).join("/")}`;
      if (change.type === "CREATE") return `${at}: missing (expected ${short(change.value)})`;
      if (change.type === "REMOVE") return `${at}: unexpected ${short(change.oldValue)}`;
      return `${at}: ${short(change.oldValue)}, expected ${short(change.value)}`;
    });
}

function isDiffable(value: unknown): value is Record<string, unknown> | unknown[] {
  return typeof value === "object" && value !== null;
}

function short(value: unknown): string {
  const text = JSON.stringify(value) ?? "undefined";
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
