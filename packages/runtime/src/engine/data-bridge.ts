/**
 * The one place the interpreter gets JSONPath-mode data processing from (`../data/`): paths,
 * payload templates, intrinsic functions, ResultPath and InputPath/OutputPath.
 */
export {
  NOT_FOUND,
  applyResultPath,
  compileIntrinsic,
  compileJsonPath,
  compilePayloadTemplate,
  compileReferencePath,
  noResultsForPath,
  selectPath,
} from "../data/index.ts";
export type { CompiledPath, CompiledReferencePath, CompiledTemplate } from "../data/index.ts";
