import { randomUUID } from "node:crypto";
import { StatesError, isStatesError } from "../errors.ts";
import { PartialStatesError } from "../engine/failure.ts";
import { isLambdaFunctionArn, parseLambdaFunction } from "./lambda-arn.ts";
import { isActivityArn } from "./activity-arn.ts";
import { lambdaErrorCause, lambdaErrorPayload, thrownNonError, unserializableLambdaResult } from "./lambda-errors.ts";
import { adoptResult, deepFreeze, UnserializableResult } from "./freeze.ts";
import { dataLimitExceeded, jsonByteSize, jsonTextExceedsLimit, MAX_PAYLOAD_BYTES } from "./payload-size.ts";
import { RawPayload } from "./raw-payload.ts";
import { recordNumberTexts } from "../data/number-text.ts";
import type { LambdaErrorFormat, ResolvedTask, TaskCallContext, TaskHandler, TaskResolver } from "./types.ts";

/**
 * A built-in task's `invoke` in three parts, so that the engine can finish the task in the same
 * promise step as its handler's answer instead of adding a `then` for the result check (see
 * PendingStep in engine/state-shell.ts): `call` returns the handler's raw answer (a native
 * promise or a value), `settle` turns it into the result (and may throw, e.g.
 * States.DataLimitExceeded), `fail` turns what the handler threw or rejected with into the
 * failure `invoke` would give (always throws). `invoke` equals their composition.
 */
export interface TaskSplit {
  call(input: unknown, context: TaskCallContext): unknown;
  settle(raw: unknown): unknown;
  fail(error: unknown): never;
}

/**
 * Keyed by the `invoke` function rather than stored on the (public) ResolvedTask: a resolver
 * that wraps a task (`{ ...task, invoke: wrapped }`) must not have its wrapper bypassed.
 */
const SPLITS = new WeakMap<ResolvedTask["invoke"], TaskSplit>();

/** The parts of a built-in task's `invoke`, if it is one (looked up once per Task state). */
export function taskSplit(task: ResolvedTask): TaskSplit | undefined {
  return SPLITS.get(task.invoke);
}

/** How Task resources are bound to local code. */
export interface TaskBindingOptions {
  /** Handlers keyed by Task `Resource`, Lambda function ARN, or Lambda function name. */
  readonly tasks?: Readonly<Record<string, TaskHandler>> | undefined;
  readonly lambdaErrorFormat: LambdaErrorFormat;
  readonly region: string;
  readonly accountId: string;
  /** Results larger than this fail with States.DataLimitExceeded (default 256 KiB). */
  readonly maxPayloadBytes?: number;
  /**
   * How handlers are kept from changing state data: `freeze` (default, no copying: handlers get
   * deep-frozen events and their results are frozen) or `copy` (each handler gets its own JSON
   * copy, as a Lambda would; slower on large payloads).
   */
  readonly taskDataIsolation?: TaskDataIsolation;
}

/** See {@link TaskBindingOptions.taskDataIsolation}. */
export type TaskDataIsolation = "freeze" | "copy";

const LAMBDA_INVOKE = /^arn:aws[a-zA-Z-]*:states:::lambda:invoke$/;

