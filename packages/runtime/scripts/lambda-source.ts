import { rawPayload } from "../src/index.ts";
import type { TaskHandler } from "../src/index.ts";

/**
 * Turns a case's handler source (`async (event) => …`) into a task handler. The cases are test
 * data written for this purpose, so evaluating them is acceptable here and only here: the runtime
 * itself never evaluates code. A returned `{__rawPayload: s}` means the function returned text `s`.
 */
export function handlerFromSource(source: string): TaskHandler {
  const fn = new Function(`return (${source});`)() as (event: unknown) => unknown;
  return async (input) => {
    const out = await fn(input);
    if (out !== null && typeof out === "object" && "__rawPayload" in out) {
      return rawPayload(String((out as { __rawPayload: unknown }).__rawPayload));
    }
    return out;
  };
}
