/** The small pieces every state renderer is assembled from; each returns ordered fields. */
import type { JsonObject, JsonValue, ObjectExpr, PathRoot } from "../ir/expr-node.ts";
import type { Catcher, QueryLanguage, Retrier, StateNode, Transition } from "../ir/state-node.ts";
import { pointerSegment } from "./compile-diagnostic.ts";
import { objectFromFields, type Fields } from "./ordered-fields.ts";
import type { OutputStage, QueryDialect, RenderContext } from "./query-dialect.ts";

/** What a renderer needs: the dialect of this state, where it is, and how to render nested blocks. */
export interface RenderEnv {
  readonly dialect: QueryDialect;
  readonly ctx: RenderContext;
  /** The workflow's language; a state says `QueryLanguage` only when it differs. */
  readonly workflowLanguage: QueryLanguage;
  renderBlock(block: import("../ir/state-node.ts").BlockNode, pointer: string): JsonObject;
}

/** `Type`, `QueryLanguage` (when overridden), `Comment`. */
export function headFields(type: string, node: StateNode, env: RenderEnv): Fields {
  return [
    ["Type", type],
    ["QueryLanguage", node.queryLanguage !== undefined && node.queryLanguage !== env.workflowLanguage ? node.queryLanguage : undefined],
    ["Comment", node.comment],
  ];
}

/** `Next` or `End`. */
export function transitionFields(transition: Transition): Fields {
  return transition.kind === "next" ? [["Next", transition.target]] : [["End", true]];
}

/** `Output` (or its JSONPath equivalents), when the state says one. */
export function outputFields(
  node: { readonly output?: import("../ir/expr-node.ts").Expr; readonly resultField?: readonly string[] },
  stage: OutputStage,
  env: RenderEnv,
): Fields {
  if (node.resultField !== undefined) return env.dialect.resultField(node.output, node.resultField, env.ctx);
  return node.output === undefined ? [] : env.dialect.output(node.output, stage, env.ctx);
}

/** `Assign`, when the state assigns variables. */
export function assignFields(assign: ObjectExpr | undefined, dollar: PathRoot, env: RenderEnv, ctx: RenderContext = env.ctx): Fields {
  return assign === undefined || assign.entries.length === 0 ? [] : env.dialect.assign(assign, dollar, ctx);
}

function retrier(r: Retrier): JsonValue {
  return objectFromFields([
    ["ErrorEquals", [...r.errors]],
    ["Comment", r.comment],
    ["IntervalSeconds", r.intervalSeconds],
    ["MaxAttempts", r.maxAttempts],
    ["BackoffRate", r.backoffRate],
    ["MaxDelaySeconds", r.maxDelaySeconds],
    ["JitterStrategy", r.jitterStrategy],
  ]);
}

/** `Retry` then `Catch`, each left out when empty. */
export function errorHandlingFields(retry: readonly Retrier[], catchers: readonly Catcher[], env: RenderEnv): Fields {
  const catchJson = catchers.map((c, i): JsonValue => {
    const ctx: RenderContext = { ...env.ctx, pointer: `${env.ctx.pointer}/Catch/${i}` };
    return objectFromFields(
      [
        ["ErrorEquals", [...c.errors]],
        ["Comment", c.comment],
      ],
      c.resultField !== undefined ? env.dialect.catchResultField(c.resultField, ctx) : c.output === undefined ? [] : env.dialect.catchOutput(c.output, ctx),
      assignFields(c.assign, "errorOutput", env, ctx),
      [["Next", c.next]],
    );
  });
  return [
    ["Retry", retry.map(retrier)],
    ["Catch", catchJson],
  ];
}

/** Nested blocks rendered at their own pointers (`/States/P/Branches/0`). */
export function nestedPointer(env: RenderEnv, ...segments: readonly (string | number)[]): string {
  return `${env.ctx.pointer}/${segments.map(pointerSegment).join("/")}`;
}
