// Short, readable text for a Choice rule, e.g. `$.total > 1000`, so a diagram reader can follow
// the branches without opening the JSON. Labels are capped because long ones wreck a layout.

/** Longest label, in characters, before it is cut with an ellipsis. */
export const MAX_CHOICE_LABEL = 60;

type JsonRecord = Readonly<Record<string, unknown>>;

const isRecord = (value: unknown): value is JsonRecord => typeof value === "object" && value !== null && !Array.isArray(value);

const COMPARISONS: Readonly<Record<string, string>> = {
  Equals: "==",
  LessThan: "<",
  GreaterThan: ">",
  LessThanEquals: "<=",
  GreaterThanEquals: ">=",
};

const TYPE_TESTS: Readonly<Record<string, string>> = {
  IsNull: "null",
  IsPresent: "present",
  IsNumeric: "numeric",
  IsString: "a string",
  IsBoolean: "a boolean",
  IsTimestamp: "a timestamp",
};

/** Renders one top-level Choice rule; falls back to "rule N" (1-based) when the rule is unreadable. */
export function describeChoiceRule(rule: JsonRecord, index: number): string {
  const text = describe(rule, true);
  return truncate(text ?? `rule ${index + 1}`);
}

function describe(rule: unknown, topLevel: boolean): string | undefined {
  if (!isRecord(rule)) return undefined;
  if (typeof rule["Condition"] === "string") return stripJsonata(rule["Condition"]);
  if (Array.isArray(rule["And"])) return joinRules(rule["And"], "and", topLevel);
  if (Array.isArray(rule["Or"])) return joinRules(rule["Or"], "or", topLevel);
  if (rule["Not"] !== undefined) {
    const negated = isRecord(rule["Not"]) ? describeComparison(rule["Not"], true) : undefined;
    if (negated !== undefined) return negated;
    const inner = describe(rule["Not"], false);
    return inner === undefined ? undefined : `not ${inner}`;
  }
  return describeComparison(rule, false);
}

function joinRules(rules: readonly unknown[], word: string, topLevel: boolean): string | undefined {
  const parts = rules.map((r) => describe(r, false));
  if (parts.length === 0 || parts.some((p) => p === undefined)) return undefined;
  const joined = parts.join(` ${word} `);
  return topLevel ? joined : `(${joined})`;
}

/** With `negate`, returns only forms that read naturally negated (`!=`, `is not`), else undefined. */
function describeComparison(rule: JsonRecord, negate: boolean): string | undefined {
  const variable = typeof rule["Variable"] === "string" ? rule["Variable"] : undefined;
  if (variable === undefined) return undefined;
  for (const [key, value] of Object.entries(rule)) {
    if (key === "Variable" || key === "Next" || key === "Assign" || key === "Comment" || key === "Output") continue;
    const test = TYPE_TESTS[key];
    if (test !== undefined) return `${variable} is ${(value === false) !== negate ? "not " : ""}${test}`;
    if (key === "StringMatches") return `${variable} ${negate ? "does not match" : "matches"} ${JSON.stringify(value)}`;
    const match = /^(String|Numeric|Boolean|Timestamp)(Equals|LessThan|GreaterThan|LessThanEquals|GreaterThanEquals)(Path)?$/.exec(key);
    if (match === null) continue;
    const [, kind, comparison = "", path] = match;
    if (negate && comparison !== "Equals") return undefined;
    const operator = negate ? "!=" : (COMPARISONS[comparison] ?? comparison);
    return `${variable} ${operator} ${formatOperand(value, kind, path !== undefined)}`;
  }
  return undefined;
}

function formatOperand(value: unknown, kind: string | undefined, isPath: boolean): string {
  // Strings are quoted so `"10"` and `10` look different; paths and timestamps read better bare.
  if (isPath || kind === "Timestamp") return String(value);
  return JSON.stringify(value) ?? String(value);
}

function stripJsonata(condition: string): string {
  const match = /^\{%([\s\S]*)%\}$/.exec(condition.trim());
  return (match?.[1] ?? condition).trim().replace(/\s+/g, " ");
}

/** Cuts text to MAX_CHOICE_LABEL characters (counting code points), ending with "…". */
export function truncate(text: string, max = MAX_CHOICE_LABEL): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}
