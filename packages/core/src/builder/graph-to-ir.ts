/**
 * Resolves a builder graph into IR: state names for transitions, `End` for open ends, and the
 * graph errors only the builder can explain well (each message names the builder call site).
 */
import { pointerSegment, type CompileDiagnostic, type CoreDiagnosticCode } from "../compiler/compile-diagnostic.ts";
import { deepFreeze } from "../ir/freeze.ts";
import type { BlockNode, QueryLanguage, StateNode, Transition, WorkflowNode } from "../ir/state-node.ts";
import { discardsIn } from "./discard-tracking.ts";
import { edgeKey, type ChainData, type Linker, type Slot, type StateDraft } from "./state-graph.ts";

export interface WorkflowMeta {
  readonly name: string;
  readonly queryLanguage: QueryLanguage;
  readonly comment?: string;
  readonly timeoutSeconds?: number;
  readonly version?: string;
}

export interface IrResult {
  readonly ir: WorkflowNode;
  readonly diagnostics: readonly CompileDiagnostic[];
}

const error = (code: CoreDiagnosticCode, path: string, message: string): CompileDiagnostic => ({ code, path, message, severity: "error" });

/** States of a chain in a stable, readable order: breadth-first from the start along slots. */
function orderedStates(chain: ChainData): StateDraft[] {
  const order: StateDraft[] = [];
  const seen = new Set<number>();
  const queue = [chain.start];
  while (queue.length > 0) {
    const id = queue.shift() ?? 0;
    const draft = chain.states.get(id);
    if (draft === undefined || seen.has(id)) continue;
    seen.add(id);
    order.push(draft);
    for (const slot of draft.slots) {
      const edge = chain.edges.get(edgeKey(id, slot));
      if (edge !== undefined) queue.push(edge.target);
    }
  }
  for (const draft of chain.states.values()) if (!seen.has(draft.id)) order.push(draft);
  return order;
}

/** Builds the IR of a whole workflow from its top-level chain. */
export function buildWorkflowIr(chain: ChainData, meta: WorkflowMeta): IrResult {
  const diagnostics: CompileDiagnostic[] = [];
  const blockOf = new Map<number, string>();
  const byName = new Map<string, StateDraft>();

  const buildBlock = (block: ChainData, pointer: string): BlockNode => {
    const drafts = orderedStates(block);
    const statesPointer = `${pointer}/States`;
    for (const draft of drafts) {
      const at = `${statesPointer}/${pointerSegment(draft.name)}`;
      const owner = blockOf.get(draft.id);
      if (owner !== undefined) {
        diagnostics.push(error("STATE_REUSED", at, `state "${draft.name}" (${draft.site.text}) is used in two graphs (${owner || "/"} and ${pointer || "/"}); create a separate state for each`));
        continue;
      }
      blockOf.set(draft.id, pointer);
      const other = byName.get(draft.name);
      if (other !== undefined) {
        diagnostics.push(error("DUPLICATE_STATE_NAME", at, `state name "${draft.name}" is used twice: at ${other.site.text} and at ${draft.site.text}`));
      } else {
        byName.set(draft.name, draft);
      }
    }

    for (const clash of block.clashes ?? []) {
      diagnostics.push(
        error(
          "STATE_VERSIONS_JOINED",
          `${statesPointer}/${pointerSegment(clash.name)}`,
          `state "${clash.name}" (${clash.site.text}) is in the graph both before and after a .retry()/.catch(); join only the chain with every Retrier and Catcher`,
        ),
      );
    }

    const targetName = (draft: StateDraft, slot: Slot): string | undefined => {
      const edge = block.edges.get(edgeKey(draft.id, slot));
      if (edge === undefined) return undefined;
      const target = block.states.get(edge.target);
      if (target !== undefined) return target.name;
      const known = block.known.get(edge.target);
      const what = known === undefined ? "a state" : `"${known.name}" (${known.site.text})`;
      diagnostics.push(
        error(
          "MISSING_TRANSITION_TARGET",
          `${statesPointer}/${pointerSegment(draft.name)}`,
          `"${draft.name}" transitions to ${what}, which is not in the same graph (${edge.site.text})`,
        ),
      );
      return known?.name ?? "<missing>";
    };

    const nodes: StateNode[] = drafts.map((draft) => {
      const statePointer = `${statesPointer}/${pointerSegment(draft.name)}`;
      const link: Linker = {
        transition(slot): Transition {
          const target = targetName(draft, slot);
          return target === undefined ? { kind: "end" } : { kind: "next", target };
        },
        target(slot) {
          return targetName(draft, slot) ?? "<missing>";
        },
        block(nested, suffix) {
          return buildBlock(nested, `${statePointer}${suffix}`);
        },
      };
      const node = draft.toNode(link);
      for (const part of discardsIn(node)) diagnostics.push(error(part.code, statePointer, `${part.message} (${(part.site ?? draft.site).text})`));
      return node;
    });

    reportDeadEnds(block, drafts, statesPointer, diagnostics);
    return { kind: "block", startAt: block.states.get(block.start)?.name ?? block.known.get(block.start)?.name ?? "<missing>", states: nodes };
  };

  const body = buildBlock(chain, "");
  const ir: WorkflowNode = {
    kind: "workflow",
    name: meta.name,
    queryLanguage: meta.queryLanguage,
    ...(meta.comment === undefined ? {} : { comment: meta.comment }),
    ...(meta.timeoutSeconds === undefined ? {} : { timeoutSeconds: meta.timeoutSeconds }),
    ...(meta.version === undefined ? {} : { version: meta.version }),
    body,
  };
  return { ir: deepFreeze(ir), diagnostics };
}

/** A state from which no path reaches Succeed, Fail or `End` can never finish: report it where it was built. */
function reportDeadEnds(block: ChainData, drafts: readonly StateDraft[], statesPointer: string, diagnostics: CompileDiagnostic[]): void {
  const predecessors = new Map<number, number[]>();
  const finishing = new Set<number>();
  for (const draft of drafts) {
    if (draft.terminal) finishing.add(draft.id);
    for (const slot of draft.slots) {
      const edge = block.edges.get(edgeKey(draft.id, slot));
      if (edge === undefined) {
        if (slot === "next") finishing.add(draft.id);
        continue;
      }
      // A transition out of the block is reported as a missing target; do not also call it a dead end.
      if (!block.states.has(edge.target)) {
        finishing.add(draft.id);
        continue;
      }
      predecessors.set(edge.target, [...(predecessors.get(edge.target) ?? []), draft.id]);
    }
  }
  const queue = [...finishing];
  while (queue.length > 0) {
    const id = queue.pop() ?? 0;
    for (const p of predecessors.get(id) ?? []) {
      if (!finishing.has(p)) {
        finishing.add(p);
        queue.push(p);
      }
    }
  }
  for (const draft of drafts) {
    if (!finishing.has(draft.id)) {
      diagnostics.push(
        error("DEAD_END", `${statesPointer}/${pointerSegment(draft.name)}`, `state "${draft.name}" (${draft.site.text}) can never reach an end: every path from it loops without Succeed, Fail or End`),
      );
    }
  }
}
