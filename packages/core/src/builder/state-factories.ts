/**
 * Run-time implementation of the state factories and chains. Every method returns a new object
 * over new graph data; nothing is mutated, so fragments can be stored, reused and branched.
 * The typed interfaces in `chain-types.ts` are applied once, where objects leave this module.
 */
import type { Expr, ObjectExpr } from "../ir/expr-node.ts";
import type { Catcher, NumberOrExpr, Retrier, StateKind, StateNode, StateNodeBase } from "../ir/state-node.ts";
import { captureSite, type CallSite } from "./call-site.ts";
import { chainData, type AnyChain, type CatchSpec, type RetrySpec, type StateOptions } from "./chain-types.ts";
import { conditionNode, rootRef, toExpr, toObjectExpr, variablesProxy } from "./ref-proxy.ts";
import {
  connectSlots,
  joinChains,
  newStateId,
  singleState,
  type ChainData,
  type Linker,
  type OpenEnd,
  type Slot,
  type StateDraft,
} from "./state-graph.ts";
import type { TaskResource } from "./task-resource.ts";
import { isValue, type Condition } from "./value.ts";

type Selector = (scope: never) => unknown;
type Options = { readonly [key: string]: unknown };

/** Drops `undefined` members so optional IR fields are absent rather than undefined. */
function defined<T extends object>(value: { [K in keyof T]: T[K] | undefined }): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

const inputScope = (): object => ({ input: rootRef("input"), vars: variablesProxy(), context: rootRef("context") });
const resultScope = (resultPath: readonly string[] = []): object => ({ ...inputScope(), result: rootRef("result", resultPath) });
const errorScope = (): object => ({ ...inputScope(), errorOutput: rootRef("errorOutput") });
const itemScope = (): object => ({
  ...inputScope(),
  item: rootRef("context", ["Map", "Item", "Value"]),
  index: rootRef("context", ["Map", "Item", "Index"]),
});

function select(selector: unknown, scope: object): Expr | undefined {
  return typeof selector === "function" ? toExpr((selector as (s: object) => unknown)(scope)) : undefined;
}

function selectAssign(selector: unknown, scope: object): ObjectExpr | undefined {
  return typeof selector === "function" ? toObjectExpr((selector as (s: object) => unknown)(scope)) : undefined;
}

/** A literal number, a `Value`, or a selector returning one. */
function numberOrExpr(value: unknown): NumberOrExpr | undefined {
  if (value === undefined) return undefined;
  if (typeof value === "number") return value;
  if (isValue(value)) return toExpr(value);
  if (typeof value === "function") return select(value, inputScope());
  throw new TypeError(`expected a number, a value or a selector, got ${typeof value}`);
}

function stringOrExpr(value: unknown): string | Expr | undefined {
  if (value === undefined || typeof value === "string") return value;
  const computed = numberOrExpr(value);
  if (typeof computed === "number") throw new TypeError("expected a string, a value or a selector, got a number");
  return computed;
}

function base(name: string, site: CallSite, options: Options): StateNodeBase {
  if (name.length === 0 || name.length > 80) throw new RangeError(`state name must be 1 to 80 characters: ${JSON.stringify(name)} (${site.text})`);
  return defined<StateNodeBase>({
    name,
    site: site.text,
    comment: options["comment"] as string | undefined,
    queryLanguage: options["queryLanguage"] as StateOptions["queryLanguage"],
    raw: options["raw"] as StateOptions["raw"],
  });
}

function draft(kind: StateKind, name: string, site: CallSite, slots: readonly Slot[], toNode: (link: Linker) => StateNode): StateDraft {
  return { id: newStateId(), name, kind, site, slots, terminal: kind === "succeed" || kind === "fail", toNode };
}

function retriers(specs: unknown): Retrier[] {
  return ((specs ?? []) as readonly RetrySpec<string>[]).map((r) =>
    defined<Retrier>({
      errors: [...r.errors],
      intervalSeconds: r.intervalSeconds,
      maxAttempts: r.maxAttempts,
      backoffRate: r.backoffRate,
      maxDelaySeconds: r.maxDelaySeconds,
      jitterStrategy: r.jitter,
      comment: r.comment,
    }),
  );
}

/** Catch specs, their slots, and the IR builder for them. */
function catchers(specs: unknown): { specs: readonly CatchSpec<unknown, unknown, string>[]; slots: Slot[] } {
  const list = (specs ?? []) as readonly CatchSpec<unknown, unknown, string>[];
  return { specs: list, slots: list.map((_, i): Slot => `catch:${i}`) };
}

