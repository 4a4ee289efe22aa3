import type { StandardSchemaLike } from "../builder/schema.ts";

/**
 * The `lambda()` declaration a Task state calls. The IR keeps it beside the state so tooling can
 * find a workflow's handlers (to run them locally, to bundle and deploy them) without the
 * workflow listing them a second time. It is the one non-JSON part of the IR: `load` is code.
 */
export interface LambdaDeclaration {
  /** The declaration's name (the first argument of `lambda()`). */
  readonly name: string;
  /** The `FunctionName` the compiled ASL invokes: a function name, a partial ARN or a full ARN. */
  readonly functionName: string;
  /** Source file of the handler, as given to `lambda()`. */
  readonly entry: string;
  /** Loads the handler (the `handler` option of `lambda()`). */
  readonly load: () => Promise<unknown>;
  /** The error names the handler declares it throws. */
  readonly errors: readonly string[];
  /** How the Task invokes the function: for a result, or (`waitForTaskToken`) to wait for a callback. */
  readonly pattern: "requestResponse" | "waitForTaskToken";
  /** The event's schema (`lambda()`'s `input`): `localTasks()` checks every event against it. */
  readonly inputSchema?: StandardSchemaLike;
  /** The result's schema (`lambda()`'s `output`): `localTasks()` checks every result against it. */
  readonly outputSchema?: StandardSchemaLike;
  /** What a callback function's callback sends (`lambda()`'s `callbackOutput`): the Task's result. */
  readonly callbackOutputSchema?: StandardSchemaLike;
}
