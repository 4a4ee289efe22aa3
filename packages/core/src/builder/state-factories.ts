/**
 * The state factories and chain objects. Every method returns a new object over new graph data;
 * nothing is mutated, so fragments can be stored, reused and branched. The typed interfaces in
 * `chain-types.ts` are applied once, where objects leave this package's builder.
 */
import { captureSite, type CallSite } from "./call-site.ts";
import { chainData, type AnyChain } from "./chain-types.ts";
import { makeChoice } from "./choice-state.ts";
import { mapState } from "./map-state.ts";
import { parallelState } from "./parallel-state.ts";
import { jsonOnly } from "./ref-proxy.ts";
import { defined, inputScope, numberOrExpr, resultFieldPath, select, selectAssign, stringOrExpr } from "./selector-scopes.ts";
import { base, draft, type Options } from "./state-draft.ts";
import { joinChains, newStateId, singleState, type ChainData } from "./state-graph.ts";
import { taskState } from "./task-state.ts";
import type { StateNode } from "../ir/state-node.ts";
import type { TaskResource } from "./task-resource.ts";

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
      const result = options["result"] === undefined ? undefined : jsonOnly(options["result"], "a Pass state's result");
      const resultField = resultFieldPath(options["resultField"]);
      const d = draft("pass", name, site, ["next"], (link) =>
        defined<StateNode>({ ...base(name, site, options), kind: "pass", transition: link.transition("next"), output, result: result as never, assign, resultField }),
      );
      return makeChain(emit(singleState(d, ["next"]), site));
    },

    task(name: string, resource: TaskResource<never, unknown, string>, options: Options = {}) {
      return withErrorHandling(emit, captureSite(), options, (site, options, id) => taskState(name, resource, options, site, targetChain, id));
    },

    choice(name: string, options: Options = {}) {
      const site = captureSite();
      return makeChoice({ name, site, options, rules: [], emit }, makeChain, targetChain);
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
      return withErrorHandling(emit, captureSite(), options, (site, options, id) => parallelState(name, options, site, nestedChain, targetChain, id));
    },

    map(name: string, options: Options) {
      return withErrorHandling(emit, captureSite(), options, (site, options, id) => mapState(name, options, site, nestedChain, targetChain, id));
    },
  };
}

/**
 * A Task, Map or Parallel chain that can still gain Retriers and Catchers: each call rebuilds the
 * state from its options (selectors are pure), keeping its call site and its identity, and
 * re-emits it. The identity is kept so that a `goto` to the state taken before `.catch()` (a
 * Catcher looping back to its own task) leads to the refined state, not to a stale copy.
 */
function withErrorHandling(
  emit: Emit,
  site: CallSite,
  options: Options,
  build: (site: CallSite, options: Options, id: number) => ChainData,
  id: number = newStateId(),
): object {
  const chain = makeChain(emit(build(site, options, id), site));
  const list = (key: string): readonly unknown[] => (options[key] ?? []) as readonly unknown[];
  return Object.freeze({
    ...chain,
    retry(spec: unknown) {
      return withErrorHandling(emit, site, { ...options, retry: [...list("retry"), spec] }, build, id);
    },
    catch(spec: unknown) {
      return withErrorHandling(emit, site, { ...options, catch: [...list("catch"), spec] }, build, id);
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
    // No open end is left to join: each becomes `End: true` where it is.
    end() {
      return makeChain({ ...data, ends: [] });
    },
    ...makeFactories((piece, site) => joinChains(data, piece, site)),
  });
}
