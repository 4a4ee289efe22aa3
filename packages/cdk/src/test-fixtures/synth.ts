// Test helpers: synthesize a stack and read the template back as plain, readable values.
import { App, Stack } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import type { IConstruct } from "constructs";

export const ACCOUNT = "123456789012";
export const REGION = "eu-west-1";

/** Builds constructs in a fresh stack with a fixed account and region, then synthesizes it. */
export function synthesize(build: (stack: Stack) => void): { readonly stack: Stack; readonly template: Template } {
  const app = new App();
  const stack = new Stack(app, "Test", { env: { account: ACCOUNT, region: REGION } });
  build(stack);
  return { stack, template: Template.fromStack(stack) };
}

/**
 * Renders CloudFormation intrinsics as text so expectations read like ARNs:
 * `{Ref: AWS::Partition}` → `aws`, `{Ref: X}` → `${X}`, `Fn::GetAtt [X, Arn]` → `${X.Arn}`, `Fn::Join` → the joined text.
 */
export function flatten(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(flatten);
  if (typeof value !== "object" || value === null) return value;
  const entries = Object.entries(value);
  const [key, arg] = entries.length === 1 ? (entries[0] as [string, unknown]) : ["", undefined];
  if (key === "Ref") return arg === "AWS::Partition" ? "aws" : `\${${String(arg)}}`;
  if (key === "Fn::GetAtt" && Array.isArray(arg)) return `\${${arg.join(".")}}`;
  if (key === "Fn::Join" && Array.isArray(arg)) return (arg[1] as unknown[]).map((part) => String(flatten(part))).join(String(arg[0]));
  if (key === "Fn::Select" && Array.isArray(arg)) {
    const list = flatten(arg[1]);
    return Array.isArray(list) ? list[Number(arg[0])] : `\${select(${String(arg[0])}, ${String(list)})}`;
  }
  if (key === "Fn::Split" && Array.isArray(arg)) {
    const text = flatten(arg[1]);
    return typeof text === "string" && !text.includes("${") ? text.split(String(arg[0])) : `\${split(${String(arg[0])}, ${String(text)})}`;
  }
  return Object.fromEntries(entries.map(([k, v]) => [k, flatten(v)]));
}

/** The logical ID CloudFormation knows a construct's resource by. */
export function logicalId(construct: IConstruct): string {
  const child = construct.node.defaultChild ?? construct;
  return Stack.of(construct).getLogicalId(child as never);
}

interface PolicyResource {
  readonly Properties: { readonly PolicyDocument: { readonly Statement: unknown[] }; readonly Roles: readonly { readonly Ref: string }[] };
}

/** The statements of every inline policy attached to `roleLogicalId`, policy by policy, flattened. */
export function roleStatements(template: Template, roleLogicalId: string): Record<string, unknown[]> {
  const policies = template.findResources("AWS::IAM::Policy") as Record<string, PolicyResource>;
  const attached = Object.entries(policies).filter(([, policy]) => policy.Properties.Roles.some((role) => role.Ref === roleLogicalId));
  return Object.fromEntries(attached.map(([id, policy]) => [id, flatten(policy.Properties.PolicyDocument.Statement) as unknown[]]));
}

interface StateMachineResource {
  readonly Properties: { readonly DefinitionString: string; readonly DefinitionSubstitutions?: Record<string, unknown> };
}

/** The deployed definition with each `${key}` replaced by its flattened substitution, as CloudFormation will. */
export function renderDefinition(template: Template): unknown {
  const machines = Object.values(template.findResources("AWS::StepFunctions::StateMachine")) as StateMachineResource[];
  const [machine] = machines;
  if (machine === undefined || machines.length !== 1) throw new Error(`expected one state machine, found ${machines.length}`);
  const substitutions = flatten(machine.Properties.DefinitionSubstitutions ?? {}) as Record<string, string>;
  const text = machine.Properties.DefinitionString.replace(/\$\{([A-Za-z0-9_]+)\}/g, (placeholder, key: string) => substitutions[key] ?? placeholder);
  return JSON.parse(text);
}
