import { compileJsonataTemplate } from "../jsonata/index.ts";
import type { JsonataResultType } from "../jsonata/index.ts";
import type { Frame } from "../engine/frame.ts";

/** A JSONata-mode field (`{% %}` or literal) evaluated against the state input. */
export type JsonataField = (input: unknown, frame: Frame) => Promise<unknown>;

/** Compiles a JSONata-capable field value once; `expect` checks the type of a whole-field expression. */
export function compileJsonataField(value: unknown, fieldName: string, expect: JsonataResultType = "any"): JsonataField {
  const template = compileJsonataTemplate(value, fieldName, { expect });
  return (input, frame) => template.evaluate({ input, context: frame.context, variables: frame.variables });
}
