// The JSONata evaluator of the runtime: templates, AWS's added functions, causes. See README.md.
export { compileJsonataTemplate } from "./template.ts";
export type {
  CompileJsonataOptions,
  CompiledJsonataTemplate,
  JsonataBindings,
  TemplateExpression,
} from "./template.ts";
export { isJsonataExpression, expressionBody } from "./expression.ts";
export { compileJsonataFlow } from "./data-flow.ts";
export { jsonataCompilationCount, STACK_OVERFLOW_MESSAGE, TIMEOUT_MESSAGE } from "./compile-expression.ts";
export type { BusySignal, EngineOptions } from "./compile-expression.ts";
export type { RandomSources } from "./functions.ts";
export { matchesResultType, checkResultType } from "./result-type.ts";
export type { JsonataResultType } from "./result-type.ts";
export {
  QUERY_EVALUATION_ERROR,
  QueryEvaluationError,
  returnedNothing,
  unsupportedResult,
  unexpectedResultType,
  threwDuringEvaluation,
  jsonTypeName,
} from "./errors.ts";
export { fastPathCoverage, jsonataExpressionsOf } from "./fast/coverage.ts";
export type { FastPathCoverage } from "./fast/coverage.ts";
