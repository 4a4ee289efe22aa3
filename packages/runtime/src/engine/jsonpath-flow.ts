import {
  applyResultPath,
  compileJsonPath,
  compilePayloadTemplate,
  compileReferencePath,
  selectPath,
} from "./data-bridge.ts";
import type { CompiledPath, CompiledReferencePath, CompiledTemplate } from "./data-bridge.ts";
import { StagedFlow, type CatchStage, type DataFlow, type DataFlowFields, type FlowStage } from "./data-flow.ts";
import type { Frame } from "./frame.ts";

type StateDefinition = Readonly<Record<string, unknown>>;

/** `$` selects the whole input: such a path is skipped rather than evaluated. */
function optionalPath(def: StateDefinition, field: string): CompiledPath | null | undefined {
  if (!Object.hasOwn(def, field)) return undefined;
  const text = def[field];
  if (text === null) return null;
  if (text === "$") return undefined;
  return compileJsonPath(String(text));
}

function optionalResultPath(def: StateDefinition, field: string): CompiledReferencePath | null | undefined {
  if (!Object.hasOwn(def, field)) return undefined;
  const text = def[field];
  if (text === null) return null;
  if (text === "$") return undefined;
  return compileReferencePath(String(text));
}

function optionalTemplate(def: StateDefinition, field: string | undefined): CompiledTemplate | undefined {
  if (field === undefined || !Object.hasOwn(def, field)) return undefined;
  return compilePayloadTemplate(def[field], field);
}

/** Compiles the JSONPath-mode data fields of a state, in AWS's processing order. */
export function compileJsonPathFlow(def: StateDefinition, fields: DataFlowFields): DataFlow {
  const inputPath = optionalPath(def, "InputPath");
  const outputPath = optionalPath(def, "OutputPath");
  const parameters = optionalTemplate(def, fields.parameters);
  const resultSelector = fields.resultSelector ? optionalTemplate(def, "ResultSelector") : undefined;
  const resultPath = fields.resultStage ? optionalResultPath(def, "ResultPath") : undefined;
  const catcherPaths = new Map<unknown, CompiledReferencePath | null | undefined>();
  const catcherResultPath = (catcher: StateDefinition): CompiledReferencePath | null | undefined => {
    if (!catcherPaths.has(catcher)) catcherPaths.set(catcher, optionalResultPath(catcher, "ResultPath"));
    return catcherPaths.get(catcher);
  };

  const finish = (value: unknown, frame: Frame): unknown =>
    outputPath === undefined ? value : selectPath(value, outputPath, "OutputPath", frame);

  const inputStage: FlowStage = (raw, _unused, frame) => {
    const selected = inputPath === undefined ? raw : selectPath(raw, inputPath, "InputPath", frame);
    return parameters === undefined ? selected : parameters.evaluate(selected, frame);
  };
  const outputStage: FlowStage = (raw, result, frame) => {
    const selected = resultSelector === undefined ? result : resultSelector.evaluate(result, frame);
    return finish(applyResultPath(raw, selected, resultPath), frame);
  };
  // AWS applies only the Catcher's ResultPath; the state's OutputPath is not applied.
  const catcherOutputStage: CatchStage = (raw, errorOutput, catcher) => applyResultPath(raw, errorOutput, catcherResultPath(catcher));
  return new StagedFlow(inputStage, outputStage, catcherOutputStage);
}
