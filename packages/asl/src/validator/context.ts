// The state one validation run carries while it walks a definition.
import { diagnostic, type Diagnostic, type DiagnosticCode } from "../diagnostic.ts";
import type { QueryLanguage, StateMachineType, StateType } from "../types.ts";

/** Mutable bookkeeping for one `validateDefinition` call. */
export interface ValidationContext {
  readonly diagnostics: Diagnostic[];
  readonly stateMachineType: StateMachineType;
  /** The top-level `QueryLanguage`; nested states default to it, not to their enclosing state's. */
  readonly machineQueryLanguage: QueryLanguage;
  /** Every state name seen so far (the whole machine), mapped to where it was first declared. */
  readonly stateNames: Map<string, string>;
  /** Every Map `Label` seen so far, mapped to where. */
  readonly labels: Map<string, string>;
  /** Validates a nested graph (Parallel branch, Map ItemProcessor); set by the entry point to avoid an import cycle. */
  validateNestedGraph: (graph: unknown, pointer: string, outerVariables: ReadonlySet<string>) => void;
}

/** The state being checked, as the field and state rules see it. */
export interface StateScope {
  readonly name: string;
  /** Pointer to the state object (`/States/Charge`). */
  readonly pointer: string;
  readonly state: Readonly<Record<string, unknown>>;
  readonly type: StateType;
  /** The language in force for this state. */
  readonly queryLanguage: QueryLanguage;
  /** Variable names assigned by enclosing scopes (this state may not reassign them). */
  readonly outerVariables: ReadonlySet<string>;
  /** Enclosing scopes' names plus this block's: what a nested graph of this state may not reassign. */
  readonly visibleVariables: ReadonlySet<string>;
}

/** Creates an empty context. */
export function createContext(stateMachineType: StateMachineType, machineQueryLanguage: QueryLanguage): ValidationContext {
  return {
    diagnostics: [],
    stateMachineType,
    machineQueryLanguage,
    stateNames: new Map(),
    labels: new Map(),
    validateNestedGraph: () => undefined,
  };
}

/** Records one finding. */
export function report(context: ValidationContext, code: DiagnosticCode, path: string, message: string): void {
  context.diagnostics.push(diagnostic(code, path, message));
}
