/**
 * Checks a test's execution input against the workflow's input schema before anything runs.
 * The schema is read structurally (`source.inputSchema["~standard"].validate`, the Standard Schema
 * v1 interface) so the runtime stays free of `@stepcraft/core` and of any schema library.
 */
import { TestSetupError } from "./setup.ts";

/** Turns the input check on or off. */
export interface InputCheckOptions {
  /**
   * Validate the execution input against the workflow's `inputSchema` (a Standard Schema, e.g.
   * zod) and throw a `TestSetupError` listing every issue before running. Plain ASL has no schema.
   * @default true
   */
  readonly checkInput?: boolean;
}

/** One Standard Schema issue: a message and where in the value it is. */
export interface SchemaIssue {
  readonly message: string;
  readonly path?: readonly (PropertyKey | { readonly key: PropertyKey })[] | undefined;
}

interface StandardValidate {
  readonly validate: (value: unknown) => unknown;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `input.items[0].qty`: the path as a reader of the input would write it. */
export function formatIssuePath(root: string, path: SchemaIssue["path"]): string {
  let text = root;
  for (const segment of path ?? []) {
    const key = typeof segment === "object" && segment !== null ? segment.key : segment;
    if (typeof key === "number") text += `[${key}]`;
    else if (typeof key === "string" && IDENTIFIER.test(key)) text += `.${key}`;
    else text += `[${typeof key === "string" ? JSON.stringify(key) : String(key)}]`;
  }
  return text;
}

/** The issues of a validation result, or undefined when it succeeded. */
function issuesOf(result: unknown, what: string): readonly SchemaIssue[] | undefined {
  if (typeof result !== "object" || result === null) {
    throw new TestSetupError(`${what}: validate() returned ${result === null ? "null" : typeof result}, not a Standard Schema result ({ value } or { issues }).`);
  }
  const issues = (result as { readonly issues?: unknown }).issues;
  if (issues === undefined) return undefined;
  if (!Array.isArray(issues)) throw new TestSetupError(`${what}: validate() returned issues that are not an array.`);
  return issues.map((issue: unknown): SchemaIssue => {
    const i = (typeof issue === "object" && issue !== null ? issue : {}) as { readonly message?: unknown; readonly path?: unknown };
    return {
      message: typeof i.message === "string" ? i.message : String(i.message),
      path: Array.isArray(i.path) ? (i.path as SchemaIssue["path"]) : undefined,
    };
  });
}

function schemaOf(source: unknown): { readonly standard: StandardValidate; readonly workflow: string } | undefined {
  if (typeof source !== "object" || source === null) return undefined;
  const s = source as { readonly toAsl?: unknown; readonly inputSchema?: unknown; readonly name?: unknown };
  // Only workflows carry a schema; a plain ASL object's fields are states, not options.
  if (typeof s.toAsl !== "function" || s.inputSchema === undefined) return undefined;
  const workflow = typeof s.name === "string" ? `workflow "${s.name}"` : "the workflow";
  const standard = (s.inputSchema as { readonly "~standard"?: unknown } | null)?.["~standard"];
  if (typeof standard !== "object" || standard === null || typeof (standard as Partial<StandardValidate>).validate !== "function") {
    throw new TestSetupError(`The inputSchema of ${workflow} is not a Standard Schema (no "~standard".validate function). checkInput: false skips the check.`);
  }
  return { standard: standard as StandardValidate, workflow };
}

function failure(workflow: string, issues: readonly SchemaIssue[]): TestSetupError {
  const lines = issues.map((i) => `  ${formatIssuePath("input", i.path)}: ${i.message}`);
  return new TestSetupError(
    `The execution input does not match the input schema of ${workflow} (${issues.length} issue${issues.length === 1 ? "" : "s"}):\n${lines.join("\n")}\n(checkInput: false runs it anyway.)`,
  );
}

/**
 * The value the execution will see: it starts from JSON, so `undefined` fields vanish and Dates
 * become strings. A value JSON cannot hold is left for the engine to reject in its own words.
 */
function asExecutionSees(input: unknown): unknown {
  if (input === undefined) return {};
  try {
    return JSON.parse(JSON.stringify(input)) as unknown;
  } catch {
    return input;
  }
}

/**
 * Validates `input` against the workflow's input schema. Returns nothing when there is nothing to
 * check or it passed synchronously; a promise only when the schema validated asynchronously.
 * Throws (or rejects with) a `TestSetupError` listing every issue.
 */
export function checkInputNowOrLater(source: unknown, input: unknown, options: InputCheckOptions): void | Promise<void> {
  if (options.checkInput === false) return undefined;
  const schema = schemaOf(source);
  if (schema === undefined) return undefined;
  const what = `The inputSchema of ${schema.workflow}`;
  const result = schema.standard.validate(asExecutionSees(input));
  const settle = (r: unknown): void => {
    const issues = issuesOf(r, what);
    if (issues !== undefined) throw failure(schema.workflow, issues);
  };
  // Standard Schema allows any promise here; a thenable from another realm counts too.
  if (typeof (result as { readonly then?: unknown } | null)?.then === "function") return Promise.resolve(result).then(settle);
  settle(result);
  return undefined;
}

/**
 * For `startTestExecution`, which starts synchronously: an asynchronous schema cannot be awaited
 * before the execution runs, so it is refused rather than checked after the fact.
 */
export function checkInputNow(source: unknown, input: unknown, options: InputCheckOptions): void {
  const pending = checkInputNowOrLater(source, input, options);
  if (pending === undefined) return;
  // The answer is not needed any more; keep its rejection from surfacing as unhandled.
  pending.catch(() => undefined);
  throw new TestSetupError(
    "The workflow's inputSchema validates asynchronously, and startTestExecution starts synchronously: " +
      "await checkExecutionInput(workflow, input) first and pass checkInput: false, or use testExecution.",
  );
}

/**
 * Checks a test input against a workflow's input schema (sync or async), throwing a
 * `TestSetupError` that lists every issue with its path. A plain ASL definition passes.
 * @example await checkExecutionInput(placeOrder, { orderId: "o-1", items: [] });
 */
export async function checkExecutionInput(source: unknown, input: unknown): Promise<void> {
  await checkInputNowOrLater(source, input, {});
}
