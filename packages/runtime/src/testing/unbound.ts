import { isStatesError } from "../errors.ts";
import type { TaskResolver } from "../tasks/types.ts";

/** A Task invocation that reached no handler: its error is real AWS behaviour, but a test rarely means it. */
export interface UnboundInvocation {
  readonly state: string;
  readonly resource: string;
  readonly error: string;
  readonly cause: string;
}

/**
 * Records invocations the built-in resolver could not bind. A Lambda it has no function for fails
 * with a catchable `Lambda.ResourceNotFoundException` (as AWS would), so a `States.ALL` Catcher
 * can hide a missing mock; the test result lists these so nothing is skipped silently.
 */
export function recordUnbound(resolver: TaskResolver, found: UnboundInvocation[]): TaskResolver {
  return (resource, stateName) => {
    const task = resolver(resource, stateName);
    const record = (e: unknown): never => {
      if (isStatesError(e) && isUnbound(e.error, e.cause)) found.push({ state: stateName, resource, error: e.error, cause: e.cause });
      throw e;
    };
    return {
      ...task,
      invoke: (input, ctx) => {
        let out: unknown;
        try {
          out = task.invoke(input, ctx);
        } catch (e) {
          return record(e);
        }
        return out instanceof Promise ? out.catch(record) : out;
      },
    };
  };
}

/** The two failures the built-in resolver raises for a missing binding. */
function isUnbound(error: string, cause: string): boolean {
  return (
    (error === "Lambda.ResourceNotFoundException" && cause.startsWith("Function not found: ")) ||
    (error === "States.Runtime" && cause.includes("which is not bound to a local handler"))
  );
}
