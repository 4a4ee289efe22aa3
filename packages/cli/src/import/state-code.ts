/**
 * One ASL state as a builder factory call: `pass("Name", { … })`. Fields with a builder option
 * become that option (readable selectors where the path is simple); every other field is kept
 * exactly under `raw`, the builder's escape hatch, so nothing is lost.
 */
import { isRecord, jsonataConditionCode, jsonPathConditionCode, ruleCondition, type ImportSet } from "./condition-code.ts";
import { jsonCode, objectCode } from "./json-code.ts";
import { selectorCode, simplePath } from "./selector-code.ts";
import { templateSelectorCode } from "./template-code.ts";

export type AslState = Record<string, unknown>;

/** What a state's code needs from the block being generated. */
export interface StateContext {
  readonly imports: ImportSet;
  /** The query language the state's fields are written in. */
  readonly language: "JSONPath" | "JSONata";
  /** The workflow's language (a state option is written only when it differs). */
  readonly workflowLanguage: "JSONPath" | "JSONata";
  /**
   * Code for the chain a transition slot (`catch:0`) leads to; undefined when the builder cannot
   * link it yet (a jump back to a state whose declaration contains this one). The state then
   * keeps its exact list raw and links the rest.
   */
  target(slot: string, stateName: string): string | undefined;
  /** Code for a nested block (Parallel branch, Map processor): a function of fresh factories. */
  block(definition: Record<string, unknown>, hint: string): string;
}

/** A factory call without its receiver (`task("Charge", resource("arn"), { … })`). */
export interface StateCall {
  readonly call: string;
  /** Choice rules, appended after the call (`.when(…).otherwise(…)`). */
  readonly rules: string;
}

const TRANSITION_KEYS = new Set(["Type", "Next", "End"]);

/**
 * The state as a Succeed state whose `raw` sets its real type and transition: the escape hatch for
 * a state the builder must not connect itself (an `End` inside a Catch target that would otherwise
 * be joined to what follows the catching state, or a jump to a state still being built).
 */
export function closedStateCall(name: string, state: AslState, ctx: StateContext): StateCall {
  const raw = rawWithout(state, new Set());
  return { call: `succeed(${JSON.stringify(name)}, ${objectCode([...common(state, ctx, raw), ["raw", jsonCode(raw)]])})`, rules: "" };
}

/** The factory call for a state whose transitions the builder makes. */
export function stateCall(name: string, state: AslState, ctx: StateContext): StateCall {
  const n = JSON.stringify(name);
  const rest = rawWithout(state, TRANSITION_KEYS);
  const type = state["Type"];
  switch (type) {
    case "Pass":
      return plain(`pass(${n}, ${passOptions(state, rest, ctx)})`);
    case "Task":
      return plain(taskCall(n, state, rest, ctx));
    case "Choice":
      return choiceCall(n, state, rest, ctx);
    case "Wait":
      return plain(waitCall(n, rest, ctx));
    case "Succeed":
      return plain(`succeed(${n}${optionsArg(succeedOptions(rest, ctx))})`);
    case "Fail":
      return plain(`fail(${n}${optionsArg(failOptions(rest, ctx))})`);
    case "Parallel":
      return plain(parallelCall(n, state, rest, ctx));
    case "Map":
      return plain(mapCall(n, state, rest, ctx));
    default:
      // An unknown type: a Pass whose raw Type replaces its own keeps the state exactly.
      return plain(`pass(${n}, ${objectCode([["raw", jsonCode({ Type: type, ...rest })]])})`);
  }
}

const plain = (call: string): StateCall => ({ call, rules: "" });
const optionsArg = (options: string): string => (options === "{}" ? "" : `, ${options}`);

function rawWithout(state: AslState, drop: ReadonlySet<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(state)) if (!drop.has(k)) out[k] = v;
  return out;
}

/** `comment` and `queryLanguage`, taken out of `rest`. */
function common(state: AslState, ctx: StateContext, rest: Record<string, unknown>): [string, string | undefined][] {
  const props: [string, string | undefined][] = [];
  if (typeof state["Comment"] === "string") {
    props.push(["comment", JSON.stringify(state["Comment"])]);
    delete rest["Comment"];
  }
  const language = state["QueryLanguage"];
  if (language === "JSONPath" || language === "JSONata") {
    if (language !== ctx.workflowLanguage) props.push(["queryLanguage", JSON.stringify(language)]);
    delete rest["QueryLanguage"];
  }
  return props;
}

