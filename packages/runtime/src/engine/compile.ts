import { StatesError } from "../errors.ts";
import { compileChoice } from "../states/choice.ts";
import type { StateCompileContext, StateDefinition } from "../states/context.ts";
import { compileFail } from "../states/fail.ts";
import { compileMap } from "../states/map.ts";
import { compileParallel } from "../states/parallel.ts";
import { compilePass } from "../states/pass.ts";
import { compileSucceed } from "../states/succeed.ts";
import { compileTask } from "../states/task.ts";
import { compileWait } from "../states/wait.ts";
import type { TaskResolver } from "../tasks/types.ts";
import type { DataFlow, DataFlowFields } from "./data-flow.ts";
import { compileJsonPathFlow } from "./jsonpath-flow.ts";
import { compileJsonataFlow } from "../jsonata/data-flow.ts";
import { compileStateAssign } from "./state-assign.ts";
import { makeState } from "./state-shell.ts";
import type { StateBody } from "./state-shell.ts";
import type { ObjectStore } from "../object-store/object-store.ts";
import type { CompiledBlock, CompiledState, StateType } from "./types.ts";
import type { MachineProbe } from "../coverage/probe.ts";

/** One compiler per state type: adding a type without a compiler is a type error. */
const STATE_COMPILERS: Readonly<Record<StateType, (ctx: StateCompileContext) => StateBody>> = {
  Pass: compilePass,
  Task: compileTask,
  Choice: compileChoice,
  Wait: compileWait,
  Succeed: compileSucceed,
  Fail: compileFail,
  Parallel: compileParallel,
  Map: compileMap,
};

/** The query language of a state: its own `QueryLanguage`, else the machine's. */
export type QueryLanguage = "JSONPath" | "JSONata";

/** Builds a state's data flow for its query language (the seam JSONata plugs into). */
export type DataFlowFactory = (def: StateDefinition, fields: DataFlowFields, language: QueryLanguage, location: string) => DataFlow;

/** What compiling a machine needs besides the definition. */
export interface CompileOptions {
  readonly resolveTask: TaskResolver;
  readonly dataFlow?: DataFlowFactory | undefined;
  readonly maxPayloadBytes: number;
  /** Where Distributed Maps read (ItemReader) and write (ResultWriter) S3 objects. */
  readonly objectStore?: ObjectStore | undefined;
  /** Where executions count what they reach (workflow coverage); undefined: not recorded. */
  readonly coverage?: MachineProbe | undefined;
}

function isStateType(value: unknown): value is StateType {
  return typeof value === "string" && Object.hasOwn(STATE_COMPILERS, value);
}

function invalid(location: string, problem: string): StatesError {
  return new StatesError("States.Runtime", `Invalid state machine definition at ${location}: ${problem}`);
}

const defaultDataFlow: DataFlowFactory = (def, fields, language) =>
  language === "JSONata" ? compileJsonataFlow(def, fields) : compileJsonPathFlow(def, fields);

/** Compiles a `States` block (and, recursively, its branches and item processors) once. */
export function compileBlock(
  blockDef: unknown,
  location: string,
  machineLanguage: QueryLanguage,
  options: CompileOptions,
): CompiledBlock {
  if (blockDef === null || typeof blockDef !== "object") throw invalid(location, "expected an object with StartAt and States");
  const { StartAt: startAt, States: states } = blockDef as Record<string, unknown>;
  if (states === null || typeof states !== "object") throw invalid(location, "'States' must be an object");
  const defs = states as Record<string, unknown>;
  // Shells first so that any state can name any other as a target; bodies are filled in after.
  const shells = new Map<string, { name: string; type: StateType; run: CompiledState["run"] }>();
  for (const [name, def] of Object.entries(defs)) {
    const type = (def as Record<string, unknown> | null)?.["Type"];
    if (!isStateType(type)) throw invalid(`${location}/States/${name}`, `unknown state type ${JSON.stringify(type)}`);
    shells.set(name, { name, type, run: () => undefined });
  }
  const target = (from: string) => (name: string): CompiledState => {
    const state = shells.get(name);
    if (state === undefined) throw invalid(from, `transition to a missing state '${name}'`);
    return state;
  };
  const dataFlow = options.dataFlow ?? defaultDataFlow;
  for (const [name, shell] of shells) {
    const def = defs[name] as StateDefinition;
    const stateLocation = `${location}/States/${name}`;
    const language: QueryLanguage = def["QueryLanguage"] === "JSONata" ? "JSONata" : def["QueryLanguage"] === "JSONPath" ? "JSONPath" : machineLanguage;
    const ctx: StateCompileContext = {
      name,
      def,
      location: stateLocation,
      target: target(stateLocation),
      next: () => (def["End"] === true ? null : target(stateLocation)(String(def["Next"]))),
      compileBlock: (inner) => compileBlock(inner, stateLocation, machineLanguage, options),
      dataFlow: (fields) => dataFlow(def, fields, language, stateLocation),
      language,
      assign: (assign, fieldName) => compileStateAssign(assign, language, fieldName),
      resolveTask: options.resolveTask,
      maxPayloadBytes: options.maxPayloadBytes,
      objectStore: options.objectStore,
      probe: options.coverage?.state(name, shell.type, def),
    };
    shell.run = makeState(name, shell.type, STATE_COMPILERS[shell.type](ctx), ctx.probe).run;
  }
  if (typeof startAt !== "string" || !shells.has(startAt)) throw invalid(location, `StartAt names no state: ${String(startAt)}`);
  return { start: shells.get(startAt)! };
}
