import type { EvaluationScope } from "./scope.ts";

/** A scope for tests: a context object and a fixed set of variables. */
export function testScope(context: unknown = {}, variables: Record<string, unknown> = {}): EvaluationScope {
  return { context, variables: { read: (name) => (Object.hasOwn(variables, name) ? variables[name] : undefined) } };
}