function take(rest: Record<string, unknown>, key: string): unknown {
  const value = rest[key];
  delete rest[key];
  return value;
}

function withRaw(props: [string, string | undefined][], rest: Record<string, unknown>): string {
  return objectCode([...props, ["raw", Object.keys(rest).length === 0 ? undefined : jsonCode(rest)]]);
}

function passOptions(state: AslState, rest: Record<string, unknown>, ctx: StateContext): string {
  const props = common(state, ctx, rest);
  if (ctx.language === "JSONPath") {
    if ("Result" in rest) props.push(["result", jsonCode(take(rest, "Result"))]);
    const out = simplePath(rest["OutputPath"]);
    const alone = !("Parameters" in rest) && !("ResultPath" in rest) && !("InputPath" in rest) && !("Result" in state) && !("Assign" in rest);
    if (out !== undefined && out.length > 0 && alone) {
      delete rest["OutputPath"];
      props.push(["output", selectorCode("input", out)]);
    }
    // Parameters build the Pass output from its input (unless InputPath narrowed that input first).
    const parameters = "InputPath" in rest || "Result" in state ? undefined : templateSelectorCode(rest["Parameters"], "input", ctx.imports);
    if (parameters !== undefined) {
      delete rest["Parameters"];
      props.push(["output", parameters]);
    }
  }
  return withRaw(props, rest);
}

/** InputPath, ResultPath and OutputPath as `arguments`, `resultField` and `output` where they are simple. */
function taskLikeData(rest: Record<string, unknown>, props: [string, string | undefined][], ctx: StateContext, allowArguments: boolean): void {
  if (ctx.language !== "JSONPath") return;
  // "$" is each path field's default: the same state without it.
  for (const key of ["InputPath", "ResultPath", "OutputPath"]) if (rest[key] === "$") delete rest[key];
  const input = simplePath(rest["InputPath"]);
  if (allowArguments && input !== undefined && input.length > 0 && !("Parameters" in rest)) {
    delete rest["InputPath"];
    props.push(["arguments", selectorCode("input", input)]);
  }
  const parameters = allowArguments && !("InputPath" in rest) ? templateSelectorCode(rest["Parameters"], "input", ctx.imports) : undefined;
  if (parameters !== undefined) {
    delete rest["Parameters"];
    props.push(["arguments", parameters]);
  }
  const selector = templateSelectorCode(rest["ResultSelector"], "result", ctx.imports);
  if (selector !== undefined) {
    delete rest["ResultSelector"];
    props.push(["output", selector]);
  }
  const resultPath = simplePath(rest["ResultPath"]);
  const kept = rest["ResultPath"] === null && selector === undefined && !("ResultSelector" in rest) ? simplePath(rest["OutputPath"] ?? "$") : undefined;
  if (kept !== undefined) {
    // `ResultPath: null` drops the result: the output is the input (or the OutputPath part of it).
    delete rest["ResultPath"];
    delete rest["OutputPath"];
    props.push(["output", selectorCode("input", kept)]);
  } else if (resultPath !== undefined && resultPath.length === 1 && typeof resultPath[0] === "string") {
    delete rest["ResultPath"];
    props.push(["resultField", JSON.stringify(resultPath[0])]);
  } else if (!("ResultPath" in rest) && !("ResultSelector" in rest) && selector === undefined) {
    const out = simplePath(rest["OutputPath"]);
    if (out !== undefined && out.length > 0) {
      delete rest["OutputPath"];
      props.push(["output", selectorCode("result", out)]);
    }
  }
}

const RETRY_KEYS: Record<string, string> = {
  ErrorEquals: "errors",
  IntervalSeconds: "intervalSeconds",
  MaxAttempts: "maxAttempts",
  BackoffRate: "backoffRate",
  MaxDelaySeconds: "maxDelaySeconds",
  JitterStrategy: "jitter",
  Comment: "comment",
};

/** Retriers and Catchers as code: each spec's object literal, in order. */
interface ErrorHandlingCode {
  readonly retry: readonly string[];
  readonly catch: readonly string[];
}

