/** The Choice state: rules added one `.when()` at a time, keeping the state's identity. */
import type { Condition as ConditionNode } from "../ir/expr-node.ts";
import type { StateNode } from "../ir/state-node.ts";
import { captureSite, type CallSite } from "./call-site.ts";
import { chainData } from "./chain-types.ts";
import { runSelector } from "./discard-tracking.ts";
import { conditionNode } from "./ref-proxy.ts";
import { defined, inputScope, select, selectAssign } from "./selector-scopes.ts";
import { base, draft, type Options, type TargetResolver } from "./state-draft.ts";
import { connectSlots, singleState, type ChainData, type OpenEnd, type Slot, type StateDraft } from "./state-graph.ts";
import { conditionKey } from "./value.ts";

type Selector = (scope: never) => unknown;
type Emit = (piece: ChainData, site: CallSite) => ChainData;

interface ChoiceRuleSpec {
  readonly condition: ConditionNode;
  readonly target: ChainData;
  readonly site: CallSite;
  readonly options: Options;
}

export interface ChoiceSpec {
  readonly name: string;
  readonly site: CallSite;
  readonly options: Options;
  readonly rules: readonly ChoiceRuleSpec[];
  readonly otherwise?: { readonly target: ChainData; readonly site: CallSite };
  readonly emit: Emit;
  /** The Choice keeps one identity while rules are added. */
  readonly id?: number;
}

/** A Choice chain object; `makeChain` wraps graph data, `resolve` turns targets into graphs. */
export function makeChoice(spec: ChoiceSpec, makeChain: (data: ChainData) => object, resolve: TargetResolver): object {
  const { name, site, options } = spec;
  const output = select(options["output"], inputScope());
  const assign = selectAssign(options["assign"], inputScope());
  const rules = spec.rules.map((r) => ({
    condition: r.condition,
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
      const ruleSite = captureSite();
      const condition = runSelector(() => (test as (s: object) => unknown)(inputScope()), (c) => ruleCondition(c, ruleSite), ruleSite);
      return makeChoice({ ...withId, rules: [...spec.rules, { condition, target: resolve(next), site: ruleSite, options: ruleOptions }] }, makeChain, resolve);
    },
    otherwise(next: unknown) {
      return makeChoice({ ...withId, otherwise: { target: resolve(next), site: captureSite() } }, makeChain, resolve);
    },
  });
}

/** The IR of what a `.when()` test returned, which must be a condition (JavaScript's `!` or `===` make a boolean). */
function ruleCondition(test: unknown, site: CallSite): ConditionNode {
  if (typeof test === "object" && test !== null && conditionKey in test) return conditionNode(test as Parameters<typeof conditionNode>[0]);
  throw new TypeError(
    `a .when() test must return a condition (a comparison such as $.input.total.gt(5), combined with and(), or(), not()), but it returned ${test === null ? "null" : `a ${typeof test}`} (${site.text}); JavaScript's !, ===, < and > do not build conditions`,
  );
}
