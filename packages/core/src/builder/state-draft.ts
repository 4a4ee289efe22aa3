/** Shared pieces of state drafts: common fields, Retriers, Catchers and their slots. */
import type { Catcher, Retrier, StateKind, StateNode, StateNodeBase } from "../ir/state-node.ts";
import type { CallSite } from "./call-site.ts";
import type { CatchSpec, RetrySpec, StateOptions } from "./chain-types.ts";
import { jsonOnly } from "./ref-proxy.ts";
import { defined, errorScope, select, selectAssign } from "./selector-scopes.ts";
import { connectSlots, newStateId, singleState, type ChainData, type Linker, type Slot, type StateDraft } from "./state-graph.ts";

/** Builder options as the run-time side sees them. */
export type Options = { readonly [key: string]: unknown };

/** Turns a Catch target (a chain, or a function building one) into its graph. */
export type TargetResolver = (target: unknown) => ChainData;

/** The fields every state node shares; checks the name's length. */
export function base(name: string, site: CallSite, options: Options): StateNodeBase {
  if (name.length === 0 || name.length > 80) throw new RangeError(`state name must be 1 to 80 characters: ${JSON.stringify(name)} (${site.text})`);
  return defined<StateNodeBase>({
    name,
    site: site.text,
    comment: options["comment"] as string | undefined,
    queryLanguage: options["queryLanguage"] as StateOptions["queryLanguage"],
    raw: options["raw"] === undefined ? undefined : jsonOnly(options["raw"] as StateOptions["raw"], "raw", site),
  });
}

/**
 * A new state draft: a fresh identity, or `id` for a new version of a state (a Task, Map or
 * Parallel rebuilt by `.retry()`/`.catch()`), so transitions to the earlier version reach it.
 */
export function draft(kind: StateKind, name: string, site: CallSite, slots: readonly Slot[], toNode: (link: Linker) => StateNode, id: number = newStateId()): StateDraft {
  return { id, name, kind, site, slots, terminal: kind === "succeed" || kind === "fail", toNode };
}

/** Retry specs as IR Retriers. */
export function retriers(specs: unknown): Retrier[] {
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
export function catchers(specs: unknown): { specs: readonly CatchSpec<unknown, unknown, string>[]; slots: Slot[] } {
  const list = (specs ?? []) as readonly CatchSpec<unknown, unknown, string>[];
  return { specs: list, slots: list.map((_, i): Slot => `catch:${i}`) };
}

/** Catch specs as IR Catchers, with their resolved targets. */
export function catchNodes(specs: readonly CatchSpec<unknown, unknown, string>[], link: Linker): Catcher[] {
  return specs.map((c, i) =>
    defined<Catcher>({
      errors: [...c.errors],
      next: link.target(`catch:${i}`),
      output: select(c.output, errorScope()),
      resultField: (c as { readonly resultField?: string }).resultField,
      assign: selectAssign(c.assign, errorScope()),
      comment: c.comment,
    }),
  );
}

/** A state with a `next` slot and optional Catch targets, as a chain. */
export function withCatches(d: StateDraft, specs: readonly CatchSpec<unknown, unknown, string>[], site: CallSite, resolve: TargetResolver): ChainData {
  const single = singleState(d, ["next"]);
  if (specs.length === 0) return single;
  return connectSlots(
    single,
    specs.map((c, i) => ({ from: { state: d.id, slot: `catch:${i}` as Slot }, to: resolve(c.next), site })),
    single.ends,
  );
}
