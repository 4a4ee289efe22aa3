// Binds each declared Lambda to its handler for the local runtime, by the function name the
// compiled ASL calls, the way the deployed state machine reaches the bundled function.
import type { TaskHandler } from "@stepcraft/runtime";

interface Declared {
  readonly name: string;
  readonly load: () => Promise<(event: never) => unknown>;
}

export async function localTasks(declared: readonly Declared[]): Promise<Record<string, TaskHandler>> {
  const entries = await Promise.all(
    declared.map(async (d): Promise<[string, TaskHandler]> => {
      const handler = await d.load();
      // The builder already checked each task's arguments against this handler's event type.
      return [d.name, (input) => handler(input as never)];
    }),
  );
  return Object.fromEntries(entries);
}

/**
 * A dependency that throws `failure()` for its first `failures` calls, then behaves: the real
 * handler runs, so what reaches the workflow is exactly what a deployed Lambda would report.
 */
export function failingFirst<E>(failures: number, failure: () => Error, handler: (event: E) => Promise<unknown>): TaskHandler {
  let calls = 0;
  return (input) => {
    calls += 1;
    if (calls <= failures) throw failure();
    // As above: the state's arguments were checked against the handler's event type.
    return handler(input as E);
  };
}
