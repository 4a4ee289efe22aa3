/**
 * Derives the IAM a definition needs by walking every Task (at any depth, raw escape hatches
 * included) and every Distributed Map. Anything it cannot derive is reported, never guessed.
 */
import { readString } from "../definition/static-value.ts";
import { requestOf, walkStates, type JsonRecord } from "../definition/walk-states.ts";
import { invokeFunctionNeed } from "./lambda-permissions.ts";
import { distributedMapNeeds, isDistributedMap } from "./map-permissions.ts";
import { resourcesFor, type PermissionContext } from "./permission-context.ts";
import type { PermissionNeed } from "./permission-need.ts";
import { sdkIntegrationNeeds } from "./sdk-integrations.ts";
import { referencedResource } from "./token-resources.ts";
import { SERVICE_INTEGRATIONS } from "./service-integrations.ts";

const SDK = /^arn:[^:]+:states:::aws-sdk:([^:]+):([^.:]+)(?:\.waitForTaskToken)?$/;
const OPTIMIZED = /^arn:[^:]+:states:::([^:]+):([^.:]+)(?:\.(sync|sync:2|waitForTaskToken))?$/;
const ACTIVITY = /^arn:[^:]+:states:[^:]*:[^:]*:activity:/;
const LAMBDA_ARN = /^arn:[^:]+:lambda:/;
const WHOLE_PLACEHOLDER = /^(\$\{[A-Za-z0-9_]+\})(?::[^:]+)?$/;

/**
 * True for a Resource that is a substitution standing for a function of the stack (`${fn_Charge}`,
 * or `${fn_Charge}:live`): how the construct wires a function that a Task calls by ARN.
 */
function isFunctionSubstitution(context: PermissionContext, resource: string): boolean {
  const placeholder = WHOLE_PLACEHOLDER.exec(resource)?.[1];
  return placeholder !== undefined && referencedResource(context.stack, context.substitute(placeholder), "AWS::Lambda::Function") !== undefined;
}

/** Every permission the definition's tasks and Distributed Maps need, in definition order. */
export function definitionPermissions(definition: unknown, context: PermissionContext): PermissionNeed[] {
  const needs: PermissionNeed[] = [];
  for (const { pointer, state } of walkStates(definition)) {
    if (state["Type"] === "Task") needs.push(...taskNeeds(context, state, pointer));
    if (isDistributedMap(state)) needs.push(...distributedMapNeeds(context, state, pointer));
  }
  return needs;
}

function taskNeeds(context: PermissionContext, state: JsonRecord, pointer: string): PermissionNeed[] {
  // With Credentials the task runs as another role: the machine only needs to assume it.
  if (state["Credentials"] !== undefined) {
    return [{ actions: ["sts:AssumeRole"], resources: resourcesFor(context, readString(state["Credentials"], ["RoleArn"]), (literal) => literal) }];
  }
  if (typeof state["Resource"] !== "string") return [];
  const resource = context.substitute(state["Resource"]);
  const request = requestOf(state);
  const sdk = SDK.exec(resource);
  if (sdk !== null) return sdkIntegrationNeeds(context, sdk[1] ?? "", sdk[2] ?? "", request, pointer);
  const optimized = OPTIMIZED.exec(resource);
  if (optimized !== null) {
    const rule = SERVICE_INTEGRATIONS[`${optimized[1] ?? ""}:${optimized[2] ?? ""}`];
    if (rule !== undefined) return rule({ request, pattern: optimized[3], pointer }, context);
    context.warn(pointer, `no IAM rule for ${resource}: grant what it needs with \`policyStatements\`.`);
    return [];
  }
  // Activity workers call GetActivityTask and SendTask*; the machine's role needs nothing.
  if (ACTIVITY.test(resource)) return [];
  // The Resource as written: invokeFunctionNeed substitutes it, and keeps a qualifier after a placeholder (`${fn_Charge}:live`) out of the grant.
  if (LAMBDA_ARN.test(resource) || isFunctionSubstitution(context, state["Resource"])) return invokeFunctionNeed(context, { kind: "literal", value: state["Resource"] });
  context.warn(pointer, `cannot derive IAM for the Resource ${state["Resource"]}: grant what it needs with \`policyStatements\`.`);
  return [];
}
