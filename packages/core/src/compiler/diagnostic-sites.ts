/**
 * Validator findings point into the ASL (`/States/Wait/Seconds`); a builder workflow also knows
 * which builder call made each state. This adds that call site to each finding inside a state, as
 * the builder's own diagnostics carry it.
 */
import type { BlockNode, StateNode, WorkflowNode } from "../ir/state-node.ts";
import { pointerSegment, type CompileDiagnostic } from "./compile-diagnostic.ts";

/** The JSON pointer of every state, nested ones included, to its builder call site. */
function statePointers(block: BlockNode, pointer: string, into: Map<string, string>): Map<string, string> {
  for (const state of block.states as readonly StateNode[]) {
    const at = `${pointer}/States/${pointerSegment(state.name)}`;
    into.set(at, state.site);
    if (state.kind === "map") statePointers(state.processor, `${at}/ItemProcessor`, into);
    if (state.kind === "parallel") state.branches.forEach((branch, i) => statePointers(branch, `${at}/Branches/${i}`, into));
  }
  return into;
}

/** The innermost state holding `path`, by pointer prefix. */
function siteOf(path: string, sites: ReadonlyMap<string, string>): string | undefined {
  for (let at = path; at.length > 0; at = at.slice(0, Math.max(0, at.lastIndexOf("/")))) {
    const site = sites.get(at);
    if (site !== undefined) return site;
  }
  return undefined;
}

/**
 * Each finding inside a state, with ` (file:line)` of the builder call that made the state; a
 * finding about the workflow's own fields (`/TimeoutSeconds`, its size) names `workflowSite`, the
 * `workflow()` call whose options they come from, when given.
 */
export function withCallSites(diagnostics: readonly CompileDiagnostic[], workflow: WorkflowNode, workflowSite?: string): readonly CompileDiagnostic[] {
  if (diagnostics.length === 0) return diagnostics;
  const sites = statePointers(workflow.body, "", new Map());
  return diagnostics.map((d) => {
    const site = siteOf(d.path, sites) ?? workflowSite;
    return site === undefined ? d : { ...d, message: `${d.message} (${site})` };
  });
}
