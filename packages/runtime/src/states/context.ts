import type { QueryLanguage } from "../engine/compile.ts";
import type { DataFlow, DataFlowFields } from "../engine/data-flow.ts";
import type { CompiledStateAssign } from "../engine/state-assign.ts";
import type { CompiledBlock, CompiledState } from "../engine/types.ts";
import type { TaskResolver } from "../tasks/types.ts";
import type { ObjectStore } from "../object-store/object-store.ts";
import type { StateProbe } from "../coverage/probe.ts";

/** A state's definition as parsed JSON. */
export type StateDefinition = Readonly<Record<string, unknown>>;

/** What a state compiler gets: its definition and ways to reach the rest of the machine. */
export interface StateCompileContext {
  readonly name: string;
  readonly def: StateDefinition;
  /** JSON pointer of the state in the definition (`/States/Check`), for diagnostics. */
  readonly location: string;
  /** The state named `name` in the same `States` block (a transition target). */
  target(name: string): CompiledState;
  /** The state after this one: `Next`, or null for `End: true`. */
  next(): CompiledState | null;
  /** Compiles a nested block (Parallel branch, Map item processor). */
  compileBlock(def: unknown): CompiledBlock;
  /** The query-language seam: compiles the state's data fields for its language. */
  dataFlow(fields: DataFlowFields): DataFlow;
  /** The state's query language (its own `QueryLanguage`, else the machine's). */
  readonly language: QueryLanguage;
  /** Compiles an `Assign` object found at `fieldName` in the state's language (absent: undefined). */
  assign(assign: unknown, fieldName: string): CompiledStateAssign | undefined;
  /** Payloads larger than this many bytes fail with States.DataLimitExceeded. */
  readonly maxPayloadBytes: number;
  /** Binds Task resources. */
  readonly resolveTask: TaskResolver;
  /** Where Distributed Maps read and write S3 objects (`StateMachineOptions.objectStore`). */
  readonly objectStore: ObjectStore | undefined;
  /** The state's coverage counters when coverage is recorded (rules, Catchers and Retriers taken). */
  readonly probe?: StateProbe | undefined;
}
