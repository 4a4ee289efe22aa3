/** Compiles a workflow IR to ASL: renders every block with the workflow's dialect, collects diagnostics. */
import type { JsonObject } from "../ir/expr-node.ts";
import type { BlockNode, QueryLanguage, StateKind, StateNode, StateNodeOf, WorkflowNode } from "../ir/state-node.ts";
import type { AslDefinition } from "./asl-definition.ts";
import { collectDiagnostics, pointerSegment, type CompileDiagnostic } from "./compile-diagnostic.ts";
import { jsonataDialect } from "./jsonata-dialect.ts";
import { jsonPathDialect } from "./jsonpath-dialect.ts";
import { objectFromFields } from "./ordered-fields.ts";
import type { QueryDialect } from "./query-dialect.ts";
import type { RenderEnv } from "./render-pieces.ts";
import { stateRenderers } from "./state-renderers.ts";

export interface RenderResult {
  readonly asl: AslDefinition;
  readonly diagnostics: readonly CompileDiagnostic[];
}

const DIALECTS: Record<QueryLanguage, QueryDialect> = { JSONPath: jsonPathDialect, JSONata: jsonataDialect };

function renderState<K extends StateKind>(node: StateNodeOf<K>, env: RenderEnv): JsonObject {
  // The record is indexed by the node's own kind, so the renderer's parameter matches the node.
  const render = stateRenderers[node.kind as K] as (n: StateNodeOf<K>, e: RenderEnv) => JsonObject;
  return render(node, env);
}

/** Renders a workflow IR to ASL; never throws, reports what cannot be expressed as diagnostics. */
export function renderWorkflow(workflow: WorkflowNode): RenderResult {
  const diagnostics: CompileDiagnostic[] = [];
  const sink = collectDiagnostics(diagnostics);

  const renderBlock = (block: BlockNode, pointer: string): { StartAt: string; States: { [name: string]: JsonObject } } => {
    const states: { [name: string]: JsonObject } = {};
    for (const state of block.states as readonly StateNode[]) {
      const language = state.queryLanguage ?? workflow.queryLanguage;
      const env: RenderEnv = {
        dialect: DIALECTS[language],
        ctx: { sink, pointer: `${pointer}/States/${pointerSegment(state.name)}`, site: state.site },
        workflowLanguage: workflow.queryLanguage,
        renderBlock,
      };
      states[state.name] = renderState(state, env);
    }
    return { StartAt: block.startAt, States: states };
  };

  const body = renderBlock(workflow.body, "");
  const asl = objectFromFields([
    ["Comment", workflow.comment],
    ["QueryLanguage", workflow.queryLanguage],
    ["StartAt", body.StartAt],
    ["TimeoutSeconds", workflow.timeoutSeconds],
    ["Version", workflow.version],
    ["States", body.States],
  ]) as unknown as AslDefinition;
  return { asl, diagnostics };
}
