// The one contract both engines implement; the harness sees only this.

/** A local function standing in for a Lambda: task input in, task result out. */
export type LocalLambda = (input: unknown) => unknown;

/** Task `Resource` string → the local function that runs it. */
export type LambdaBindings = Readonly<Record<string, LocalLambda>>;

/** A definition made ready to run many executions. */
export interface PreparedMachine {
  /** Runs one execution; resolves to its output, rejects when it does not succeed. */
  run(input: unknown): Promise<unknown>;
}

export interface Engine {
  /** Short, stable name used in the report (`stepcraft`, `aws-local-stepfunctions`). */
  readonly name: string;
  /** Whether the engine runs JSONata-mode definitions (the peer does not). */
  readonly supportsJsonata: boolean;
  /** Validates and builds a machine, as the engine does before its first execution. */
  prepare(definition: unknown, lambdas: LambdaBindings): PreparedMachine;
}
