import { compileAssign, assignVariables } from "../variables/index.ts";
import type { VariableScope } from "../variables/index.ts";
import type { QueryLanguage } from "./compile.ts";
import type { Frame } from "./frame.ts";

/** What an Assign's right-hand sides may see besides variables and the context. */
export interface AssignSubject {
  /** JSONPath `$` (raw result, Error Output, effective input or Pass result). */
  readonly jsonPathInput: unknown;
  /** JSONata `$states.input`: the state's original input. */
  readonly input: unknown;
  /** JSONata `$states.result` (Task/Map/Parallel top level only). */
  readonly result?: unknown;
  /** JSONata `$states.errorOutput` (Catchers only). */
  readonly errorOutput?: unknown;
}

/** An Assign compiled for its state's language: evaluates to name → value (maybe a promise). */
export type CompiledStateAssign = (subject: AssignSubject, frame: Frame) => unknown;

/** Compiles an `Assign` object (absent: undefined) for the given language and field path. */
export function compileStateAssign(assign: unknown, language: QueryLanguage, fieldName: string): CompiledStateAssign | undefined {
  if (assign === undefined) return undefined;
  if (language === "JSONPath") {
    const compiled = compileAssign(assign, "JSONPath", { fieldName });
    return (subject, frame) => compiled.evaluate(subject.jsonPathInput, frame);
  }
  const compiled = compileAssign(assign, "JSONata", { fieldName });
  return (subject, frame) =>
    compiled.evaluate({
      input: subject.input,
      context: frame.context,
      variables: frame.variables,
      clock: frame.exec.clock,
      ...(subject.result === undefined ? {} : { result: subject.result }),
      ...(subject.errorOutput === undefined ? {} : { errorOutput: subject.errorOutput }),
    });
}

/**
 * Finishes a state that assigns: the Assign values and the output were both computed from the
 * variables as of state entry; only now are the values stored (atomically), and the names are
 * remembered for the StateExited event.
 */
export function commitAssign(values: unknown, output: unknown, frame: Frame, scope: VariableScope = frame.variables): unknown {
  if (values instanceof Promise || output instanceof Promise) {
    return Promise.all([values, output]).then(([v, o]) => commitAssign(v, o, frame, scope));
  }
  if (values !== undefined) {
    frame.assignedVariables = assignVariables(scope, values as Record<string, unknown>).assignedVariables;
  }
  return output;
}
