import type { TaskHandler } from "@stepcraft/runtime";

/** A Lambda function's answer that the Lambda API marked as an error (`X-Amz-Function-Error`). */
class RemoteLambdaError extends Error {
  constructor(name: string, message: string) {
    super(message);
    // The runtime names the Step Functions error after the thrown error's name (its errorType).
    this.name = name;
  }
}

/**
 * The Lambda functions a definition calls by a literal name: bare function ARNs as `Resource`,
 * and `FunctionName` of `arn:aws:states:::lambda:invoke` tasks, in nested branches too.
 */
export function lambdaFunctionNames(definition: unknown): string[] {
  const names = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== "object") return;
    const record = node as Record<string, unknown>;
    const resource = record["Resource"];
    if (typeof resource === "string") {
      const bare = /^arn:aws[a-zA-Z-]*:lambda:[^:]+:\d{12}:function:([^:]+)/.exec(resource);
      if (bare !== null) names.add(bare[1]!);
      const args = (record["Parameters"] ?? record["Arguments"]) as Record<string, unknown> | undefined;
      const fn = args?.["FunctionName"];
      if (/:states:::lambda:invoke/.test(resource) && typeof fn === "string" && !fn.startsWith("{%")) names.add(fn);
    }
    Object.values(record).forEach(visit);
  };
  visit(definition);
  return [...names];
}

/** The function name of a name, partial ARN or full ARN (`…:function:charge:prod` → `charge`). */
function functionName(ref: string): string {
  const m = /(?:^|:)function:([^:]+)/.exec(ref);
  return m === null ? ref : m[1]!;
}

/**
 * Handlers that invoke functions through a Lambda-API-compatible endpoint
 * (`POST /2015-03-31/functions/<name>/invocations`), the way Step Functions Local's
 * `LAMBDA_ENDPOINT` does: keyed by every name the definition uses.
 */
export function lambdaEndpointHandlers(endpoint: string, names: readonly string[]): Record<string, TaskHandler> {
  const base = endpoint.replace(/\/+$/, "");
  const handlers: Record<string, TaskHandler> = {};
  for (const name of names) {
    handlers[name] = async (event, ctx) => {
      const fn = functionName(name);
      const response = await fetch(`${base}/2015-03-31/functions/${encodeURIComponent(fn)}/invocations`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(event ?? {}),
        // The runtime hands every task a real AbortSignal; its public type is the structural
        // AbortSignalLike so that the published types need no DOM or Node.js lib.
        signal: ctx.signal as AbortSignal,
      });
      const text = await response.text();
      if (response.status === 404) {
        throw new RemoteLambdaError("Lambda.ResourceNotFoundException", `Function not found: ${fn} (Service: AWSLambda; Status Code: 404; Error Code: ResourceNotFoundException)`);
      }
      if (!response.ok) throw new RemoteLambdaError(`Lambda.${response.status >= 500 ? "ServiceException" : "AWSLambdaException"}`, text);
      const payload = text === "" ? null : (JSON.parse(text) as unknown);
      if (response.headers.has("x-amz-function-error")) {
        const body = (payload ?? {}) as { errorType?: unknown; errorMessage?: unknown };
        throw new RemoteLambdaError(typeof body.errorType === "string" ? body.errorType : "Error", typeof body.errorMessage === "string" ? body.errorMessage : text);
      }
      return payload;
    };
  }
  return handlers;
}