/** Builds the default resolver: direct Lambda ARNs, `lambda:invoke`, and exact-resource bindings. */
export function createTaskResolver(options: TaskBindingOptions): TaskResolver {
  const bindings = new Map<string, TaskHandler>(Object.entries(options.tasks ?? {}));
  const limit = options.maxPayloadBytes ?? MAX_PAYLOAD_BYTES;
  const copying = options.taskDataIsolation === "copy";
  // Module-level functions rather than closures made per resolver: the hot calls below then have
  // the same target in every prepared machine, so code V8 optimised while a first machine ran
  // stays valid for the next one (a closure per machine deoptimised it: "wrong call target").
  const isolate: (value: unknown) => unknown = copying ? copyJson : deepFreeze;
  // What the Lambda runtime reports when it cannot send a function's result (made once).
  const lambdaNotJson: NotJson = (reason) => unserializableLambdaResult(reason, options.lambdaErrorFormat);
  const findFunction = (ref: string): TaskHandler | undefined => {
    const exact = bindings.get(ref);
    if (exact) return exact;
    const parsed = parseLambdaFunction(ref);
    if (!parsed) return undefined;
    const region = parsed.region ?? options.region;
    const account = parsed.accountId ?? options.accountId;
    return (
      bindings.get(`arn:aws:lambda:${region}:${account}:function:${parsed.name}`) ?? bindings.get(parsed.name)
    );
  };
  const hasLambdaBindings = [...bindings.keys()].some((k) => isLambdaFunctionArn(k) || parseLambdaFunction(k));
  const functionArn = (ref: string): string => {
    const p = parseLambdaFunction(ref);
    if (!p) return ref;
    return `arn:aws:lambda:${p.region ?? options.region}:${p.accountId ?? options.accountId}:function:${p.name}:${p.qualifier ?? "$LATEST"}`;
  };

  return (resource, stateName) => {
    if (isLambdaFunctionArn(resource)) {
      const handler = findFunction(resource);
      if (!handler && !hasLambdaBindings) return unbound(resource, stateName);
      // Made once per Task state, not per call: a task chain calls these for every visit.
      const onResult = (r: unknown): unknown => measuredResult(r, resource, limit, copying, lambdaNotJson);
      const onError = (e: unknown): never => lambdaError(e, options.lambdaErrorFormat, true, copying);
      const call = (input: unknown, ctx: TaskCallContext): unknown => {
        if (!handler) throw notFound(functionArn(resource));
        return asNativePromise(handler(isolate(input), ctx));
      };
      // `invoke` = fail(what call throws) | settle(call's answer), one `then` when it is a promise.
      const task = resolvedTask("lambda-function", "lambda", "invoke", (input, ctx) => {
        if (!handler) throw notFound(functionArn(resource));
        return callLambda(handler, isolate(input), ctx, onResult, onError);
      });
      SPLITS.set(task.invoke, { call, settle: onResult, fail: onError });
      return task;
    }
    if (LAMBDA_INVOKE.test(resource)) {
      const onInvokeResult = (r: unknown): unknown => invokeResponse(measuredResult(r, "lambda", limit, copying, lambdaNotJson));
      const onInvokeError = (e: unknown): never => lambdaError(e, options.lambdaErrorFormat, false, copying);
      return resolvedTask("service", "lambda", "invoke", (input, ctx) => {
        const params = (input ?? {}) as Record<string, unknown>;
        const name = params["FunctionName"];
        if (typeof name !== "string") {
          throw new StatesError("States.Runtime", `The field 'FunctionName' is required for resource ${resource}`);
        }
        const handler = findFunction(name);
        if (!handler) throw notFound(functionArn(name));
        const event = lambdaEvent(params["Payload"], isolate);
        return callLambda(handler, event, ctx, onInvokeResult, onInvokeError);
      });
    }
    const handler = bindings.get(resource);
    if (!handler) return unbound(resource, stateName);
    const [service, action] = serviceParts(resource);
    return resolvedTask(isActivityArn(resource) ? "activity" : "service", service, action, (input, ctx) =>
      andThen(asNativePromise(handler(isolate(input), ctx)), (r) => measuredResult(r, resource, limit, copying, serviceNotJson(resource))),
    );
  };
}

/** Builds a ResolvedTask (its history details are made once). */
export function resolvedTask(
  kind: ResolvedTask["kind"],
  resourceType: string,
  resourceAction: string,
  invoke: ResolvedTask["invoke"],
): ResolvedTask {
  return { kind, resourceType, resourceAction, eventDetails: { resourceType, resource: resourceAction }, invoke };
}

function serviceParts(resource: string): [string, string] {
  const m = /^arn:aws[a-zA-Z-]*:states:::([^:]+):(.+)$/.exec(resource);
  if (m) return [m[1]!, m[2]!];
  return ["activity", resource];
}

function unbound(resource: string, stateName: string): ResolvedTask {
  return resolvedTask("service", "unbound", resource, () => {
    throw new StatesError(
      "States.Runtime",
      `The Task state '${stateName}' uses the resource '${resource}', which is not bound to a local handler. ` +
        `Bind it with prepareStateMachine(definition, { tasks: { '${resource}': async (input) => result } }).`,
    );
  });
}

function notFound(arn: string): StatesError {
  return new StatesError(
    "Lambda.ResourceNotFoundException",
    `Function not found: ${arn} (Service: AWSLambda; Status Code: 404; Error Code: ResourceNotFoundException; Request ID: ${randomUUID()}; Proxy: null)`,
  );
}

/** What a Lambda receives for a `Payload`: a string is the request body (JSON text), absent/null is `{}`. */
function lambdaEvent(payload: unknown, isolate: (value: unknown) => unknown): unknown {
  if (payload === undefined || payload === null) return {};
  if (typeof payload === "string") {
    try {
      return JSON.parse(payload) as unknown;
    } catch {
      return payload;
    }
  }
  return isolate(payload);
}

/** A private JSON copy, as a Lambda would deserialise its event. */
function copyJson(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  return JSON.parse(JSON.stringify(value)) as unknown;
}

/** Calls a function and turns what it throws into the Lambda error AWS reports (name = errorType). */
function callLambda(
  handler: TaskHandler,
  event: unknown,
  ctx: TaskCallContext,
  onResult: (result: unknown) => unknown,
  /** Turns what the function threw into its Lambda error (see lambdaError). */
  onError: (error: unknown) => never,
): unknown {
  let out: unknown;
  try {
    out = asNativePromise(handler(event, ctx));
  } catch (e) {
    return onError(e);
  }
  // One hop for both outcomes: the result check must not see the function's own errors.
  // (Both callbacks are made once per Task state: this runs once per task.)
  return out instanceof Promise ? out.then(onResult, onError) : onResult(out);
}

