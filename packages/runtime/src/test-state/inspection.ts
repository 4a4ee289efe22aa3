import type { DataFlow, DataFlowFields } from "../engine/data-flow.ts";
import type { DataFlowFactory } from "../engine/compile.ts";
import type { Frame, MapItemContext } from "../engine/frame.ts";
import { compileJsonPathFlow } from "../engine/jsonpath-flow.ts";
import { andThen } from "../engine/run-block.ts";
import { compileJsonataFlow } from "../jsonata/data-flow.ts";
import type { StateDefinition } from "../states/context.ts";

/** The data the tested state went through, stage by stage (values, not yet JSON text). */
export interface InspectedStages {
  input?: unknown;
  afterInputPath?: unknown;
  afterParameters?: unknown;
  afterArguments?: unknown;
  result?: unknown;
  afterResultSelector?: unknown;
  afterResultPath?: unknown;
  /** The state's output as the engine produced it (after OutputPath / Output, or a Catcher's). */
  output?: unknown;
  /** Set when a Catcher handled an error: its index and the Error Output it got. */
  caught?: { readonly index: number; readonly errorOutput: { readonly Error: string; readonly Cause?: string } };
  /** The frame the state ran in: its variables are the state's variables afterwards. */
  frame?: Frame;
  /** A Map's iteration inputs and batches (see map-inspection.ts), once computed. */
  afterItemSelector?: unknown;
  afterItemBatcher?: unknown;
  afterItemsPointer?: unknown;
}

const NO_FIELDS: DataFlowFields = { parameters: undefined, resultStage: false, resultSelector: false };

/**
 * The engine's own data flow, watched for one state (`location`): every other state runs exactly
 * as in an execution. The intermediate stages AWS reports (afterInputPath, afterResultSelector…)
 * are computed by the same JSONPath flow compiled over just the fields up to that stage, so they
 * cannot disagree with what the state itself does.
 */
/** What the tested state's frame is set up with before its first data stage. */
export interface FrameSetup {
  /** `$$.State.RetryCount`: the retries already made, as in the attempt TestState stands for. */
  readonly retryCount: number;
  /** `$$.Map.Item` of a state inside a Map tested without a `context`. */
  readonly mapItem: MapItemContext | undefined;
  /** TestState's `context`: the whole context object the state sees. */
  readonly context: Readonly<Record<string, unknown>> | undefined;
  /** Told the state's effective input, in its frame, once known (a Map's item stages start from it). */
  readonly onEffectiveInput?: ((effective: unknown, frame: Frame) => void) | undefined;
}

export function inspectingDataFlow(location: string, stages: InspectedStages, setup: FrameSetup): DataFlowFactory {
  return (def, fields, language, at) => {
    const flow = language === "JSONata" ? compileJsonataFlow(def, fields) : compileJsonPathFlow(def, fields);
    if (at !== location) return flow;
    const watch: Watch = (frame) => {
      stages.frame = frame;
      if (frame.retryCount !== setup.retryCount || frame.mapItem !== setup.mapItem || frame.givenContext !== setup.context) {
        frame.retryCount = setup.retryCount;
        frame.mapItem = setup.mapItem;
        frame.givenContext = setup.context;
        frame.invalidateContext();
      }
    };
    const seen = setup.onEffectiveInput ?? ignore;
    return language === "JSONata" ? watchJsonata(flow, def, stages, watch, seen) : watchJsonPath(flow, def, fields, stages, watch, seen);
  };
}

/** Called with the tested state's frame before each of its data stages. */
type Watch = (frame: Frame) => void;

/** Called with the tested state's effective input. */
type Seen = (effective: unknown, frame: Frame) => void;

const ignore: Seen = () => undefined;

function pick(def: StateDefinition, names: readonly string[]): StateDefinition {
  const out: Record<string, unknown> = {};
  for (const name of names) if (Object.hasOwn(def, name)) out[name] = def[name];
  return out;
}

function watchJsonPath(flow: DataFlow, def: StateDefinition, fields: DataFlowFields, stages: InspectedStages, watch: Watch, seen: Seen): DataFlow {
  const inputPathOnly = compileJsonPathFlow(pick(def, ["InputPath"]), NO_FIELDS);
  const selectorOnly = compileJsonPathFlow(pick(def, ["ResultSelector"]), { ...NO_FIELDS, resultSelector: fields.resultSelector });
  const upToResultPath = compileJsonPathFlow(pick(def, ["ResultSelector", "ResultPath"]), { ...NO_FIELDS, resultStage: fields.resultStage, resultSelector: fields.resultSelector });
  return {
    effectiveInput(raw, frame) {
      watch(frame);
      stages.input = raw;
      stages.afterInputPath = inputPathOnly.effectiveInput(raw, frame);
      const effective = flow.effectiveInput(raw, frame);
      if (fields.parameters !== undefined) stages.afterParameters = effective;
      seen(effective, frame);
      return effective;
    },
    output(raw, result, frame) {
      watch(frame);
      stages.input ??= raw;
      if (fields.resultStage) {
        // AWS shows `result` only where there is one: not for a Pass without Result (its "result" is its input).
        if (def["Type"] !== "Pass" || Object.hasOwn(def, "Result")) stages.result = result;
        stages.afterResultSelector = selectorOnly.output(raw, result, frame);
        stages.afterResultPath = upToResultPath.output(raw, result, frame);
      }
      return (stages.output = flow.output(raw, result, frame));
    },
    catchOutput(raw, errorOutput, catcher, frame) {
      return caught(flow.catchOutput(raw, errorOutput, catcher, frame), def, errorOutput, catcher, frame, stages);
    },
  };
}

function watchJsonata(flow: DataFlow, def: StateDefinition, stages: InspectedStages, watch: Watch, seen: Seen): DataFlow {
  return {
    effectiveInput(raw, frame) {
      watch(frame);
      stages.input = raw;
      return andThen(flow.effectiveInput(raw, frame), (effective) => {
        if (Object.hasOwn(def, "Arguments")) stages.afterArguments = effective;
        seen(effective, frame);
        return effective;
      });
    },
    output(raw, result, frame) {
      watch(frame);
      stages.input ??= raw;
      if (def["Type"] === "Task" || def["Type"] === "Map" || def["Type"] === "Parallel") stages.result = result;
      return andThen(flow.output(raw, result, frame), (output) => (stages.output = output));
    },
    catchOutput(raw, errorOutput, catcher, frame) {
      return caught(flow.catchOutput(raw, errorOutput, catcher, frame), def, errorOutput, catcher, frame, stages);
    },
  };
}

function caught(output: unknown, def: StateDefinition, errorOutput: unknown, catcher: StateDefinition, frame: Frame, stages: InspectedStages): unknown {
  stages.frame = frame;
  const catchers = Array.isArray(def["Catch"]) ? (def["Catch"] as unknown[]) : [];
  stages.caught = { index: catchers.indexOf(catcher), errorOutput: errorOutput as { Error: string; Cause?: string } };
  return andThen(output, (value) => (stages.output = value));
}
