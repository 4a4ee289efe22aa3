// A dependency that misbehaves for a while, for the demo and the retry tests.
import type { TaskHandler } from "@stepcraft/runtime";

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
