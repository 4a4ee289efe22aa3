// A function's environment as Lambda would set it (its Environment.Variables with tokens resolved,
// plus AWS_REGION and AWS_LAMBDA_FUNCTION_NAME), applied to process.env while its module loads and
// while its handler runs up to its first await. Handlers read configuration such as TABLE_NAME from
// there; the variables are restored right after, so other code and other functions never see them.
import { resolveIntrinsics } from "./intrinsics.ts";
import type { IntrinsicScope } from "./intrinsics.ts";
import type { ConstructInfo } from "./stack-model.ts";
import type { TemplateResource } from "./template.ts";

/** The variables the deployed function would find in its environment. */
export function functionEnvironment(fn: ConstructInfo, resource: TemplateResource, scope: IntrinsicScope): Readonly<Record<string, string>> {
  const declared = (resource.Properties?.["Environment"] as { Variables?: unknown } | undefined)?.Variables;
  const resolved = declared === undefined ? {} : (resolveIntrinsics(declared, scope, `${fn.path ?? fn.logicalId} Environment.Variables`) as Record<string, unknown>);
  const variables: Record<string, string> = { AWS_REGION: scope.place.region, AWS_LAMBDA_FUNCTION_NAME: fn.ref };
  for (const [name, value] of Object.entries(resolved)) variables[name] = typeof value === "string" ? value : JSON.stringify(value);
  return variables;
}

/** Runs `body` with `variables` set in process.env, restoring the previous values when it returns. */
export function withEnvironment<T>(variables: Readonly<Record<string, string>>, body: () => T): T {
  const saved = Object.keys(variables).map((name) => [name, process.env[name]] as const);
  Object.assign(process.env, variables);
  try {
    return body();
  } finally {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}
