// @stepcraft/asl public surface.
export * from "./jsonpath/index.ts";
export * from "./intrinsic/index.ts";
export type * from "./types.ts";
export { isStateType, STATE_TYPES } from "./types.ts";
export { DIAGNOSTIC_CODES, type Diagnostic, type DiagnosticCode, type DiagnosticSeverity } from "./diagnostic.ts";
export { parseDefinition, type ParseDefinitionOptions, type ParseDefinitionResult } from "./parse-definition.ts";
export { locateJsonPointer, positionOf, type SourcePosition } from "./locate-json-pointer.ts";
export { validateDefinition, type ValidateDefinitionOptions } from "./validator/validate-definition.ts";
export { MAX_DEFINITION_BYTES } from "./validator/definition-size.ts";
export { escapePointerToken, parsePointer } from "./json-pointer.ts";
export { aslJsonSchemaText } from "./schema/json-schema.ts";
