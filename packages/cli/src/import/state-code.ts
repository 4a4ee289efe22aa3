/**
 * One ASL state as a builder factory call: `pass("Name", { … })`. Fields with a builder option
 * become that option (readable selectors where the path is simple); every other field is kept
 * exactly under `raw`, the builder's escape hatch, so nothing is lost.
 */
import { isRecord, jsonataConditionCode, jsonPathConditionCode, ruleCondition, type ImportSet } from "./condition-code.ts";
import { jsonCode, objectCode } from "./json-code.ts";
import { jsonataExpression, jsonataSelectorCode, type JsonataRoot } from "./jsonata-code.ts";
import { itemBatcherOption, itemReaderOption, resultWriterAndLabelOptions } from "./map-code.ts";
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
  /** Code for the chain a transition slot (`catch:0`, `choice:1`, `default`) leads to. */
  target(slot: string, stateName: string): string;
  /**
   * The state is declared as a variable before its targets are written (it is shared, or a
   * loop's head): its Catchers become `.catch()` methods in `edges`, so a target can `goto` it.
   */
  readonly declaredFirst: boolean;
  /** Code for a nested block (Parallel branch, Map processor): a function of fresh factories. */
  block(definition: Record<string, unknown>, hint: string): string;
}

/** A factory call without its receiver (`task("Charge", resource("arn"), { … })`). */
export interface StateCall {
  readonly call: string;
  /**
   * What is appended after the call: Choice rules (`.when(…).otherwise(…)`), `.retry()` and
   * `.catch()`. A function, called once the state's own variable exists: the targets it writes
   * may jump back to the state (a loop through a Catcher or a Choice rule).
   */
  readonly edges: () => string;
}

const TRANSITION_KEYS = new Set(["Type", "Next", "End"]);

/** The factory call for a state whose transitions the builder makes. */
export function stateCall(name: string, state: AslState, ctx: StateContext): StateCall {
  const n = JSON.stringify(name);
  const rest = rawWithout(state, TRANSITION_KEYS);
  const type = state["Type"];
  switch (type) {
    case "Pass":
      return plain(`pass(${n}, ${passOptions(state, rest, ctx)})`);
    case "Task":
      return taskCall(n, state, rest, ctx);
    case "Choice":
      return choiceCall(n, state, rest, ctx);
    case "Wait":
      return plain(waitCall(n, rest, ctx));
    case "Succeed":
      return plain(`succeed(${n}${optionsArg(succeedOptions(rest, ctx))})`);
    case "Fail":
      return plain(`fail(${n}${optionsArg(failOptions(rest, ctx))})`);
    case "Parallel":
      return parallelCall(n, state, rest, ctx);
    case "Map":
      return mapCall(n, state, rest, ctx);
    default:
      // An unknown type: a Pass whose raw Type replaces its own keeps the state exactly.
      return plain(`pass(${n}, ${objectCode([["raw", jsonCode({ Type: type, ...rest })]])})`);
  }
}

const plain = (call: string, edges: () => string = () => ""): StateCall => ({ call, edges });
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

/** What a JSONata field can read: the state input (and the context), or its result too. */
const READS_INPUT: readonly JsonataRoot[] = ["input", "context"];
const READS_RESULT: readonly JsonataRoot[] = ["input", "result", "context"];
type JsonataField = readonly [key: string, option: string, roots: readonly JsonataRoot[]];
const OUTPUT_OF_INPUT: readonly JsonataField[] = [["Output", "output", READS_INPUT], ["Assign", "assign", READS_INPUT]];
const OUTPUT_OF_RESULT: readonly JsonataField[] = [["Output", "output", READS_RESULT], ["Assign", "assign", READS_RESULT]];

/** A JSONata state's fields as selector options, in the order given (TypeScript infers in option order). */
function jsonataOptions(rest: Record<string, unknown>, props: [string, string | undefined][], ctx: StateContext, fields: readonly JsonataField[]): void {
  if (ctx.language !== "JSONata") return;
  for (const [key, option, roots] of fields) {
    if (!(key in rest) || (key === "Assign" && !isRecord(rest[key]))) continue;
    props.push([option, jsonataSelectorCode(take(rest, key), roots, ctx.imports)]);
  }
}

/**
 * A number field (`TimeoutSeconds`, `MaxConcurrency`…) as its option: a literal, a JSONPath
 * `…Path` read as a selector, or a JSONata expression. False when none fits (the field stays).
 */
