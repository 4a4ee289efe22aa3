/**
 * The JSONPath form of a `lambda()` Task that merges the handler's result into its input
 * (`resultField` without `output`): it calls the function by its ARN (`"Resource": <function ARN>`)
 * instead of `arn:aws:states:::lambda:invoke`, as the CDK's `LambdaInvoke` does with
 * `payloadResponseOnly`. Only that form's result is the handler's payload itself, which
 * `ResultPath` can place; `lambda:invoke` wraps it in `{ Payload, StatusCode, … }`, and JSONPath can
 * unwrap that only into an object (`ResultSelector`), never into the payload alone.
 */
import type { Expr, PathExpr } from "../ir/expr-node.ts";
import type { TaskNode } from "../ir/state-node.ts";

const FUNCTION_ARN = /^arn:[^:]+:lambda:/;
const PARTIAL_ARN = /^(\d{12}):function:(.+)$/;

/**
 * The `Resource` that calls `functionName` directly. Lambda's `FunctionName` accepts a name or a
 * partial ARN resolved in the machine's own account and region, but a `Resource` must be a full
 * ARN: what the workflow cannot know is left as CloudFormation's pseudo parameters
 * (`${AWS::Partition}`, `${AWS::Region}`, `${AWS::AccountId}`), which the CDK construct fills in
 * and the local runtime reads as its own region and account.
 * @example lambdaFunctionResource("charge") // "arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:charge"
 */
export function lambdaFunctionResource(functionName: string): string {
  // A full ARN, or a substitution the deployment fills with one (`${ChargeArn}`).
  if (FUNCTION_ARN.test(functionName) || functionName.includes("${")) return functionName;
  const partial = PARTIAL_ARN.exec(functionName);
  const account = partial?.[1] ?? "${AWS::AccountId}";
  return `arn:\${AWS::Partition}:lambda:\${AWS::Region}:${account}:function:${partial?.[2] ?? functionName}`;
}

const isPayloadPath = (expr: Expr | undefined): boolean =>
  expr?.kind === "path" && expr.root === "result" && expr.segments.length === 1 && expr.segments[0] === "Payload";

/** The same expression reading the handler's payload as the result itself (`$.Payload.id` → `$.id`); undefined when it reads the invoke envelope some other way. */
function withoutPayloadPrefix(expr: Expr): Expr | undefined {
  switch (expr.kind) {
    case "path": {
      if (expr.root !== "result") return expr;
      if (expr.segments[0] !== "Payload") return undefined;
      return { ...expr, segments: expr.segments.slice(1) } satisfies PathExpr;
    }
    case "object": {
      const entries = expr.entries.map(([key, value]) => [key, withoutPayloadPrefix(value)] as const);
      return entries.every((entry): entry is readonly [string, Expr] => entry[1] !== undefined) ? { ...expr, entries } : undefined;
    }
    case "array": {
      const items = expr.items.map(withoutPayloadPrefix);
      return items.every((item): item is Expr => item !== undefined) ? { ...expr, items } : undefined;
    }
    case "function": {
      const args = expr.args.map(withoutPayloadPrefix);
      return args.every((arg): arg is Expr => arg !== undefined) ? { ...expr, args } : undefined;
    }
    case "literal":
      return expr;
    // A raw path or JSONata text, or a condition, may read the envelope in ways not rewritten here.
    default:
      return undefined;
  }
}

/** The Payload a `lambda()` request sends: `{ FunctionName, Payload }`'s second entry. */
function requestPayload(request: Expr | undefined): Expr | undefined {
  return request?.kind === "object" ? request.entries.find(([key]) => key === "Payload")?.[1] : undefined;
}

/**
 * The Task calling its function by ARN, when it is a request-response `lambda()` Task whose result
 * goes under `resultField` unchanged; undefined otherwise (the `lambda:invoke` form stays).
 */
export function directLambdaCall(node: TaskNode): TaskNode | undefined {
  const declaration = node.lambda;
  if (declaration === undefined || declaration.pattern !== "requestResponse" || node.resultField === undefined || !isPayloadPath(node.output)) return undefined;
  const payload = requestPayload(node.arguments);
  const assign = node.assign === undefined ? undefined : withoutPayloadPrefix(node.assign);
  if (payload === undefined || (node.assign !== undefined && assign?.kind !== "object")) return undefined;
  // The state's whole input is what the function gets when no Parameters or InputPath narrow it.
  const wholeInput = payload.kind === "path" && payload.root === "input" && payload.segments.length === 0;
  const { output: _envelope, arguments: _request, assign: _assign, ...rest } = node;
  return {
    ...rest,
    resource: lambdaFunctionResource(declaration.functionName),
    ...(wholeInput ? {} : { arguments: payload }),
    ...(assign?.kind === "object" ? { assign } : {}),
  };
}
