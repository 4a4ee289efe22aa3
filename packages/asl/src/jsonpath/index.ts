// JSONPath grammar (Jayway syntax as AWS Step Functions uses it), shared by the validator and runtime.
export type { GrammarError, GrammarResult } from "./grammar-result.ts";
export type {
  FilterExpression,
  FilterLiteralValue,
  FilterOperand,
  FilterOperator,
  JsonPathAst,
  JsonPathFunctionName,
  JsonPathRoot,
  JsonPathSegment,
  JsonPathSelector,
} from "./jsonpath-ast.ts";
export { parseJsonPath, parseLocatedJsonPath, type LocatedJsonPath } from "./jsonpath-parser.ts";
export { isDefinitePath, isReferencePath, parseReferencePath } from "./path-kinds.ts";
export { formatJsonPathCanonical } from "./jsonpath-format.ts";
