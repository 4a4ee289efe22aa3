/**
 * Lambda functions declared in code with `@stepcraft/core`'s `lambda()`: the task name, the
 * handler's source file, and the request the task sends (whose `FunctionName` is what the ASL calls).
 */
import type { Expr, TaskCall } from "@stepcraft/core";

/** What the construct reads from a `lambda(name, { entry, … })` declaration. */
export interface LambdaDeclaration {
  readonly name: string;
  /** The handler's source file, bundled with esbuild. */
  readonly entry: string;
  /** The `FunctionName` the ASL calls (core's declarations and `workflow.lambdas` carry it). @default read from `call`, else `name` */
  readonly functionName?: string;
  /** The task's call, whose request names the function. @default the function is called by `name` */
  readonly call?: TaskCall;
}

/** The `FunctionName` the compiled ASL calls for a declaration: core's `functionName` option, or its name. */
export function aslFunctionName(declaration: LambdaDeclaration): string {
  if (declaration.functionName !== undefined) return declaration.functionName;
  const request = declaration.call?.request?.({ kind: "literal", value: null });
  const functionName = request?.kind === "object" ? request.entries.find(([key]) => key === "FunctionName")?.[1] : undefined;
  return isStringLiteral(functionName) ? functionName.value : declaration.name;
}

const isStringLiteral = (expr: Expr | undefined): expr is Expr & { readonly kind: "literal"; readonly value: string } =>
  expr?.kind === "literal" && typeof expr.value === "string";
