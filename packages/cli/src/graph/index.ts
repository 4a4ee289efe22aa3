// The graph feature's public surface: renderers, the history reader, and the model they share.
export { toMermaid } from "./mermaid.ts";
export { toHtml, type HtmlOptions } from "./html.ts";
export { renderSvg } from "./svg.ts";
export { layoutDiagram, type DiagramBlock, type DiagramEdge, type DiagramNode } from "./diagram-layout.ts";
export { buildGraphModel, GraphInputError, type GraphBlock, type GraphEdge, type GraphModel, type GraphState } from "./definition-model.ts";
export {
  HistoryInputError,
  readExecutionHistory,
  summarizeExecution,
  type ExecutionEvent,
  type ExecutionOutcome,
  type ExecutionSummary,
  type StateRun,
  type StateStatus,
  type TakenTransition,
} from "./execution-status.ts";
