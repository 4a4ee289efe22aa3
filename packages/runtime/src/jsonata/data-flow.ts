import { StagedFlow, type CatchStage, type DataFlow, type DataFlowFields, type FlowStage } from "../engine/data-flow.ts";
import type { Frame } from "../engine/frame.ts";
import { FALLBACK } from "./fast-path.ts";
import { compileJsonataTemplate, type CompileJsonataOptions, type CompiledJsonataTemplate } from "./template.ts";

type StateDefinition = Readonly<Record<string, unknown>>;

/** States whose JSONata `Arguments` is their effective input. */
const TAKES_ARGUMENTS = new Set(["Task", "Parallel"]);

function optionalTemplate(def: StateDefinition, field: string, fieldName: string, options: CompileJsonataOptions): CompiledJsonataTemplate | undefined {
  return Object.hasOwn(def, field) ? compileJsonataTemplate(def[field], fieldName, options) : undefined;
}

/**
 * The JSONata-mode data flow of a state, for the engine's `DataFlowFactory` seam: `Arguments`
 * (Task, Parallel) gives the effective input, `Output` the state output, and a Catcher's `Output`
 * the output after a caught error. Every template is compiled here, once. `$states.result` is
 * bound only where AWS allows it (states with a result stage: Task, Map, Parallel), and
 * `$states.errorOutput` only in Catchers. Fields whose expressions are all in the fast subset are
 * evaluated synchronously (`evaluateNow`), so such states need no promise.
 */
export function compileJsonataFlow(def: StateDefinition, fields: DataFlowFields, options: CompileJsonataOptions = {}): DataFlow {
  const args = TAKES_ARGUMENTS.has(String(def["Type"])) ? optionalTemplate(def, "Arguments", "Arguments", options) : undefined;
  const output = optionalTemplate(def, "Output", "Output", options);
  const bindsResult = fields.resultSelector;
  const catchers = Array.isArray(def["Catch"]) ? (def["Catch"] as unknown[]) : [];
  const catcherOutputs = new Map<unknown, CompiledJsonataTemplate | undefined>(
    catchers.map((catcher, index) => [
      catcher,
      typeof catcher === "object" && catcher !== null
        ? optionalTemplate(catcher as StateDefinition, "Output", `Catch[${index}]/Output`, options)
        : undefined,
    ]),
  );

  // The context object is built only for templates that may read it (the engine formats a
  // timestamp for it, which cost more than evaluating a simple Output).
  const contextFor = (template: CompiledJsonataTemplate, frame: Frame): unknown => (template.readsContext ? frame.context : undefined);

  // Each stage calls its field's generated evaluator itself (see CompiledJsonataTemplate.fastNow).
  const argumentsFast = args?.fastNow;
  const argumentsStage: FlowStage = (raw, _unused, frame) => {
    if (args === undefined) return raw;
    const bindings = { input: raw, context: contextFor(args, frame), variables: frame.variables, clock: frame.exec.clock };
    if (argumentsFast === undefined) return args.evaluateNow(bindings);
    const value = argumentsFast(bindings);
    return value === FALLBACK ? args.evaluateGeneral(bindings) : value;
  };
  const outputFast = output?.fastNow;
  const outputStage: FlowStage = (raw, result, frame) => {
    if (output === undefined) return result;
    const context = contextFor(output, frame);
    // Literals rather than a spread: one object shape each, no copying per state.
    const bindings = bindsResult
      ? { input: raw, context, variables: frame.variables, result, clock: frame.exec.clock }
      : { input: raw, context, variables: frame.variables, clock: frame.exec.clock };
    if (outputFast === undefined) return output.evaluateNow(bindings);
    const value = outputFast(bindings);
    return value === FALLBACK ? output.evaluateGeneral(bindings) : value;
  };
  const catcherOutputStage: CatchStage = (raw, errorOutput, catcher, frame) => {
    const template = catcherOutputs.get(catcher) ?? optionalTemplate(catcher, "Output", "Catch/Output", options);
    if (template === undefined) return errorOutput;
    return template.evaluateNow({ input: raw, context: contextFor(template, frame), variables: frame.variables, errorOutput, clock: frame.exec.clock });
  };
  return new StagedFlow(argumentsStage, outputStage, catcherOutputStage);
}
