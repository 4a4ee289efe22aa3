/**
 * Chains as values: a start state, the states reachable from it, the transitions between them and
 * the open ends still waiting for a next state. Joining two chains is a pure function.
 */
import type { BlockNode, StateKind, StateNode, Transition } from "../ir/state-node.ts";
import type { CallSite } from "./call-site.ts";

/** An outgoing transition slot of a state. */
export type Slot = "next" | "default" | `catch:${number}` | `choice:${number}`;

export interface Edge {
  readonly target: number;
  /** The builder call that made the transition (`.then`, `.when`, `goto`). */
  readonly site: CallSite;
}

export interface OpenEnd {
  readonly state: number;
  readonly slot: Slot;
}

/** Turns a draft's slots and nested chains into IR once the whole graph is known. */
export interface Linker {
  /** `Next` for a connected slot, `End` for an open one. */
  transition(slot: Slot): Transition;
  /** The name a required slot (Catch, Choice rule, Default) leads to. */
  target(slot: Slot): string;
  /** A nested block (Parallel branch, Map processor) at a JSON-pointer suffix. */
  block(chain: ChainData, pointerSuffix: string): BlockNode;
}

/** A state as the builder holds it: everything but its resolved transitions. */
export interface StateDraft {
  readonly id: number;
  readonly name: string;
  readonly kind: StateKind;
  readonly site: CallSite;
  readonly slots: readonly Slot[];
  /** Succeed and Fail end a block by themselves. */
  readonly terminal: boolean;
  toNode(link: Linker): StateNode;
}

export interface ChainData {
  readonly start: number;
  readonly states: ReadonlyMap<number, StateDraft>;
  /** Keyed by `edgeKey(state, slot)`. */
  readonly edges: ReadonlyMap<string, Edge>;
  readonly ends: readonly OpenEnd[];
  /** Names and sites of every state this chain mentions, including `goto` targets outside it. */
  readonly known: ReadonlyMap<number, { readonly name: string; readonly site: CallSite }>;
  /**
   * Other versions of states in `states` (one state before and after `.retry()`/`.catch()` share
   * an identity, so that a `goto` taken earlier still finds it): joining two versions into one
   * graph would silently drop one, so the IR builder reports them.
   */
  readonly clashes?: readonly StateDraft[];
}

let nextId = 0;

/** A fresh identity for a state. */
export function newStateId(): number {
  return ++nextId;
}

/** The key of an edge. */
export function edgeKey(state: number, slot: Slot): string {
  return `${state}|${slot}`;
}

/** A chain of one state whose `openSlots` wait for a successor. */
export function singleState(draft: StateDraft, openSlots: readonly Slot[]): ChainData {
  return {
    start: draft.id,
    states: new Map([[draft.id, draft]]),
    edges: new Map(),
    ends: openSlots.map((slot) => ({ state: draft.id, slot })),
    known: new Map([[draft.id, { name: draft.name, site: draft.site }]]),
  };
}

/** The states of several chains; a second version of one state (same identity, other draft) is a clash. */
function mergeStates(...chains: readonly ChainData[]): { states: Map<number, StateDraft>; clashes?: readonly StateDraft[] } {
  const states = new Map<number, StateDraft>();
  const clashes: StateDraft[] = chains.flatMap((c) => c.clashes ?? []);
  for (const chain of chains) {
    for (const [id, draft] of chain.states) {
      const before = states.get(id);
      if (before !== undefined && before !== draft) clashes.push(draft);
      else states.set(id, draft);
    }
  }
  return clashes.length === 0 ? { states } : { states, clashes };
}

function merge<K, V>(...maps: readonly ReadonlyMap<K, V>[]): Map<K, V> {
  const out = new Map<K, V>();
  for (const map of maps) for (const [k, v] of map) out.set(k, v);
  return out;
}

function uniqueEnds(ends: readonly OpenEnd[]): OpenEnd[] {
  const seen = new Set<string>();
  return ends.filter((e) => {
    const key = edgeKey(e.state, e.slot);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** `a` then `b`: every open end of `a` leads to `b`'s start. */
export function joinChains(a: ChainData, b: ChainData, site: CallSite): ChainData {
  const edges = merge(a.edges, b.edges);
  for (const end of a.ends) edges.set(edgeKey(end.state, end.slot), { target: b.start, site });
  return { start: a.start, ...mergeStates(a, b), edges, ends: b.ends, known: merge(a.known, b.known) };
}

/** Connects slots of `base`'s states to other chains (Catch targets, Choice rules); their open ends stay open. */
export function connectSlots(base: ChainData, links: readonly { readonly from: OpenEnd; readonly to: ChainData; readonly site: CallSite }[], baseEnds: readonly OpenEnd[]): ChainData {
  const edges = merge(base.edges, ...links.map((l) => l.to.edges));
  for (const link of links) edges.set(edgeKey(link.from.state, link.from.slot), { target: link.to.start, site: link.site });
  return {
    start: base.start,
    ...mergeStates(base, ...links.map((l) => l.to)),
    edges,
    ends: uniqueEnds([...baseEnds, ...links.flatMap((l) => l.to.ends)]),
    known: merge(base.known, ...links.map((l) => l.to.known)),
  };
}

/** A reference to `target`'s start state that adds no states: a jump (a loop, or a shared successor). */
export function jumpTo(target: ChainData): ChainData {
  const known = target.known.get(target.start);
  return {
    start: target.start,
    states: new Map(),
    edges: new Map(),
    ends: [],
    known: known === undefined ? new Map() : new Map([[target.start, known]]),
  };
}
