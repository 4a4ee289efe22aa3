/**
 * Decides which function each Lambda task calls: a given function or ARN (`functions`), or a
 * declared handler (`lambdas`) bundled on demand. Only functions the definition calls are created.
 */
import { Annotations, Stack } from "aws-cdk-lib";
import type { IFunction } from "aws-cdk-lib/aws-lambda";
import type { NodejsFunctionProps } from "aws-cdk-lib/aws-lambda-nodejs";
import { Construct } from "constructs";
import { placeholderKey, wireFunctionNames } from "../definition/function-wiring.ts";
import { lambdaFunctionArn } from "../permissions/arns.ts";
import { bundledFunction } from "./bundled-function.ts";
import { aslFunctionName, type LambdaDeclaration } from "./lambda-declaration.ts";

/** The function options of the construct. */
export interface FunctionWiringOptions {
  readonly lambdas?: readonly LambdaDeclaration[] | undefined;
  readonly functions?: Readonly<Record<string, IFunction | string>> | undefined;
  readonly functionDefaults?: NodejsFunctionProps | undefined;
  readonly functionProps?: Readonly<Record<string, NodejsFunctionProps>> | undefined;
  readonly entryRoot?: string | undefined;
  readonly definitionSubstitutions?: Readonly<Record<string, string>> | undefined;
}

/** The wired definition, the functions it calls by name, and every substitution (the caller's and the functions'). */
export interface WiredFunctions {
  readonly definition: Record<string, unknown>;
  readonly functions: ReadonlyMap<string, IFunction>;
  readonly substitutions: Readonly<Record<string, string>>;
}

const isFunction = (target: IFunction | string): target is IFunction => typeof target === "object";

/** Wires the definition's Lambda tasks to functions under `scope`, warning on `scope` about names nothing maps and mappings nothing calls. */
export function wireFunctions(scope: Construct, definition: Record<string, unknown>, options: FunctionWiringOptions): WiredFunctions {
  const declarations = options.lambdas ?? [];
  // A mapping may name a declaration by its lambda name; the definition calls its functionName.
  const callNames = new Map(declarations.map((declaration) => [declaration.name, aslFunctionName(declaration)]));
  const given = new Map(Object.entries(options.functions ?? {}).map(([name, target]) => [callNames.get(name) ?? name, target]));
  const declared = new Map<string, LambdaDeclaration>();
  for (const declaration of declarations) {
    const name = aslFunctionName(declaration);
    if (!given.has(name) && !declared.has(name)) declared.set(name, declaration);
  }

  const substitutions: Record<string, string> = { ...options.definitionSubstitutions };
  const keys = new Map<string, string>();
  for (const name of [...given.keys(), ...declared.keys()]) keys.set(name, placeholderKey(name, new Set([...Object.keys(substitutions), ...keys.values()])));
  const wired = wireFunctionNames(definition, keys);

  const functions = new Map<string, IFunction>();
  const functionsScope = declared.size > 0 ? new Construct(scope, "Functions") : scope;
  for (const [name, key] of keys) {
    if (!wired.used.has(name)) {
      Annotations.of(scope).addWarningV2("@stepcraft/cdk:UNUSED_FUNCTION", `function "${name}" is given but no task of the definition calls it.`);
      continue;
    }
    const declaration = declared.get(name);
    const target =
      declaration === undefined
        ? given.get(name)
        : bundledFunction(functionsScope, name, declaration, {
            entryRoot: options.entryRoot ?? process.cwd(),
            defaults: options.functionDefaults ?? {},
            overrides: options.functionProps?.[name],
          });
    if (target === undefined) continue;
    if (isFunction(target)) functions.set(name, target);
    substitutions[key] = isFunction(target) ? target.functionArn : target;
  }
  for (const { pointer, name } of wired.unwired) {
    Annotations.of(scope).addWarningV2(
      "@stepcraft/cdk:UNWIRED_FUNCTION",
      `${pointer} calls the function "${name}", which is neither in \`lambdas\` nor in \`functions\`: it must exist under that name in the stack's account and region.`,
    );
  }
  // A function called by ARN that nothing maps: its ARN in the stack's partition, account and region,
  // as Lambda resolves a bare FunctionName (CloudFormation does not fill pseudo parameters here).
  const byResource = new Map<string, string>();
  for (const { name } of wired.unwired.filter((u) => u.byResource)) {
    // A name's version or alias stays after the placeholder (`${fn_charge}:live`), as for a mapped function.
    const base = /^\d{12}:function:/.test(name) ? name : (name.split(":")[0] ?? name);
    if (byResource.has(base)) continue;
    const key = placeholderKey(base, new Set([...Object.keys(substitutions), ...keys.values(), ...byResource.values()]));
    byResource.set(base, key);
    substitutions[key] = qualifiedFunctionArn(Stack.of(scope), base);
  }
  const deployed = byResource.size === 0 ? wired.definition : wireFunctionNames(wired.definition, byResource).definition;
  return { definition: deployed, functions, substitutions };
}

/** The ARN of a function named by a name or partial ARN, with the version or alias a partial ARN names (`…:function:charge:live`). */
function qualifiedFunctionArn(stack: Stack, name: string): string {
  const parts = name.split(":");
  const qualifier = parts[1] === "function" ? parts[3] : parts[1];
  return `${lambdaFunctionArn(stack, name)}${qualifier === undefined ? "" : `:${qualifier}`}`;
}
