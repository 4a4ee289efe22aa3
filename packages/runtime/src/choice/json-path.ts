/** The one place the Choice evaluator gets JSONPath from: the runtime's shared compiler. */
export { compileJsonPath } from "../data/compile-json-path.ts";
export { NOT_FOUND, type CompiledPath } from "../data/compiled-path.ts";
