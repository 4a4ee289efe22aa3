/**
 * Checks a local Lambda's event and result against the schemas its `lambda()` declares. Only the
 * Standard Schema interface is used, so any library's schemas work and core depends on none.
 */
import type { StandardSchemaLike } from "../builder/schema.ts";

/** One Standard Schema issue. */
interface Issue {
  readonly message: string;
  readonly path?: readonly (PropertyKey | { readonly key: PropertyKey })[] | undefined;
}

/**
 * Thrown by a `localTasks()` function when an event or result does not match its schema. Its name
 * becomes the Lambda error name the execution sees, so a test's trace or `result.error` shows it.
 */
export class LambdaSchemaError extends Error {
  /** Each issue as `event.items[0].qty: message`. */
  readonly issues: readonly string[];
  constructor(message: string, issues: readonly string[]) {
    super(message);
    this.name = "LambdaSchemaError";
    this.issues = issues;
  }
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function formatPath(root: string, path: Issue["path"]): string {
  let text = root;
  for (const segment of path ?? []) {
    const key = typeof segment === "object" && segment !== null ? segment.key : segment;
    if (typeof key === "number") text += `[${key}]`;
    else if (typeof key === "string" && IDENTIFIER.test(key)) text += `.${key}`;
    else text += `[${typeof key === "string" ? JSON.stringify(key) : String(key)}]`;
  }
  return text;
}

function issuesOf(result: unknown, subject: string): readonly Issue[] | undefined {
  if (typeof result !== "object" || result === null) {
    throw new TypeError(`${subject}: the schema's validate() returned ${result === null ? "null" : typeof result}, not a Standard Schema result`);
  }
  const issues = (result as { readonly issues?: unknown }).issues;
  if (issues === undefined) return undefined;
  if (!Array.isArray(issues)) throw new TypeError(`${subject}: the schema's validate() returned issues that are not an array`);
  return issues.map((issue: unknown): Issue => {
    const i = (typeof issue === "object" && issue !== null ? issue : {}) as { readonly message?: unknown; readonly path?: unknown };
    return { message: typeof i.message === "string" ? i.message : String(i.message), path: Array.isArray(i.path) ? (i.path as Issue["path"]) : undefined };
  });
}

/**
 * Validates `value` (sync or async schema) and throws a `LambdaSchemaError` listing every issue.
 * `subject` names the function, `root` the value (`event`, `result`) in each issue's path.
 */
export async function checkAgainst(schema: StandardSchemaLike, value: unknown, subject: string, root: "event" | "result"): Promise<void> {
  const issues = issuesOf(await schema["~standard"].validate(value), subject);
  if (issues === undefined) return;
  const lines = issues.map((i) => `${formatPath(root, i.path)}: ${i.message}`);
  throw new LambdaSchemaError(
    `${subject}: the ${root} does not match its ${root === "event" ? "input" : "output"} schema (${issues.length} issue${issues.length === 1 ? "" : "s"}):\n${lines.map((l) => `  ${l}`).join("\n")}`,
    lines,
  );
}