/** What a function threw, as the Lambda error AWS reports (name = errorType, cause = error payload). */
function lambdaError(e: unknown, format: LambdaErrorFormat, legacyResource: boolean, copying: boolean): never {
  if (isStatesError(e)) throw e;
  // The Node.js runtime reports a thrown non-Error (a string, null…) by its typeof, without a trace.
  if (!(e instanceof Error) && format === "nodejs") throw thrownNonError(e);
  const err = e instanceof Error ? e : new Error(String(e));
  const errorType = err.name;
  const message = !copying && err instanceof TypeError && FROZEN_MUTATION.test(err.message) ? `${err.message}${FROZEN_HINT}` : err.message;
  const payload = lambdaErrorPayload(errorType, message, err.stack, format);
  throw new PartialStatesError(errorType, lambdaErrorCause(payload, legacyResource && format === "python"));
}

/** A handler may return any thenable; the engine only recognises native promises. */
function asNativePromise(value: unknown): unknown {
  if (value instanceof Promise || value === null || typeof value !== "object") return value;
  const then = (value as { then?: unknown }).then;
  return typeof then === "function" ? Promise.resolve(value) : value;
}

/** Applies `f` to a value that may be a promise. */
function andThen(value: unknown, f: (v: unknown) => unknown): unknown {
  return value instanceof Promise ? value.then(f) : f(value);
}

/** What V8 says when code changes a frozen object. */
const FROZEN_MUTATION = /read only|read-only|not extensible|Cannot (assign|add|delete|define)/;
const FROZEN_HINT =
  " (stepcraft passes task handlers deep-frozen events to avoid copying: copy the event before changing it, or prepare the machine with { taskDataIsolation: 'copy' })";

/** The error for a result JSON.stringify rejects, given its reason. */
type NotJson = (reason: string) => StatesError;

/** A non-Lambda task handler returned something that is not JSON data. */
function serviceNotJson(resource: string): NotJson {
  return (reason) => new StatesError("States.Runtime", `The task handler bound to '${resource}' returned a result that is not JSON data (${reason}). Return plain JSON values.`);
}

/** The function's result as JSON data, failing with States.DataLimitExceeded when over the limit. */
function measuredResult(result: unknown, who: string, limit: number, copying: boolean, notJson: NotJson): unknown {
  try {
    return measuredJson(result, who, limit, copying);
  } catch (error) {
    if (error instanceof UnserializableResult) throw notJson(error.message);
    throw error;
  }
}

function measuredJson(result: unknown, who: string, limit: number, copying: boolean): unknown {
  if (!copying && !(result instanceof RawPayload)) {
    const value = result === undefined ? null : adoptResult(result);
    if (limit !== Number.POSITIVE_INFINITY && jsonByteSize(value) > limit) throw dataLimitExceeded(who);
    return value;
  }
  let text: string;
  let value: unknown;
  if (result instanceof RawPayload) {
    text = result.text;
    try {
      value = JSON.parse(text) as unknown;
      recordNumberTexts(text, value);
    } catch {
      value = text;
    }
  } else {
    text = stringifyResult(result);
    value = result === undefined ? null : (JSON.parse(text) as unknown);
  }
  if (jsonTextExceedsLimit(text, limit)) throw dataLimitExceeded(who);
  return copying ? value : deepFreeze(value);
}

/** JSON.stringify as the Lambda runtime applies it to a result, its failure an UnserializableResult. */
function stringifyResult(result: unknown): string {
  try {
    return JSON.stringify(result) ?? "null";
  } catch (error) {
    throw new UnserializableResult(error instanceof Error ? error.message : String(error));
  }
}

function invokeResponse(payload: unknown): Record<string, unknown> {
  const length = String((JSON.stringify(payload) ?? "").length);
  const requestId = randomUUID();
  const date = new Date().toUTCString();
  return {
    ExecutedVersion: "$LATEST",
    Payload: payload,
    SdkHttpMetadata: {
      AllHttpHeaders: {
        "X-Amz-Executed-Version": ["$LATEST"],
        "x-amzn-Remapped-Content-Length": ["0"],
        Connection: ["keep-alive"],
        "x-amzn-RequestId": [requestId],
        "Content-Length": [length],
        Date: [date],
        "Content-Type": ["application/json"],
      },
      HttpHeaders: {
        Connection: "keep-alive",
        "Content-Length": length,
        "Content-Type": "application/json",
        Date: date,
        "X-Amz-Executed-Version": "$LATEST",
        "x-amzn-Remapped-Content-Length": "0",
        "x-amzn-RequestId": requestId,
      },
      HttpStatusCode: 200,
    },
    SdkResponseMetadata: { RequestId: requestId },
    StatusCode: 200,
  };
}
