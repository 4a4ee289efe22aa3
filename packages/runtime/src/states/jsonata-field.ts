import { compileJsonataTemplate } from "../jsonata/index.ts";
import type { JsonataResultType } from "../jsonata/index.ts";
import type { Frame } from "../engine/frame.ts";

/** A JSONata-mode field (`{% %}` or literal) evaluated against the state input. */
export type JsonataField = (input: unknown, frame: Frame) => Promise<unknown>;

/**
 * A JSONata-mode field that answers synchronously (a value, or a thrown `QueryEvaluationError`)
 * when its expressions are in the fast subset, and with a promise only when JSONata must evaluate.
 */
export type JsonataFieldNow = (input: unknown, frame: Frame) => unknown;

/** Compiles a JSONata-capable field value once; `expect` checks the type of a whole-field expression. */
export function compileJsonataField(value: unknown, fieldName: string, expect: JsonataResultType = "any"): JsonataField {
  const now = compileJsonataFieldNow(value, fieldName, expect);
  return (input, frame) => {
    try {
      return Promise.resolve(now(input, frame));
    } catch (error) {
      return Promise.reject(error as Error);
    }
  };
}

/**
 * {@link compileJsonataField} for hot fields (Choice conditions and outputs): no promise when
 * JSONata itself is not needed, and no context object unless an expression may read it (building
 * it formats a timestamp, which cost more than a simple condition).
 */
export function compileJsonataFieldNow(value: unknown, fieldName: string, expect: JsonataResultType = "any"): JsonataFieldNow {
  const template = compileJsonataTemplate(value, fieldName, { expect });
  const readsContext = template.readsContext;
  return (input, frame) =>
    template.evaluateNow({ input, context: readsContext ? frame.context : undefined, variables: frame.variables, clock: frame.exec.clock });
}