/** `retry` and `catch` options of a Task (the builder types Catchers given there). */
function taskErrorHandling(state: AslState, rest: Record<string, unknown>, props: [string, string | undefined][], ctx: StateContext): void {
  const code = errorHandling(state, rest, ctx);
  if (code.retry.length > 0) props.push(["retry", `[${code.retry.join(", ")}]`]);
  if (code.catch.length > 0) props.push(["catch", `[${code.catch.join(", ")}]`]);
}

/**
 * `.retry(…)` and `.catch(…)` after a Parallel or Map call: their options have no Retriers or
 * Catchers in the builder's types, and the methods add them in the same order.
 */
function errorHandlingMethods(state: AslState, rest: Record<string, unknown>, ctx: StateContext): string {
  const code = errorHandling(state, rest, ctx);
  return [...code.retry.map((r) => `\n.retry(${r})`), ...code.catch.map((c) => `\n.catch(${c})`)].join("");
}

/** Retriers and Catchers; Catch targets come from the block. Unusual entries stay raw as a whole list. */
function errorHandling(state: AslState, rest: Record<string, unknown>, ctx: StateContext): ErrorHandlingCode {
  const retry = rest["Retry"];
  let retryCode: string[] = [];
  if (Array.isArray(retry) && retry.length > 0 && retry.every((r) => isRecord(r) && Object.keys(r).every((k) => k in RETRY_KEYS))) {
    delete rest["Retry"];
    retryCode = retry.map((r) => objectCode(Object.entries(r as Record<string, unknown>).map(([k, v]) => [RETRY_KEYS[k] ?? k, jsonCode(v)])));
  }
  const catchers = state["Catch"];
  if (!Array.isArray(catchers) || catchers.length === 0) return { retry: retryCode, catch: [] };
  let exact = true;
  const specs = catchers.flatMap((c, i) => {
    const catcher = isRecord(c) ? c : {};
    const target = typeof catcher["Next"] === "string" ? ctx.target(`catch:${i}`, catcher["Next"]) : undefined;
    if (target === undefined) {
      exact = false;
      return [];
    }
    const spec: [string, string | undefined][] = [["errors", jsonCode(catcher["ErrorEquals"] ?? [])]];
    if (typeof catcher["Comment"] === "string") spec.push(["comment", JSON.stringify(catcher["Comment"])]);
    const resultPath = catcher["ResultPath"];
    if (typeof resultPath === "string" && ctx.language === "JSONPath" && resultPath !== "$") {
      ctx.imports.add("jsonPath");
      spec.push(["output", `() => jsonPath(${JSON.stringify(resultPath)})`]);
    }
    const known = new Set(["ErrorEquals", "Comment", "Next", "ResultPath"]);
    if (Object.keys(catcher).some((k) => !known.has(k)) || resultPath === null || (resultPath !== undefined && ctx.language !== "JSONPath")) exact = false;
    spec.push(["next", target]);
    return [objectCode(spec)];
  });
  // The builder links the targets; the original list is kept when it says more than the options can.
  if (exact) delete rest["Catch"];
  return { retry: retryCode, catch: specs };
}

function taskCall(n: string, state: AslState, rest: Record<string, unknown>, ctx: StateContext): string {
  const props = common(state, ctx, rest);
  const resource = take(rest, "Resource");
  ctx.imports.add("resource");
  taskLikeData(rest, props, ctx, true);
  for (const [field, option] of [["TimeoutSeconds", "timeoutSeconds"], ["HeartbeatSeconds", "heartbeatSeconds"]] as const) {
    if (typeof rest[field] === "number") props.push([option, jsonCode(take(rest, field))]);
  }
  taskErrorHandling(state, rest, props, ctx);
  const options = withRaw(props, rest);
  // Error names the Retriers and Catchers list besides States.*: declared on the resource, so
  // the builder's typed error names accept them.
  const errors = declaredErrors(state);
  // The result is untyped JSON like the workflow's input, so what follows can read it.
  const resourceOptions = `, ${objectCode([["output", "untyped()"], ["errors", errors.length === 0 ? undefined : jsonCode(errors)]])}`;
  return `task(${n}, resource(${JSON.stringify(resource)}${resourceOptions})${optionsArg(options)})`;
}

