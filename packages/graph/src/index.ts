// @stepcraft/graph: the one renderer of state machine pictures. `stepcraft graph`, the coverage
// report and the console of `stepcraft serve` all draw with it. It uses no Node.js API, so the
// console can bundle it for the browser.
export { toMermaid } from "./mermaid.ts";
export { toHtml, type HtmlOptions } from "./html.ts";
export { escapeXml, renderSvg, type DiagramMarks } from "./svg.ts";
export { layoutDiagram, type DiagramBlock, type DiagramEdge, type DiagramNode } from "./diagram-layout.ts";
export {
  allStates,
  buildGraphModel,
  GraphInputError,
  type GraphBlock,
  type GraphEdge,
  type GraphModel,
  type GraphState,
} from "./definition-model.ts";
export {
  HistoryInputError,
  readExecutionHistory,
  summarizeExecution,
  type BlockRun,
  type ExecutionEvent,
  type ExecutionOutcome,
  type ExecutionSummary,
  type StateAttempt,
  type StateRun,
  type StateStatus,
  type StateVisit,
  type SummaryOptions,
  type TakenTransition,
} from "./execution-status.ts";