function catchNodes(specs: readonly CatchSpec<unknown, unknown, string>[], link: Linker): Catcher[] {
  return specs.map((c, i) =>
    defined<Catcher>({
      errors: [...c.errors],
      next: link.target(`catch:${i}`),
      output: select(c.output, errorScope()),
      assign: selectAssign(c.assign, errorScope()),
      comment: c.comment,
    }),
  );
}

/** A state with a `next` slot and optional Catch targets, as a chain. */
function withCatches(d: StateDraft, specs: readonly CatchSpec<unknown, unknown, string>[], site: CallSite): ChainData {
  const single = singleState(d, ["next"]);
  if (specs.length === 0) return single;
  return connectSlots(
    single,
    specs.map((c, i) => ({ from: { state: d.id, slot: `catch:${i}` as Slot }, to: targetChain(c.next), site })),
    single.ends,
  );
}

/** Builds a nested or target graph from a function given fresh factories (branches, processors, `(s) => …` targets). */
function nestedChain(build: unknown): ChainData {
  const result = (build as (states: object) => AnyChain)(makeFactories((piece) => piece));
  return result[chainData];
}

/** The graph of a transition target: a chain, or a function building one. */
export function targetChain(target: unknown): ChainData {
  return typeof target === "function" ? nestedChain(target) : (target as AnyChain)[chainData];
}

type Emit = (piece: ChainData, site: CallSite) => ChainData;

/** The eight factories; `emit` decides whether a new state starts a chain or extends one. */
export function makeFactories(emit: Emit): object {
  return {
    pass(name: string, options: Options = {}) {
      const site = captureSite();
      const output = select(options["output"], inputScope());
      const assign = selectAssign(options["assign"], inputScope());
      const result = options["result"];
      const d = draft("pass", name, site, ["next"], (link) =>
        defined<StateNode>({ ...base(name, site, options), kind: "pass", transition: link.transition("next"), output, result: result as never, assign }),
      );
      return makeChain(emit(singleState(d, ["next"]), site));
    },

    task(name: string, resource: TaskResource<never, unknown, string>, options: Options = {}) {
      return withErrorHandling(emit, captureSite(), options, (site, options) => taskState(name, resource, options, site));
    },

    choice(name: string, options: Options = {}) {
      const site = captureSite();
      return makeChoice({ name, site, options, rules: [], emit });
    },

    wait(name: string, options: Options) {
      const site = captureSite();
      const seconds = numberOrExpr(options["seconds"]);
      const timestamp = stringOrExpr(options["timestamp"]);
      const output = select(options["output"], inputScope());
      const assign = selectAssign(options["assign"], inputScope());
      if ((seconds === undefined) === (timestamp === undefined)) throw new TypeError(`wait("${name}") needs exactly one of seconds or timestamp (${site.text})`);
      const d = draft("wait", name, site, ["next"], (link) =>
        defined<StateNode>({
          ...base(name, site, options),
          kind: "wait",
          transition: link.transition("next"),
          duration: seconds !== undefined ? { kind: "seconds", value: seconds } : { kind: "timestamp", value: timestamp ?? "" },
          output,
          assign,
        }),
      );
      return makeChain(emit(singleState(d, ["next"]), site));
    },

    succeed(name: string, options: Options = {}) {
      const site = captureSite();
      return makeChain(emit(succeedState(name, site, options), site));
    },

    fail(name: string, options: Options = {}) {
      const site = captureSite();
      return makeChain(emit(failState(name, site, options), site));
    },

    parallel(name: string, options: Options) {
      return withErrorHandling(emit, captureSite(), options, (site, options) => parallelState(name, options, site));
    },

    map(name: string, options: Options) {
      return withErrorHandling(emit, captureSite(), options, (site, options) => mapState(name, options, site));
    },
  };
}