function numberOption(rest: Record<string, unknown>, props: [string, string | undefined][], ctx: StateContext, key: string, option: string): boolean {
  const value = rest[key];
  const path = ctx.language === "JSONPath" ? simplePath(rest[`${key}Path`]) : undefined;
  if (typeof value === "number") props.push([option, jsonCode(take(rest, key))]);
  else if (ctx.language === "JSONata" && jsonataExpression(value) !== undefined) props.push([option, jsonataSelectorCode(take(rest, key), READS_INPUT, ctx.imports)]);
  else if (path !== undefined && path.length > 0 && value === undefined) {
    delete rest[`${key}Path`];
    props.push([option, selectorCode("input", path)]);
  } else return false;
  return true;
}

function passOptions(state: AslState, rest: Record<string, unknown>, ctx: StateContext): string {
  const props = common(state, ctx, rest);
  jsonataOptions(rest, props, ctx, OUTPUT_OF_INPUT);
  if (ctx.language === "JSONPath") {
    if ("Result" in rest) props.push(["result", jsonCode(take(rest, "Result"))]);
    const out = simplePath(rest["OutputPath"]);
    const alone = !("Parameters" in rest) && !("ResultPath" in rest) && !("InputPath" in rest) && !("Result" in state) && !("Assign" in rest);
    if (out !== undefined && out.length > 0 && alone) {
      delete rest["OutputPath"];
      props.push(["output", selectorCode("input", out)]);
    }
    if (rest["ResultPath"] === "$") delete rest["ResultPath"];
    const resultField = resultFieldCode(rest["ResultPath"]);
    // With a ResultPath, an InputPath chooses what is merged: the builder's `output` path says it.
    const merged = resultField !== undefined && !("Result" in state) && !("Parameters" in rest) ? simplePath(rest["InputPath"]) : undefined;
    if (merged !== undefined && merged.length > 0) {
      delete rest["InputPath"];
      props.push(["output", selectorCode("input", merged)]);
    }
    // Parameters build the Pass output from its input (unless InputPath narrowed that input first).
    const parameters = "InputPath" in rest || "Result" in state ? undefined : templateSelectorCode(rest["Parameters"], "input", ctx.imports);
    if (parameters !== undefined) {
      delete rest["Parameters"];
      props.push(["output", parameters]);
    }
    if (resultField !== undefined) {
      delete rest["ResultPath"];
      props.push(["resultField", resultField]);
    }
  }
  return withRaw(props, rest);
}

/** A ResultPath of field names (`$.a` or `$.a.b`) as `resultField` ("a" or ["a", "b"]); undefined for any other. */
function resultFieldCode(resultPath: unknown): string | undefined {
  const path = simplePath(resultPath);
  if (path === undefined || path.length === 0 || !path.every((s) => typeof s === "string")) return undefined;
  return path.length === 1 ? JSON.stringify(path[0]) : jsonCode(path);
}

