// Intrinsic-function grammar (`States.Format(…)` and friends), shared by the validator and runtime.
export type { IntrinsicArgument, IntrinsicCall } from "./intrinsic-ast.ts";
export { looksLikeIntrinsic, MAX_INTRINSIC_NESTING, parseIntrinsic } from "./intrinsic-parser.ts";
export {
  checkIntrinsicArity,
  INTRINSIC_FUNCTIONS,
  isIntrinsicFunctionName,
  type IntrinsicFunctionName,
  type IntrinsicSignature,
} from "./intrinsic-functions.ts";
export { splitFormatTemplate } from "./format-template.ts";
