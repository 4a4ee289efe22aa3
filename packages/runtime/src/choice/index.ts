// JSONPath-mode Choice rules and the RFC 3339 timestamps shared with Wait and the context object.
export { compileChoiceRule, invalidConditionPathCause, type CompiledChoiceRule } from "./compile-rule.ts";
export {
  compileChoiceState,
  NO_CHOICE_MATCHED_CAUSE,
  type ChoiceBranch,
  type CompiledChoiceState,
} from "./compile-state.ts";
export { compareInstants, formatTimestamp, parseTimestamp, parseTimestampInto, type PreciseInstant } from "./timestamp.ts";