function choiceCall(n: string, state: AslState, rest: Record<string, unknown>, ctx: StateContext): StateCall {
  const props = common(state, ctx, rest);
  const choices = Array.isArray(state["Choices"]) ? state["Choices"] : [];
  let exact = true;
  const rules = choices.map((c, i) => {
    const rule = isRecord(c) ? c : {};
    const next = typeof rule["Next"] === "string" ? ctx.target(`choice:${i}`, rule["Next"]) : undefined;
    if (next === undefined) {
      exact = false;
      return "";
    }
    const condition = ruleCondition(rule);
    let test: string;
    if (ctx.language === "JSONata") {
      test = jsonataConditionCode(rule["Condition"], ctx.imports) ?? (ctx.imports.add("jsonataCondition"), `jsonataCondition("true")`);
      if (Object.keys(condition).some((k) => k !== "Condition")) exact = false;
    } else {
      test = jsonPathConditionCode(condition, ctx.imports);
    }
    if ("Assign" in rule || "Output" in rule) exact = false;
    const usesInput = test.includes("$.input");
    const ruleOptions = typeof rule["Comment"] === "string" ? `, { comment: ${JSON.stringify(rule["Comment"])} }` : "";
    return `\n.when(${usesInput ? "($)" : "()"} => ${test}, ${next}${ruleOptions})`;
  });
  delete rest["Choices"];
  if (!exact) rest["Choices"] = choices;
  const fallback = take(rest, "Default");
  const fallbackTarget = typeof fallback === "string" ? ctx.target("default", fallback) : undefined;
  if (typeof fallback === "string" && fallbackTarget === undefined) rest["Default"] = fallback;
  const otherwise = fallbackTarget === undefined ? "" : `\n.otherwise(${fallbackTarget})`;
  const options = withRaw(props, rest);
  return { call: `choice(${n}${optionsArg(options)})`, rules: `${rules.join("")}${otherwise}` };
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function waitCall(n: string, rest: Record<string, unknown>, ctx: StateContext): string {
  const props = common(rest, ctx, rest);
  const seconds = rest["Seconds"];
  const stamp = rest["Timestamp"];
  const secondsPath = ctx.language === "JSONPath" ? simplePath(rest["SecondsPath"]) : undefined;
  const stampPath = ctx.language === "JSONPath" ? simplePath(rest["TimestampPath"]) : undefined;
  if (typeof seconds === "number") {
    props.push(["seconds", jsonCode(take(rest, "Seconds"))]);
  } else if (typeof stamp === "string" && TIMESTAMP.test(stamp)) {
    ctx.imports.add("timestamp");
    props.push(["timestamp", `timestamp(${JSON.stringify(take(rest, "Timestamp"))})`]);
  } else if (secondsPath !== undefined && secondsPath.length > 0) {
    delete rest["SecondsPath"];
    props.push(["seconds", selectorCode("input", secondsPath)]);
  } else if (stampPath !== undefined && stampPath.length > 0) {
    delete rest["TimestampPath"];
    props.push(["timestamp", selectorCode("input", stampPath)]);
  } else {
    // No option fits (a JSONata or computed duration): the whole state as raw fields on a Pass.
    return `pass(${n}, ${withRaw(props, { Type: "Wait", ...rest })})`;
  }
  return `wait(${n}, ${withRaw(props, rest)})`;
}

function succeedOptions(rest: Record<string, unknown>, ctx: StateContext): string {
  const props = common(rest, ctx, rest);
  const out = ctx.language === "JSONPath" ? simplePath(rest["OutputPath"]) : undefined;
  if (out !== undefined && out.length > 0 && !("InputPath" in rest)) {
    delete rest["OutputPath"];
    props.push(["output", selectorCode("input", out)]);
  }
  return withRaw(props, rest);
}

function failOptions(rest: Record<string, unknown>, ctx: StateContext): string {
  const props = common(rest, ctx, rest);
  for (const [field, option] of [["Error", "error"], ["Cause", "cause"]] as const) {
    const value = rest[field];
    const path = ctx.language === "JSONPath" ? simplePath(rest[`${field}Path`]) : undefined;
    if (typeof value === "string" && !value.startsWith("{%")) props.push([option, jsonCode(take(rest, field))]);
    else if (path !== undefined && path.length > 0 && !(field in rest)) {
      delete rest[`${field}Path`];
      props.push([option, selectorCode("input", path)]);
    }
  }
  return withRaw(props, rest);
}

function parallelCall(n: string, state: AslState, rest: Record<string, unknown>, ctx: StateContext): string {
  const props = common(state, ctx, rest);
  const branches = Array.isArray(state["Branches"]) ? state["Branches"] : [];
  delete rest["Branches"];
  props.push(["branches", `[${branches.map((b, i) => ctx.block(isRecord(b) ? b : {}, `branch${i + 1}`)).join(", ")}]`]);
  taskLikeData(rest, props, ctx, false);
  props.push(declaredErrorsOption(state));
  const methods = errorHandlingMethods(state, rest, ctx);
  return `parallel(${n}, ${withRaw(props, rest)})${methods}`;
}

function mapCall(n: string, state: AslState, rest: Record<string, unknown>, ctx: StateContext): string {
  const props = common(state, ctx, rest);
  if (ctx.language === "JSONPath") {
    const items = simplePath(rest["ItemsPath"]);
    if (items !== undefined && items.length > 0) {
      delete rest["ItemsPath"];
      props.push(["items", selectorCode("input", items)]);
    }
  }
  // `Parameters` is a Map's legacy name for `ItemSelector`. Written before `processor`: TypeScript
  // infers the processor's input from it, reading the options in order.
  const selectorKey = "ItemSelector" in rest ? "ItemSelector" : "Parameters";
  const itemSelector = ctx.language === "JSONPath" && !("InputPath" in rest) && !(selectorKey === "Parameters" && "ItemSelector" in rest) ? templateSelectorCode(rest[selectorKey], "item", ctx.imports) : undefined;
  if (itemSelector !== undefined) {
    delete rest[selectorKey];
    props.push(["itemSelector", itemSelector]);
  }
  const processor = isRecord(rest["ItemProcessor"]) ? rest["ItemProcessor"] : isRecord(rest["Iterator"]) ? rest["Iterator"] : {};
  const processorKey = "ItemProcessor" in rest ? "ItemProcessor" : "Iterator";
  delete rest[processorKey];
  const { ProcessorConfig: config, ...block } = processor;
  const extra = Object.keys(block).filter((k) => k !== "StartAt" && k !== "States");
  if (isRecord(config) && config["Mode"] === "DISTRIBUTED") {
    props.push(["mode", `"distributed"`]);
    if (typeof config["ExecutionType"] === "string") props.push(["executionType", JSON.stringify(config["ExecutionType"])]);
  }
  const configKeys = isRecord(config) ? Object.keys(config).filter((k) => k !== "Mode" && k !== "ExecutionType") : [];
  props.push(["processor", ctx.block(block, "item")]);
  // Anything the processor option cannot say (extra keys) keeps the original block raw, under its own key.
  if (extra.length > 0 || configKeys.length > 0) rest[processorKey] = processor;
  if (typeof rest["MaxConcurrency"] === "number") props.push(["maxConcurrency", jsonCode(take(rest, "MaxConcurrency"))]);
  taskLikeData(rest, props, ctx, false);
  props.push(declaredErrorsOption(state));
  const methods = errorHandlingMethods(state, rest, ctx);
  return `map(${n}, ${withRaw(props, rest)})${methods}`;
}

/** The error names ASL defines (the builder's `StatesErrorName`): accepted without being declared. */
const STATES_ERRORS: ReadonlySet<string> = new Set([
  "States.ALL", "States.DataLimitExceeded", "States.ExceedToleratedFailureThreshold", "States.HeartbeatTimeout", "States.Http.Socket",
  "States.IntrinsicFailure", "States.ItemReaderFailed", "States.ResultWriterFailed", "States.NoChoiceMatched", "States.ParameterPathFailure",
  "States.Permissions", "States.QueryEvaluationError", "States.ResultPathMatchFailure", "States.Runtime", "States.TaskFailed", "States.Timeout",
  "States.BranchFailed",
]);

/** Error names a state's Retriers and Catchers list that are not ASL's own: the state must declare them. */
function declaredErrors(state: AslState): string[] {
  return [...new Set([...errorNames(state["Retry"]), ...errorNames(state["Catch"])])].filter((e) => !STATES_ERRORS.has(e));
}

/** `errors` for a Parallel or Map whose Retriers or Catchers name errors of their own (Fail states', custom ones). */
function declaredErrorsOption(state: AslState): [string, string | undefined] {
  const errors = declaredErrors(state);
  return ["errors", errors.length === 0 ? undefined : jsonCode(errors)];
}

function errorNames(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((entry) => (isRecord(entry) && Array.isArray(entry["ErrorEquals"]) ? entry["ErrorEquals"].filter((e): e is string => typeof e === "string") : []));
}
