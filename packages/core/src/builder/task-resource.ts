/**
 * Task resources: what a Task state calls. The input, result and error types ride along as
 * phantoms so `task()` can check arguments and offer typed Retry/Catch names.
 */
import type { Expr } from "../ir/expr-node.ts";
import type { LambdaDeclaration } from "../ir/lambda-declaration.ts";
import type { Json } from "./json.ts";
import type { StandardSchemaLike } from "./schema.ts";

declare const taskTypes: unique symbol;

/** Run-time description of how a resource is called. */
export interface TaskCall {
  readonly resource: string;
  /** Wraps the state's arguments (or its input, when none are given) into the integration's request. */
  readonly request?: (payload: Expr) => Expr;
  /** Where the handler's own result sits inside the integration's raw result (`Payload` for lambda:invoke). */
  readonly resultPath: readonly string[];
}

/**
 * What a Task state calls. `CB` is true for a resource with a task token (a `.waitForTaskToken`
 * callback): its `arguments` may read `$.context.Task.Token`, which AWS sets for those tasks only.
 */
export interface TaskResource<in TI, out TR, out TE extends string, out CB extends boolean = false> {
  /** Phantom types: the handler's input, its result, the errors it declares, and whether it waits for a callback. */
  readonly [taskTypes]: { readonly input: (input: TI) => void; readonly result: TR; readonly errors: TE; readonly callback: CB };
  readonly call: TaskCall;
}

/**
 * Whether a resource has a task token: only a callback (`.waitForTaskToken`) task does. AWS's
 * context object has `Task.Token` for callback tasks only, not for request-response or job-run
 * (`.sync`, `.sync:2`) ones, and the local runtime sets it the same way.
 */
export type HasTaskToken<P extends IntegrationPattern> = P extends "waitForTaskToken" ? true : false;

/**
 * Whether a resource ARN has a task token (see {@link HasTaskToken}). An ARN not known literally
 * might: a `string`, one with a `${…}` substitution placeholder, or any ARN when type arguments
 * are given explicitly (TypeScript then infers none of the others).
 */
export type IsCallbackArn<Arn extends string> = string extends Arn
  ? boolean
  : Arn extends `${string}.waitForTaskToken`
    ? true
    : Arn extends `${string}\${${string}}${string}`
      ? boolean
      : false;

/** Service-integration patterns: request-response, run a job (`.sync`), or wait for a callback. */
export type IntegrationPattern = "requestResponse" | "sync" | "sync:2" | "waitForTaskToken";

/** The errors every Lambda invocation may raise besides the function's own. */
export type LambdaServiceError =
  | "Lambda.ServiceException"
  | "Lambda.AWSLambdaException"
  | "Lambda.SdkClientException"
  | "Lambda.TooManyRequestsException"
  | "Lambda.Unknown";

/** Any Lambda handler: its event type and result type are read from it. */
export type AnyHandler = (event: never, ...rest: never[]) => unknown;
/** The event a handler takes. */
export type HandlerInput<H> = H extends (event: infer I, ...rest: never[]) => unknown ? I : unknown;
/** What a handler's promise resolves to. */
export type HandlerResult<H> = H extends (...args: never[]) => infer R ? Awaited<R> : unknown;

/**
 * What `lambda()` returns: a Task resource typed from the handler, and the declaration itself
 * (entry, loader, errors) for tooling that runs or deploys the handler. `TR` is the Task's result:
 * the handler's return value, or for a callback function what the callback sends.
 */
export interface LambdaFunction<H extends AnyHandler, TE extends string, TR = HandlerResult<H>, CB extends boolean = false>
  extends TaskResource<HandlerInput<H>, TR, TE, CB>, LambdaDeclaration {
  readonly load: () => Promise<H>;
}

export interface LambdaOptions<H extends AnyHandler, Errors extends readonly string[]> {
  /** Source file of the handler, bundled for AWS and run in-process locally. */
  readonly entry: string;
  /** Loads the handler; only its type is read by the builder: `() => import("./h.js").then((m) => m.handler)`. */
  readonly handler: () => Promise<H>;
  /** The error names the handler throws (its `errorType`s), for typed Retry and Catch. */
  readonly errors?: Errors;
  /** The Lambda function name or ARN in the compiled ASL. @default the task name */
  readonly functionName?: string;
  /** @default "requestResponse"; a callback function takes {@link CallbackLambdaOptions}. */
  readonly pattern?: "requestResponse";
  /** Only for `pattern: "waitForTaskToken"` (see {@link CallbackLambdaOptions}). */
  readonly callbackOutput?: never;
  /**
   * The event's schema (zod, any Standard Schema): `localTasks()` checks each event against it
   * before the handler runs. Its output type must fit the handler's event type.
   */
  readonly input?: StandardSchemaLike<HandlerInput<H>>;
  /** The result's schema: `localTasks()` checks what the handler returns against it. Its output type must fit the handler's result type. */
  readonly output?: StandardSchemaLike<HandlerResult<H>>;
}

/**
 * A callback function (`.waitForTaskToken`): the Task ends when someone calls `SendTaskSuccess`
 * with the token, and its result is that call's output, not what the function returns.
 */
export interface CallbackLambdaOptions<H extends AnyHandler, Errors extends readonly string[], CO> extends Omit<LambdaOptions<H, Errors>, "pattern" | "callbackOutput"> {
  readonly pattern: "waitForTaskToken";
  /**
   * The type of what the callback sends (`SendTaskSuccess`'s output), as a schema or
   * `typeOnly<T>()`: the Task's `$.result`. Without it the result is untyped `Json`, since the
   * handler's return value never reaches the workflow.
   */
  readonly callbackOutput?: StandardSchemaLike<CO>;
}

