import type { Frame } from "./frame.ts";

/**
 * How a state's data fields are evaluated, whatever the query language: the state logic asks for
 * the effective input and for the output, and never looks at InputPath/Parameters/Arguments/Output
 * itself. JSONPath flows are synchronous; a JSONata flow may return promises.
 */
export interface DataFlow {
  /** Raw state input → effective input (InputPath + Parameters, or Arguments). */
  effectiveInput(raw: unknown, frame: Frame): unknown;
  /** Raw state input and the state's raw result → state output (ResultSelector, ResultPath, OutputPath, or Output). */
  output(raw: unknown, result: unknown, frame: Frame): unknown;
  /** Raw state input and a Catcher's Error Output → state output (the Catcher's ResultPath, or Output). */
  catchOutput(raw: unknown, errorOutput: unknown, catcher: Readonly<Record<string, unknown>>, frame: Frame): unknown;
}

/** Which fields a state type accepts in its effective-input and result stages. */
export interface DataFlowFields {
  /** Name of the template field evaluated on the effective input (`Parameters`, or none). */
  readonly parameters: "Parameters" | undefined;
  /** Whether the state has a result stage (ResultSelector/ResultPath); Choice/Wait/Succeed don't. */
  readonly resultStage: boolean;
  /** Whether the state accepts ResultSelector. */
  readonly resultSelector: boolean;
}
