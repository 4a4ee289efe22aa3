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

/**
 * One stage of a flow: the state's raw input and the stage's value (the result for the output
 * stage; unused by the effective-input stage) to the stage's output, or a promise of it.
 */
export type FlowStage = (raw: unknown, value: unknown, frame: Frame) => unknown;

/** What a Catcher's output is made of (not hot: called once per caught error). */
export type CatchStage = (raw: unknown, errorOutput: unknown, catcher: Readonly<Record<string, unknown>>, frame: Frame) => unknown;

/**
 * The flow of every state in both query languages: one class, whose stages are the
 * language-specific functions. Why one class: the engine's calls into a flow (a task's
 * `flow.effectiveInput`, its `flow.output`) then have one target whatever the language, and the
 * stages are all called from one place ({@link runStage}), which sees an effective-input stage
 * and an output stage (different functions) from the very first state on, so V8 never
 * specialises it to one of them. Before, the engine's code that V8 had optimised while a
 * JSONPath machine ran was thrown away (deoptimised) as soon as a JSONata machine ran, and the
 * other way round; its re-optimisation took most of the JSONata machine's first executions.
 */
export class StagedFlow implements DataFlow {
  constructor(
    private readonly inputStage: FlowStage,
    private readonly outputStage: FlowStage,
    private readonly catchStage: CatchStage,
  ) {}

  effectiveInput(raw: unknown, frame: Frame): unknown {
    return runStage(this.inputStage, raw, undefined, frame);
  }

  output(raw: unknown, result: unknown, frame: Frame): unknown {
    return runStage(this.outputStage, raw, result, frame);
  }

  catchOutput(raw: unknown, errorOutput: unknown, catcher: Readonly<Record<string, unknown>>, frame: Frame): unknown {
    return this.catchStage(raw, errorOutput, catcher, frame);
  }
}

/** The one call site of every flow stage (see {@link StagedFlow}). */
function runStage(stage: FlowStage, raw: unknown, value: unknown, frame: Frame): unknown {
  return stage(raw, value, frame);
}