function taskState(name: string, resource: TaskResource<never, unknown, string>, options: Options, site: CallSite): ChainData {
  const call = resource.call;
  const args = select(options["arguments"], inputScope());
  const payload = args ?? (call.request === undefined ? undefined : toExpr(rootRef("input")));
  const requested = payload === undefined ? undefined : (call.request?.(payload) ?? payload);
  const output = select(options["output"], resultScope(call.resultPath)) ?? (call.resultPath.length > 0 ? toExpr(rootRef("result", call.resultPath)) : undefined);
  const assign = selectAssign(options["assign"], resultScope(call.resultPath));
  const roleArn = (options["credentials"] as { roleArn?: unknown } | undefined)?.roleArn;
  const { specs, slots } = catchers(options["catch"]);
  const d = draft("task", name, site, ["next", ...slots], (link) =>
    defined<StateNode>({
      ...base(name, site, options),
      kind: "task",
      resource: call.resource,
      resultField: options["resultField"] as string | undefined,
      transition: link.transition("next"),
      arguments: requested,
      output,
      assign,
      timeoutSeconds: numberOrExpr(options["timeoutSeconds"]),
      heartbeatSeconds: numberOrExpr(options["heartbeatSeconds"]),
      credentials: roleArn === undefined ? undefined : { kind: "object", entries: [["RoleArn", toExpr(roleArn)]] },
      retry: retriers(options["retry"]),
      catch: catchNodes(specs, link),
    }),
  );
  return withCatches(d, specs, site);
}


function parallelState(name: string, options: Options, site: CallSite): ChainData {
  const branches = (options["branches"] as readonly unknown[]).map(nestedChain);
  const output = select(options["output"], resultScope());
  const assign = selectAssign(options["assign"], resultScope());
  const { specs, slots } = catchers(options["catch"]);
  const d = draft("parallel", name, site, ["next", ...slots], (link) =>
    defined<StateNode>({
      ...base(name, site, options),
      kind: "parallel",
      transition: link.transition("next"),
      resultField: options["resultField"] as string | undefined,
      branches: branches.map((b, i) => link.block(b, `/Branches/${i}`)),
      output,
      assign,
      retry: retriers(options["retry"]),
      catch: catchNodes(specs, link),
    }),
  );
  return withCatches(d, specs, site);
}

function mapState(name: string, options: Options, site: CallSite): ChainData {
  const processor = nestedChain(options["processor"]);
  const items = select(options["items"], inputScope());
  const itemSelector = select(options["itemSelector"], itemScope());
  const output = select(options["output"], resultScope());
  const assign = selectAssign(options["assign"], resultScope());
  const reader = options["itemReader"] as { resource: string; arguments?: unknown; readerConfig?: { [k: string]: unknown } } | undefined;
  const batcher = options["itemBatcher"] as { [k: string]: unknown } | undefined;
  const writer = options["resultWriter"] as { resource?: string; arguments?: unknown; writerConfig?: object } | undefined;
  const { specs, slots } = catchers(options["catch"]);
  const distributed = options["mode"] === "distributed" || reader !== undefined || writer !== undefined;
  const d = draft("map", name, site, ["next", ...slots], (link) =>
    defined<StateNode>({
      ...base(name, site, options),
      kind: "map",
      transition: link.transition("next"),
      resultField: options["resultField"] as string | undefined,
      mode: distributed ? "distributed" : "inline",
      executionType: options["executionType"] as "STANDARD" | "EXPRESS" | undefined,
      processor: link.block(processor, "/ItemProcessor"),
      items,
      itemSelector,
      itemReader:
        reader === undefined
          ? undefined
          : defined({
              resource: reader.resource,
              arguments: reader.arguments === undefined ? undefined : toExpr(reader.arguments),
              readerConfig:
                reader.readerConfig === undefined
                  ? undefined
                  : defined({ ...reader.readerConfig, maxItems: numberOrExpr(reader.readerConfig["maxItems"]) }),
            }),
      itemBatcher:
        batcher === undefined
          ? undefined
          : defined({
              maxItemsPerBatch: numberOrExpr(batcher["maxItemsPerBatch"]),
              maxInputBytesPerBatch: numberOrExpr(batcher["maxInputBytesPerBatch"]),
              batchInput: batcher["batchInput"] === undefined ? undefined : toExpr(batcher["batchInput"]),
            }),
      resultWriter:
        writer === undefined
          ? undefined
          : defined({
              resource: writer.resource ?? "arn:aws:states:::s3:putObject",
              arguments: writer.arguments === undefined ? undefined : toExpr(writer.arguments),
              writerConfig: writer.writerConfig,
            }),
      maxConcurrency: numberOrExpr(options["maxConcurrency"]),
      toleratedFailureCount: numberOrExpr(options["toleratedFailureCount"]),
      toleratedFailurePercentage: numberOrExpr(options["toleratedFailurePercentage"]),
      label: options["label"] as string | undefined,
      output,
      assign,
      retry: retriers(options["retry"]),
      catch: catchNodes(specs, link),
    }),
  );
  return withCatches(d, specs, site);
}

/**
 * A Task, Map or Parallel chain that can still gain Retriers and Catchers: each call rebuilds the
 * state from its options (selectors are pure), keeping its call site, and re-emits it.
 */
