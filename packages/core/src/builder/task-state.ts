/** The Task state: a resource call with its request, output, variables, Retriers and Catchers. */
import type { LambdaDeclaration } from "../ir/lambda-declaration.ts";
import type { StateNode } from "../ir/state-node.ts";
import type { CallSite } from "./call-site.ts";
import { rootRef, toExpr } from "./ref-proxy.ts";
import { defined, inputScope, numberOrExpr, resultFieldPath, resultScope, select, selectAssign } from "./selector-scopes.ts";
import { base, catchNodes, catchers, draft, retriers, withCatches, type Options, type TargetResolver } from "./state-draft.ts";
import type { ChainData } from "./state-graph.ts";
import { isLambdaFunction, type TaskResource } from "./task-resource.ts";

/** The declaration alone (not the Task resource's call), as the IR keeps it. */
function lambdaDeclaration(d: LambdaDeclaration): LambdaDeclaration {
  return Object.freeze({
    name: d.name,
    functionName: d.functionName,
    entry: d.entry,
    load: d.load,
    errors: d.errors,
    pattern: d.pattern,
    ...(d.inputSchema === undefined ? {} : { inputSchema: d.inputSchema }),
    ...(d.outputSchema === undefined ? {} : { outputSchema: d.outputSchema }),
    ...(d.callbackOutputSchema === undefined ? {} : { callbackOutputSchema: d.callbackOutputSchema }),
  });
}

/** Builds a Task state (and its Catch targets) as a chain. */
export function taskState(name: string, resource: TaskResource<never, unknown, string>, options: Options, site: CallSite, resolve: TargetResolver, id?: number): ChainData {
  const call = resource.call;
  const resultField = resultFieldPath(options["resultField"]);
  const args = select(options["arguments"], inputScope());
  const payload = args ?? (call.request === undefined ? undefined : toExpr(rootRef("input")));
  const requested = payload === undefined ? undefined : (call.request?.(payload) ?? payload);
  const output = select(options["output"], resultScope(call.resultPath)) ?? (call.resultPath.length > 0 ? toExpr(rootRef("result", call.resultPath)) : undefined);
  const assign = selectAssign(options["assign"], resultScope(call.resultPath));
  const roleArn = (options["credentials"] as { roleArn?: unknown } | undefined)?.roleArn;
  const { specs, slots } = catchers(options["catch"]);
  const d = draft("task", name, site, ["next", ...slots], (link) =>
    defined<StateNode>({
      ...base(name, site, options),
      kind: "task",
      resource: call.resource,
      resultField,
      transition: link.transition("next"),
      arguments: requested,
      output,
      assign,
      timeoutSeconds: numberOrExpr(options["timeoutSeconds"]),
      heartbeatSeconds: numberOrExpr(options["heartbeatSeconds"]),
      credentials: roleArn === undefined ? undefined : { kind: "object", entries: [["RoleArn", toExpr(roleArn)]] },
      retry: retriers(options["retry"]),
      catch: catchNodes(specs, link),
      lambda: isLambdaFunction(resource) ? lambdaDeclaration(resource) : undefined,
    }),
    id,
  );
  return withCatches(d, specs, site, resolve);
}
