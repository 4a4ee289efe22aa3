/**
 * Runs a workflow's `lambda()` handlers in-process: `localTasks(workflow)` loads every handler the
 * workflow invokes and returns plain functions keyed the way the compiled ASL calls them. The
 * result fits the local runtime's `tasks` option structurally, so core never imports the runtime.
 */
import type { LambdaDeclaration } from "../ir/lambda-declaration.ts";
import type { AnyHandler, HandlerInput, HandlerResult, LambdaFunction } from "../builder/task-resource.ts";
import { checkAgainst } from "./schema-check.ts";

/** A local stand-in for a Lambda function: takes the event, resolves to the handler's result. */
export type LocalTask = (input: unknown) => Promise<unknown>;

/** Anything that lists the Lambda functions it invokes: a compiled workflow (`workflow.lambdas`). */
export interface LambdaSource {
  readonly lambdas: readonly LambdaDeclaration[];
}

/** A replacement for one function's handler, made by `override()`. */
export interface LocalOverride {
  readonly lambda: LambdaDeclaration;
  readonly handler: LocalTask;
}

export interface LocalTasksOptions {
  /** Handlers to use instead of loading the declared ones (their loaders are not called). */
  readonly overrides?: readonly LocalOverride[];
  /**
   * Check each event and result against the `input`/`output` schemas `lambda()` declares; a
   * mismatch fails the task with a `LambdaSchemaError` naming the function and every issue's path.
   * @default true
   */
  readonly checkSchemas?: boolean;
}

/**
 * Replaces a function's handler locally, typed from the declared handler: the event is what the
 * handler takes and the result must be what it returns.
 * @example override(reserve, async (event) => ({ reservationId: "r-test", sku: event.sku }))
 */
export function override<H extends AnyHandler>(
  // Any result type: a callback function's Task result is the callback's, its handler's is still `H`'s.
  fn: LambdaFunction<H, string, unknown>,
  handler: (event: HandlerInput<H>) => HandlerResult<H> | Promise<HandlerResult<H>>,
): LocalOverride {
  // The event arrives as JSON from the execution; the declared handler type is the contract it meets.
  return Object.freeze({ lambda: fn, handler: async (input: unknown) => handler(input as HandlerInput<H>) });
}

// Lambda's own grammar for FunctionName: a full ARN, a partial ARN (`123456789012:function:name`),
// or a name, each with an optional version or alias qualifier.
const FUNCTION_ARN = /^arn:aws[a-zA-Z-]*:lambda:[a-z0-9-]*:\d*:function:([A-Za-z0-9_-]+)(?::[A-Za-z0-9$_-]+)?$/;
const PARTIAL_ARN = /^\d{12}:function:([A-Za-z0-9_-]+)(?::[A-Za-z0-9$_-]+)?$/;

/** The bare function name inside an ARN or partial ARN; undefined when `functionName` is a name already. */
function bareName(functionName: string): string | undefined {
  return FUNCTION_ARN.exec(functionName)?.[1] ?? PARTIAL_ARN.exec(functionName)?.[1];
}

const sameDeclaration = (a: LambdaDeclaration, b: LambdaDeclaration): boolean => a.load === b.load && a.functionName === b.functionName && a.entry === b.entry;

function describe(d: LambdaDeclaration): string {
  return `lambda("${d.name}") (entry ${d.entry})`;
}

/** Loads one declared handler, with an error that says which declaration failed. */
async function loadHandler(d: LambdaDeclaration): Promise<LocalTask> {
  let loaded: unknown;
  try {
    loaded = await d.load();
  } catch (cause) {
    throw new Error(`could not load the handler of ${describe(d)}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
  if (typeof loaded !== "function") {
    throw new TypeError(`the handler loader of ${describe(d)} resolved to ${loaded === null ? "null" : typeof loaded}, not a function`);
  }
  const handler = loaded as (event: unknown) => unknown;
  // Called with the event only: there is no Lambda context object locally.
  return async (input: unknown) => handler(input);
}

/**
 * Wraps a handler with its declaration's schema checks. The handler gets the event as sent, not the
 * schema's parsed value: a deployed Lambda sees the raw event, and local runs must behave the same.
 */
function withSchemaChecks(d: LambdaDeclaration, handler: LocalTask): LocalTask {
  const { inputSchema, outputSchema } = d;
  if (inputSchema === undefined && outputSchema === undefined) return handler;
  const subject = describe(d);
  return async (input: unknown) => {
    if (inputSchema !== undefined) await checkAgainst(inputSchema, input, subject, "event");
    const result = await handler(input);
    if (outputSchema !== undefined) await checkAgainst(outputSchema, result, subject, "result");
    return result;
  };
}

/**
 * Loads the handler of every `lambda()` the workflow invokes and returns them keyed by each form
 * the ASL calls them by: the `FunctionName` as written, and the bare name inside an ARN. Pass the
 * result as the local runtime's `tasks`; spread your own bindings after it to add or replace some.
 *
 * Callback functions (`pattern: "waitForTaskToken"`) are left out: their result is not the task's
 * result, so a test answers the callback instead.
 * @example
 * const tasks = await localTasks(placeOrder);
 * const result = await testExecution(placeOrder, input, { tasks });
 */
export async function localTasks(workflow: LambdaSource, options: LocalTasksOptions = {}): Promise<Record<string, LocalTask>> {
  const declared = workflow.lambdas.filter((d) => d.pattern === "requestResponse");
  const overrides = options.overrides ?? [];
  for (const o of overrides) {
    if (!workflow.lambdas.some((d) => sameDeclaration(d, o.lambda))) {
      throw new Error(`override for ${describe(o.lambda)}: the workflow does not invoke that function`);
    }
  }
  const owners = new Map<string, LambdaDeclaration>();
  for (const d of declared) {
    const other = owners.get(d.functionName);
    if (other !== undefined && !sameDeclaration(other, d)) {
      throw new Error(`${describe(other)} and ${describe(d)} both invoke the function "${d.functionName}"; give each its own functionName`);
    }
    owners.set(d.functionName, d);
  }
  const loaded = await Promise.all(
    declared.map((d) => overrides.find((o) => sameDeclaration(o.lambda, d))?.handler ?? loadHandler(d)),
  );
  // Overrides are checked too: they stand in for the handler and must honour the same contract.
  const handlers = options.checkSchemas === false ? loaded : loaded.map((h, i) => withSchemaChecks(declared[i]!, h));
  const tasks: Record<string, LocalTask> = {};
  declared.forEach((d, i) => {
    tasks[d.functionName] = handlers[i]!;
  });
  // The bare-name alias is added only where no declared function already owns that key.
  declared.forEach((d, i) => {
    const bare = bareName(d.functionName);
    if (bare !== undefined && !(bare in tasks)) tasks[bare] = handlers[i]!;
  });
  return tasks;
}