function withErrorHandling(emit: Emit, site: CallSite, options: Options, build: (site: CallSite, options: Options) => ChainData): object {
  const chain = makeChain(emit(build(site, options), site));
  const list = (key: string): readonly unknown[] => (options[key] ?? []) as readonly unknown[];
  return Object.freeze({
    ...chain,
    retry(spec: unknown) {
      return withErrorHandling(emit, site, { ...options, retry: [...list("retry"), spec] }, build);
    },
    catch(spec: unknown) {
      return withErrorHandling(emit, site, { ...options, catch: [...list("catch"), spec] }, build);
    },
  });
}

function succeedState(name: string, site: CallSite, options: Options): ChainData {
  const output = select(options["output"], inputScope());
  const d = draft("succeed", name, site, [], () => defined<StateNode>({ ...base(name, site, options), kind: "succeed", output }));
  return singleState(d, []);
}

function failState(name: string, site: CallSite, options: Options): ChainData {
  const error = stringOrExpr(options["error"]);
  const cause = stringOrExpr(options["cause"]);
  const d = draft("fail", name, site, [], () => defined<StateNode>({ ...base(name, site, options), kind: "fail", error, cause }));
  return singleState(d, []);
}

/** A standalone Succeed state (accepts any input). */
export function standaloneSucceed(name: string, options: Options): object {
  return makeChain(succeedState(name, captureSite(), options));
}

/** A standalone Fail state (accepts any input). */
export function standaloneFail(name: string, options: Options): object {
  return makeChain(failState(name, captureSite(), options));
}

/** A chain object over graph data. */
export function makeChain(data: ChainData): object {
  return Object.freeze({
    [chainData]: data,
    then(next: unknown) {
      return makeChain(joinChains(data, targetChain(next), captureSite()));
    },
    ...makeFactories((piece, site) => joinChains(data, piece, site)),
  });
}

interface ChoiceRuleSpec {
  readonly condition: Condition;
  readonly target: ChainData;
  readonly site: CallSite;
  readonly options: Options;
}

interface ChoiceSpec {
  readonly name: string;
  readonly site: CallSite;
  readonly options: Options;
  readonly rules: readonly ChoiceRuleSpec[];
  readonly otherwise?: { readonly target: ChainData; readonly site: CallSite };
  readonly emit: Emit;
  /** The Choice keeps one identity while rules are added. */
  readonly id?: number;
}

function makeChoice(spec: ChoiceSpec): object {
  const { name, site, options } = spec;
  const output = select(options["output"], inputScope());
  const assign = selectAssign(options["assign"], inputScope());
  const rules = spec.rules.map((r) => ({
    condition: conditionNode(r.condition),
    output: select(r.options["output"], inputScope()),
    assign: selectAssign(r.options["assign"], inputScope()),
    comment: r.options["comment"] as string | undefined,
  }));
  const slots: Slot[] = [...spec.rules.map((_, i): Slot => `choice:${i}`), ...(spec.otherwise === undefined ? [] : ["default" as const])];
  const fresh = draft("choice", name, site, slots, (link) =>
    defined<StateNode>({
      ...base(name, site, options),
      kind: "choice",
      rules: rules.map((r, i) => defined({ ...r, next: link.target(`choice:${i}`) })),
      default: spec.otherwise === undefined ? undefined : link.target("default"),
      output,
      assign,
    }),
  );
  const d: StateDraft = { ...fresh, id: spec.id ?? fresh.id };
  const links: { from: OpenEnd; to: ChainData; site: CallSite }[] = spec.rules.map((r, i) => ({ from: { state: d.id, slot: `choice:${i}` }, to: r.target, site: r.site }));
  if (spec.otherwise !== undefined) links.push({ from: { state: d.id, slot: "default" }, to: spec.otherwise.target, site: spec.otherwise.site });
  const piece = connectSlots(singleState(d, []), links, []);
  const chain = makeChain(spec.emit(piece, site));
  const withId: ChoiceSpec = { ...spec, id: d.id };
  return Object.freeze({
    ...chain,
    [chainData]: (chain as { [chainData]: ChainData })[chainData],
    when(test: Selector, next: unknown, ruleOptions: Options = {}) {
      const condition = (test as (s: object) => Condition)(inputScope());
      return makeChoice({ ...withId, rules: [...spec.rules, { condition, target: targetChain(next), site: captureSite(), options: ruleOptions }] });
    },
    otherwise(next: unknown) {
      return makeChoice({ ...withId, otherwise: { target: targetChain(next), site: captureSite() } });
    },
  });
}