/** InputPath, ResultPath and OutputPath as `arguments`, `resultField` and `output` where they are simple. */
function taskLikeData(rest: Record<string, unknown>, props: [string, string | undefined][], ctx: StateContext, allowArguments: boolean, taskToken = false): void {
  if (ctx.language !== "JSONPath") return;
  // "$" is each path field's default: the same state without it.
  for (const key of ["InputPath", "ResultPath", "OutputPath"]) if (rest[key] === "$") delete rest[key];
  const input = simplePath(rest["InputPath"]);
  if (allowArguments && input !== undefined && input.length > 0 && !("Parameters" in rest)) {
    delete rest["InputPath"];
    props.push(["arguments", selectorCode("input", input)]);
  }
  const parameters = allowArguments && !("InputPath" in rest) ? templateSelectorCode(rest["Parameters"], "input", ctx.imports, taskToken) : undefined;
  if (parameters !== undefined) {
    delete rest["Parameters"];
    props.push(["arguments", parameters]);
  }
  const selector = templateSelectorCode(rest["ResultSelector"], "result", ctx.imports);
  if (selector !== undefined) {
    delete rest["ResultSelector"];
    props.push(["output", selector]);
  }
  const resultField = resultFieldCode(rest["ResultPath"]);
  const kept = rest["ResultPath"] === null && selector === undefined && !("ResultSelector" in rest) ? simplePath(rest["OutputPath"] ?? "$") : undefined;
  if (kept !== undefined) {
    // `ResultPath: null` drops the result: the output is the input (or the OutputPath part of it).
    delete rest["ResultPath"];
    delete rest["OutputPath"];
    props.push(["output", selectorCode("input", kept)]);
  } else if (resultField !== undefined) {
    delete rest["ResultPath"];
    props.push(["resultField", resultField]);
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
  /** The Catchers' object literals; called when their targets may be written. */
  readonly catch: () => readonly string[];
}

/**
 * `retry` and `catch` options of a Task (the builder types Catchers given there), or, for a Task
 * declared before its targets, `.catch()` methods in its edges.
 */
function taskErrorHandling(state: AslState, rest: Record<string, unknown>, props: [string, string | undefined][], ctx: StateContext): () => string {
  const code = errorHandling(state, rest, ctx);
  if (code.retry.length > 0) props.push(["retry", `[${code.retry.join(", ")}]`]);
  if (ctx.declaredFirst) return () => code.catch().map((c) => `\n.catch(${c})`).join("");
  const specs = code.catch();
  if (specs.length > 0) props.push(["catch", `[${specs.join(", ")}]`]);
  return () => "";
}

/**
 * `.retry(…)` and `.catch(…)` after a Parallel or Map call: their options have no Retriers or
 * Catchers in the builder's types, and the methods add them in the same order.
 */
function errorHandlingMethods(state: AslState, rest: Record<string, unknown>, ctx: StateContext): () => string {
  const code = errorHandling(state, rest, ctx);
  return () => [...code.retry.map((r) => `\n.retry(${r})`), ...code.catch().map((c) => `\n.catch(${c})`)].join("");
}

const CATCHER_KEYS = new Set(["ErrorEquals", "Comment", "Next", "ResultPath"]);

/** Retriers and Catchers; Catch targets come from the block. Unusual entries stay raw as a whole list. */
function errorHandling(state: AslState, rest: Record<string, unknown>, ctx: StateContext): ErrorHandlingCode {
  const retry = rest["Retry"];
  let retryCode: string[] = [];
  if (Array.isArray(retry) && retry.length > 0 && retry.every((r) => isRecord(r) && Object.keys(r).every((k) => k in RETRY_KEYS))) {
    delete rest["Retry"];
    retryCode = retry.map((r) => objectCode(Object.entries(r as Record<string, unknown>).map(([k, v]) => [RETRY_KEYS[k] ?? k, jsonCode(v)])));
  }
  const catchers = (Array.isArray(state["Catch"]) ? state["Catch"] : []).filter((c): c is Record<string, unknown> => isRecord(c) && typeof c["Next"] === "string");
  // The builder links the targets; the original list is kept when it says more than the options can.
  const exact = catchers.every((c) => Object.keys(c).every((k) => CATCHER_KEYS.has(k)) && catcherOutput(c["ResultPath"], ctx) !== undefined);
  if (exact) delete rest["Catch"];
  const specs = (): string[] =>
    catchers.map((catcher, i) => {
      const spec: [string, string | undefined][] = [["errors", jsonCode(catcher["ErrorEquals"] ?? [])]];
      if (typeof catcher["Comment"] === "string") spec.push(["comment", JSON.stringify(catcher["Comment"])]);
      spec.push(["output", catcherOutput(catcher["ResultPath"], ctx)?.code]);
      spec.push(["next", ctx.target(`catch:${i}`, String(catcher["Next"]))]);
      return objectCode(spec);
    });
  return { retry: retryCode, catch: specs };
}

/**
 * A Catcher's `ResultPath` as its `output` option (code undefined: the default, the error output),
 * or undefined when no option says it.
 */
function catcherOutput(resultPath: unknown, ctx: StateContext): { readonly code: string | undefined } | undefined {
  if (resultPath === undefined || resultPath === "$") return { code: undefined };
  if (ctx.language !== "JSONPath") return undefined;
  // `null` discards the error output: what goes on is the state's input.
  if (resultPath === null) return { code: "($) => $.input" };
  if (typeof resultPath !== "string") return undefined;
  ctx.imports.add("jsonPath");
  return { code: `() => jsonPath(${JSON.stringify(resultPath)})` };
}

function taskCall(n: string, state: AslState, rest: Record<string, unknown>, ctx: StateContext): StateCall {
  const props = common(state, ctx, rest);
  const resource = take(rest, "Resource");
  ctx.imports.add("resource");
  // Where the builder offers `$.context.Task.Token`: a callback ARN, or one it cannot see (task-resource.ts' IsCallbackArn).
  const taskToken = typeof resource === "string" && (resource.endsWith(".waitForTaskToken") || resource.includes("${"));
  taskLikeData(rest, props, ctx, true, taskToken);
  jsonataOptions(rest, props, ctx, [["Arguments", "arguments", taskToken ? [...READS_INPUT, "taskToken"] : READS_INPUT], ...OUTPUT_OF_RESULT]);
  numberOption(rest, props, ctx, "TimeoutSeconds", "timeoutSeconds");
  numberOption(rest, props, ctx, "HeartbeatSeconds", "heartbeatSeconds");
  const edges = taskErrorHandling(state, rest, props, ctx);
  const options = withRaw(props, rest);
  // Error names the Retriers and Catchers list besides States.*: declared on the resource, so
  // the builder's typed error names accept them.
  const errors = declaredErrors(state);
  // The result is untyped JSON like the workflow's input, so what follows can read it.
  const resourceOptions = `, ${objectCode([["output", "untyped()"], ["errors", errors.length === 0 ? undefined : jsonCode(errors)]])}`;
  return plain(`task(${n}, resource(${JSON.stringify(resource)}${resourceOptions})${optionsArg(options)})`, edges);
}

function choiceCall(n: string, state: AslState, rest: Record<string, unknown>, ctx: StateContext): StateCall {
  const props = common(state, ctx, rest);
  jsonataOptions(rest, props, ctx, OUTPUT_OF_INPUT);
  const choices = (Array.isArray(state["Choices"]) ? state["Choices"] : []).filter((c): c is Record<string, unknown> => isRecord(c) && typeof c["Next"] === "string");
  const tests = choices.map((rule) => (ctx.language === "JSONata" ? jsonataConditionCode(rule["Condition"], ctx.imports) : jsonPathConditionCode(ruleCondition(rule), ctx.imports)));
  // A JSONata rule's Output and Assign are rule options; the rest of a rule is its condition.
  const ruleRests = choices.map((rule) => ({ ...rule }));
  const ruleProps = ruleRests.map((rule) => {
    const ruleProps: [string, string | undefined][] = [["comment", typeof rule["Comment"] === "string" ? JSON.stringify(rule["Comment"]) : undefined]];
    jsonataOptions(rule, ruleProps, ctx, OUTPUT_OF_INPUT);
    return ruleProps;
  });
  // A rule the builder cannot say keeps the original list (the builder still links the targets).
  const exact = ruleRests.every(
    (rule, i) => tests[i] !== undefined && !("Assign" in rule) && !("Output" in rule) && (ctx.language === "JSONPath" || Object.keys(ruleCondition(rule)).every((k) => k === "Condition")),
  );
  delete rest["Choices"];
  if (!exact) rest["Choices"] = state["Choices"];
  const fallback = take(rest, "Default");
  const options = withRaw(props, rest);
  const rules = (): string => {
    const when = choices.map((rule, i) => {
      const test = tests[i] ?? (ctx.imports.add("jsonataCondition"), `jsonataCondition("true")`);
      const ruleOptions = optionsArg(objectCode(ruleProps[i] ?? []));
      return `\n.when(${test.includes("$.input") ? "($)" : "()"} => ${test}, ${ctx.target(`choice:${i}`, String(rule["Next"]))}${ruleOptions})`;
    });
    const otherwise = typeof fallback === "string" ? `\n.otherwise(${ctx.target("default", fallback)})` : "";
    return `${when.join("")}${otherwise}`;
  };
  return plain(`choice(${n}${optionsArg(options)})`, rules);
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function waitCall(n: string, rest: Record<string, unknown>, ctx: StateContext): string {
  const props = common(rest, ctx, rest);
  const stamp = rest["Timestamp"];
  const bySeconds = numberOption(rest, props, ctx, "Seconds", "seconds");
  if (bySeconds) {
    // `seconds` says it; nothing else to take.
  } else if (typeof stamp === "string" && TIMESTAMP.test(stamp)) {
    ctx.imports.add("timestamp");
    props.push(["timestamp", `timestamp(${JSON.stringify(take(rest, "Timestamp"))})`]);
  } else if (ctx.language === "JSONata" && jsonataExpression(stamp) !== undefined) {
    props.push(["timestamp", jsonataSelectorCode(take(rest, "Timestamp"), READS_INPUT, ctx.imports)]);
  } else if (ctx.language === "JSONPath" && (typeof rest["SecondsPath"] === "string" || typeof rest["TimestampPath"] === "string")) {
    // A path: readable when simple, else the path itself (`jsonPath("$.a['b']")`).
    const [key, option] = typeof rest["SecondsPath"] === "string" ? ["SecondsPath", "seconds"] : ["TimestampPath", "timestamp"];
    const path = String(take(rest, key));
    const segments = simplePath(path);
    if (segments === undefined) ctx.imports.add("jsonPath");
    props.push([option, segments === undefined ? `() => jsonPath(${JSON.stringify(path)})` : selectorCode("input", segments)]);
  } else {
    // No option fits: the whole state as raw fields on a Pass.
    return `pass(${n}, ${withRaw(props, { Type: "Wait", ...rest })})`;
  }
  jsonataOptions(rest, props, ctx, OUTPUT_OF_INPUT);
  return `wait(${n}, ${withRaw(props, rest)})`;
}

function succeedOptions(rest: Record<string, unknown>, ctx: StateContext): string {
  const props = common(rest, ctx, rest);
  jsonataOptions(rest, props, ctx, [["Output", "output", READS_INPUT]]);
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

function parallelCall(n: string, state: AslState, rest: Record<string, unknown>, ctx: StateContext): StateCall {
  const props = common(state, ctx, rest);
  const branches = Array.isArray(state["Branches"]) ? state["Branches"] : [];
  delete rest["Branches"];
  props.push(["branches", `[${branches.map((b, i) => ctx.block(isRecord(b) ? b : {}, `branch${i + 1}`)).join(", ")}]`]);
  taskLikeData(rest, props, ctx, false);
  jsonataOptions(rest, props, ctx, OUTPUT_OF_RESULT);
  props.push(declaredErrorsOption(state));
  const methods = errorHandlingMethods(state, rest, ctx);
  return plain(`parallel(${n}, ${withRaw(props, rest)})`, methods);
}

function mapCall(n: string, state: AslState, rest: Record<string, unknown>, ctx: StateContext): StateCall {
  const props = common(state, ctx, rest);
  if (ctx.language === "JSONPath") {
    const items = simplePath(rest["ItemsPath"]);
    if (items !== undefined && items.length > 0) {
      delete rest["ItemsPath"];
      props.push(["items", selectorCode("input", items)]);
    }
  }
  jsonataOptions(rest, props, ctx, [["Items", "items", READS_INPUT]]);
  itemReaderOption(rest, props, ctx.language, ctx.imports);
  // `Parameters` is a Map's legacy name for `ItemSelector`. Written before `processor`: TypeScript
  // infers the processor's input from it, reading the options in order.
  const selectorKey = "ItemSelector" in rest ? "ItemSelector" : "Parameters";
  const itemSelector = ctx.language === "JSONPath" && !("InputPath" in rest) && !(selectorKey === "Parameters" && "ItemSelector" in rest) ? templateSelectorCode(rest[selectorKey], "item", ctx.imports) : undefined;
  if (itemSelector !== undefined) {
    delete rest[selectorKey];
    props.push(["itemSelector", itemSelector]);
  }
  jsonataOptions(rest, props, ctx, [["ItemSelector", "itemSelector", READS_INPUT]]);
  itemBatcherOption(rest, props);
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
  numberOption(rest, props, ctx, "MaxConcurrency", "maxConcurrency");
  numberOption(rest, props, ctx, "ToleratedFailureCount", "toleratedFailureCount");
  numberOption(rest, props, ctx, "ToleratedFailurePercentage", "toleratedFailurePercentage");
  resultWriterAndLabelOptions(rest, props, ctx.language);
  taskLikeData(rest, props, ctx, false);
  jsonataOptions(rest, props, ctx, OUTPUT_OF_RESULT);
  props.push(declaredErrorsOption(state));
  const methods = errorHandlingMethods(state, rest, ctx);
  return plain(`map(${n}, ${withRaw(props, rest)})`, methods);
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
