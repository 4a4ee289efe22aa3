/**
 * What an expression can see besides its input: the context object (`$$` in JSONPath,
 * `$states.context` in JSONata) and the workflow variables in scope. Shared by the JSONPath,
 * intrinsic-function, Choice and JSONata evaluators so the interpreter builds it once per state.
 */
export interface EvaluationScope {
  /** The context object of the running state (`$$`). */
  readonly context: unknown;
  /** Workflow variables visible to the state. */
  readonly variables: VariableReader;
}

/** Read access to workflow variables; inner scopes (Map, Parallel) fall back to outer ones. */
export interface VariableReader {
  /** The variable's value, or `undefined` when no state has assigned it (JSON has no undefined). */
  read(name: string): unknown;
}

/** A scope with no variables, for evaluators used outside an execution (and in tests). */
export const NO_VARIABLES: VariableReader = { read: () => undefined };
