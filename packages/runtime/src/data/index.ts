// JSONPath-mode data processing: paths, intrinsic functions, payload templates, ResultPath, InputPath/OutputPath.
export { NOT_FOUND, type CompiledPath, type CompiledReferencePath, type NotFound, type ReferenceStep } from "./compiled-path.ts";
export { compileJsonPath, compileJsonPathAst } from "./compile-json-path.ts";
export { applyResultPath, compileReferencePath } from "./reference-path.ts";
export { canonicalPathText, noResultsForPath, selectPath } from "./select-path.ts";
export { compilePayloadTemplate, type CompiledTemplate } from "./payload-template.ts";
export {
  compileIntrinsic,
  type CompiledIntrinsic,
  type CompileIntrinsicOptions,
  type IntrinsicScope,
} from "./intrinsic/compile-intrinsic.ts";
export { jsonEquals } from "./json-values.ts";
export type { EvaluationScope, VariableReader } from "./scope.ts";
export { NO_VARIABLES } from "./scope.ts";