const taskResource = <TI, TR, TE extends string, CB extends boolean = false>(call: TaskCall): TaskResource<TI, TR, TE, CB> =>
  // The phantom member exists only in the type system.
  Object.freeze({ call }) as unknown as TaskResource<TI, TR, TE, CB>;

/**
 * A callback function (`pattern: "waitForTaskToken"`): the Task's result is what the callback sends,
 * typed by `callbackOutput` (untyped `Json` without it); input and errors come from the handler.
 */
export function lambda<H extends AnyHandler, const Errors extends readonly string[] = [], CO = Json>(
  name: string,
  options: CallbackLambdaOptions<H, Errors, CO>,
): LambdaFunction<H, Errors[number] | LambdaServiceError, CO, true>;
/** A Lambda function written in this repository; input, result and errors come from the handler's type. */
export function lambda<H extends AnyHandler, const Errors extends readonly string[] = []>(
  name: string,
  options: LambdaOptions<H, Errors>,
): LambdaFunction<H, Errors[number] | LambdaServiceError>;
export function lambda<H extends AnyHandler>(
  name: string,
  options: LambdaOptions<H, readonly string[]> | CallbackLambdaOptions<H, readonly string[], unknown>,
): LambdaFunction<H, string, unknown, boolean> {
  const pattern = options.pattern ?? "requestResponse";
  const functionName = options.functionName ?? name;
  const resource = taskResource<HandlerInput<H>, unknown, string, boolean>({
    resource: pattern === "waitForTaskToken" ? "arn:aws:states:::lambda:invoke.waitForTaskToken" : "arn:aws:states:::lambda:invoke",
    request: (payload) => ({ kind: "object", entries: [["FunctionName", { kind: "literal", value: functionName }], ["Payload", payload]] }),
    resultPath: pattern === "waitForTaskToken" ? [] : ["Payload"],
  });
  // A copy of `errors`: the declaration is frozen with the IR, the caller's array must not be.
  const declaration: LambdaDeclaration = {
    name,
    functionName,
    entry: options.entry,
    load: options.handler,
    errors: Object.freeze([...(options.errors ?? [])]),
    pattern,
    ...(options.input === undefined ? {} : { inputSchema: options.input }),
    ...(options.output === undefined ? {} : { outputSchema: options.output }),
    ...(options.callbackOutput === undefined ? {} : { callbackOutputSchema: options.callbackOutput }),
  };
  return Object.freeze({ ...resource, ...declaration }) as LambdaFunction<H, string, unknown, boolean>;
}

/** True for a resource built by `lambda()` (it carries its declaration). */
export function isLambdaFunction(resource: object): resource is LambdaDeclaration {
  const r = resource as Partial<Record<keyof LambdaDeclaration, unknown>>;
  return typeof r.load === "function" && typeof r.functionName === "string" && typeof r.entry === "string";
}

export interface IntegrationOptions<TI, TR, Errors extends readonly string[], P extends IntegrationPattern = IntegrationPattern> {
  /** @default "requestResponse" */
  readonly pattern?: P;
  /** The request's type, as a schema or `typeOnly<T>()`. */
  readonly input?: StandardSchemaLike<TI>;
  /** The response's type. */
  readonly output?: StandardSchemaLike<TR>;
  /** Error names the integration raises (`SQS.QueueDoesNotExistException`). */
  readonly errors?: Errors;
}

const suffix = (pattern: IntegrationPattern | undefined): string => (pattern === undefined || pattern === "requestResponse" ? "" : `.${pattern}`);

/** An optimized service integration: `arn:aws:states:::<service>:<action>[.sync|.waitForTaskToken]`. */
export function serviceIntegration<TI = unknown, TR = unknown, const Errors extends readonly string[] = [], const P extends IntegrationPattern = IntegrationPattern>(
  service: string,
  action: string,
  options: IntegrationOptions<TI, TR, Errors, P> = {},
): TaskResource<TI, TR, Errors[number], HasTaskToken<P>> {
  return taskResource({ resource: `arn:aws:states:::${service}:${action}${suffix(options.pattern)}`, resultPath: [] });
}

/** An AWS SDK integration: `arn:aws:states:::aws-sdk:<service>:<action>`. */
export function sdkIntegration<TI = unknown, TR = unknown, const Errors extends readonly string[] = [], const P extends IntegrationPattern = IntegrationPattern>(
  service: string,
  action: string,
  options: IntegrationOptions<TI, TR, Errors, P> = {},
): TaskResource<TI, TR, Errors[number], HasTaskToken<P>> {
  return taskResource({ resource: `arn:aws:states:::aws-sdk:${service}:${action}${suffix(options.pattern)}`, resultPath: [] });
}

/** Any resource ARN (an activity, a Lambda ARN, an HTTP task), typed by the caller. */
export function resource<TI = unknown, TR = unknown, const Errors extends readonly string[] = [], const Arn extends string = string>(
  arn: Arn,
  options: Omit<IntegrationOptions<TI, TR, Errors>, "pattern"> = {},
): TaskResource<TI, TR, Errors[number], IsCallbackArn<Arn>> {
  void options;
  return taskResource({ resource: arn, resultPath: [] });
}
