// A synthesized stack as the testing entry point sees it: its resources with placeholder values,
// the construct each came from, and the definitions of its state machines with every token resolved.
import { readFileSync } from "node:fs";
import { resolveIntrinsics, resolveString } from "./intrinsics.ts";
import type { IntrinsicScope } from "./intrinsics.ts";
import type { DeploymentPlace, ResourceValues } from "./placeholder-names.ts";
import { NESTED_STACK_TYPE, templateScope } from "./template-scope.ts";
import type { TemplateScope } from "./template-scope.ts";
import { CdkTestingError, STATE_MACHINE_TYPE } from "./template.ts";
import type { TemplateResource } from "./template.ts";
import type { AssetLookup } from "./lambda-code.ts";

/** One resource of the stack and the construct that made it. */
export interface ConstructInfo {
  readonly logicalId: string;
  /** The CloudFormation type (`AWS::Lambda::Function`). */
  readonly type: string;
  /** The construct path (`Shop/ChargeFn`), when the stack or the template's metadata tells it. */
  readonly path: string | undefined;
  /** The construct id: the last part of its path, else the logical ID. */
  readonly id: string;
  /** What `Ref` gives locally (a name, URL or ARN). */
  readonly ref: string;
  /** Its placeholder ARN, when the type has one. */
  readonly arn: string | undefined;
}

/** Everything read from one synthesized stack, its nested stacks included. */
export interface StackModel {
  /** Where the (top-level) stack deploys. */
  readonly place: DeploymentPlace;
  /** Every resource of the stack and of its nested stacks (their templates read from the assembly). */
  readonly constructs: readonly ConstructInfo[];
  /** Each placeholder value (Ref, ARN, attribute) → the construct it stands for. */
  readonly byValue: ReadonlyMap<string, ConstructInfo>;
  readonly assets: AssetLookup | undefined;
  /** Nested stacks whose templates are not at hand (a bare template does not carry them). */
  readonly unreadNestedStacks: readonly ConstructInfo[];
  /** The template resource a construct synthesized to. */
  resourceOf(construct: ConstructInfo): TemplateResource;
  /** The intrinsic scope of the template a construct is in (a nested stack's own, parameters from its parent). */
  scopeOf(construct: ConstructInfo): IntrinsicScope;
}

export interface StackModelInput {
  readonly template: unknown;
  readonly place: DeploymentPlace;
  /**
   * Construct paths by template file (`""` for the stack's own template, the nested template's file
   * name for a nested stack) and logical ID, from the construct tree; else the template's `aws:cdk:path`.
   */
  readonly paths?: ReadonlyMap<string, ReadonlyMap<string, string>>;
  readonly assets?: AssetLookup;
  /** Values of the stack's template parameters (those with a Default need none). */
  readonly parameters?: Readonly<Record<string, string>>;
}

/** Where a construct lives: its resource and the template it is in. */
interface Home {
  readonly resource: TemplateResource;
  readonly template: TemplateScope;
}

export function readStack(input: StackModelInput): StackModel {
  const constructs: ConstructInfo[] = [];
  const byValue = new Map<string, ConstructInfo>();
  const homes = new Map<ConstructInfo, Home>();
  const unreadNestedStacks: ConstructInfo[] = [];
  const visit = (template: TemplateScope): void => {
    const paths = input.paths?.get(template.file);
    const children: TemplateScope[] = [];
    for (const [logicalId, resource] of template.resources) {
      const values = template.scope.resource(logicalId)!;
      const path = paths?.get(logicalId) ?? metadataPath(resource);
      const info: ConstructInfo = { logicalId, type: resource.Type, path, id: path?.split("/").at(-1) ?? logicalId, ref: values.ref, arn: values.arn };
      constructs.push(info);
      homes.set(info, { resource, template });
      for (const value of [values.ref, ...ownAttributes(values)]) if (!byValue.has(value)) byValue.set(value, info);
      if (resource.Type !== NESTED_STACK_TYPE) continue;
      const child = template.nestedTemplate(logicalId);
      if (child === undefined) unreadNestedStacks.push(info);
      else children.push(child);
    }
    for (const child of children) visit(child);
  };
  visit(templateScope({ template: input.template, file: "", place: input.place, parameters: input.parameters ?? {}, assets: input.assets }));
  const homeOf = (construct: ConstructInfo): Home => {
    const home = homes.get(construct);
    if (home === undefined) throw new CdkTestingError(`${describeConstruct(construct)} is not a resource of this stack.`);
    return home;
  };
  return {
    place: input.place,
    constructs,
    byValue,
    assets: input.assets,
    unreadNestedStacks,
    resourceOf: (construct) => homeOf(construct).resource,
    scopeOf: (construct) => homeOf(construct).template.scope,
  };
}

/** A resource's own values: its Ref and attributes, not the outputs a nested stack passes up. */
function ownAttributes(values: ResourceValues): string[] {
  // Only the names are read for outputs: reading one would resolve it.
  return Object.keys(values.attributes).flatMap((name) => (name.startsWith("Outputs.") ? [] : [values.attributes[name]!]));
}

/** CDK writes `aws:cdk:path` (`Shop/ChargeFn/Resource`) when path metadata is on (the CLI's default); an L3 may add another `/Resource`. */
function metadataPath(resource: TemplateResource): string | undefined {
  const path = resource.Metadata?.["aws:cdk:path"];
  return typeof path === "string" ? path.replace(/(\/(Resource|Default))+$/, "") : undefined;
}

/** The state machine a test asked for: by construct path, construct id or logical ID; the only one when not named. */
export function selectStateMachine(model: StackModel, wanted: string | undefined): ConstructInfo {
  const machines = model.constructs.filter((c) => c.type === STATE_MACHINE_TYPE);
  const listed = machines.map(describeConstruct).join(", ") || "none";
  if (wanted === undefined) {
    if (machines.length === 1) return machines[0]!;
    throw new CdkTestingError(
      `The stack has ${machines.length === 0 ? "no" : machines.length} ${STATE_MACHINE_TYPE} resources${machines.length === 0 ? "" : ` (${listed})`}: ` +
        (machines.length === 0 ? "nothing to run." : "name one with { stateMachine: '<construct path or id>' }."),
    );
  }
  const matches = machines.filter((c) => c.path === wanted || c.logicalId === wanted);
  const byId = matches.length > 0 ? matches : machines.filter((c) => c.id === wanted);
  if (byId.length === 1) return byId[0]!;
  if (byId.length > 1) throw new CdkTestingError(`stateMachine '${wanted}' names ${byId.length} machines (${byId.map(describeConstruct).join(", ")}): use the construct path.`);
  const unread = model.unreadNestedStacks.map(describeConstruct).join(", ");
  throw new CdkTestingError(
    `stateMachine '${wanted}' names no state machine of the stack. Its state machines: ${listed}.` +
      (unread === "" ? "" : ` The templates of its nested stacks ${unread} are not at hand (a bare template does not carry them): use fromStack(stack) or fromCdkOut(dir).`),
  );
}

/** A construct by path, logical ID, or id when only one construct has it. */
export function findConstruct(model: StackModel, pathOrId: string): ConstructInfo {
  const found = exactConstruct(model, pathOrId) ?? constructById(model, pathOrId);
  if (found !== undefined) return found;
  const known = model.constructs.map((c) => c.path ?? c.logicalId).join(", ");
  throw new CdkTestingError(`No construct '${pathOrId}' in the stack. Its resources: ${known}.`);
}

/** The construct at this path or logical ID. */
export function exactConstruct(model: StackModel, key: string): ConstructInfo | undefined {
  for (const c of model.constructs) if (c.path === key || c.logicalId === key) return c;
  return undefined;
}

/** The one construct with this id; throws when several have it (the path tells them apart). */
export function constructById(model: StackModel, id: string): ConstructInfo | undefined {
  const matches = model.constructs.filter((c) => c.id === id);
  if (matches.length > 1) throw new CdkTestingError(`'${id}' is the id of ${matches.length} constructs (${matches.map(describeConstruct).join(", ")}): use the construct path.`);
  return matches[0];
}

/** `Shop/Checkout (CheckoutB7CD3E82)`, or the logical ID alone when the path is unknown. */
export function describeConstruct(info: ConstructInfo): string {
  return info.path === undefined ? info.logicalId : `${info.path} (${info.logicalId})`;
}

/**
 * The machine's ASL as CloudFormation would deploy it: DefinitionString (or Definition, or the
 * DefinitionS3Location asset) with its tokens resolved and DefinitionSubstitutions applied.
 */
export function definitionOf(model: StackModel, machine: ConstructInfo): unknown {
  const props = model.resourceOf(machine).Properties ?? {};
  const where = `${describeConstruct(machine)}`;
  const scope = model.scopeOf(machine);
  let text: string;
  if (props["DefinitionString"] !== undefined) text = resolveString(props["DefinitionString"], scope, `${where} DefinitionString`);
  else if (props["Definition"] !== undefined) text = JSON.stringify(resolveIntrinsics(props["Definition"], scope, `${where} Definition`));
  else if (props["DefinitionS3Location"] !== undefined) text = readS3Definition(model, props["DefinitionS3Location"], where);
  else throw new CdkTestingError(`${where} has no DefinitionString, Definition or DefinitionS3Location.`);
  const substitutions = props["DefinitionSubstitutions"];
  if (substitutions !== undefined) {
    const values = resolveIntrinsics(substitutions, scope, `${where} DefinitionSubstitutions`) as Record<string, unknown>;
    text = text.replace(/\$\{([^}]+)\}/g, (whole, key: string) => (Object.hasOwn(values, key) ? String(values[key]) : whole));
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new CdkTestingError(`${where}: the resolved definition is not JSON (${(error as Error).message}).`);
  }
}

/** The machine's StateMachineType (a literal in synthesized templates); STANDARD when absent, as in CloudFormation. */
export function stateMachineTypeOf(model: StackModel, machine: ConstructInfo): "STANDARD" | "EXPRESS" {
  return model.resourceOf(machine).Properties?.["StateMachineType"] === "EXPRESS" ? "EXPRESS" : "STANDARD";
}

function readS3Definition(model: StackModel, location: unknown, where: string): string {
  const key = (location as { Key?: unknown } | null)?.Key;
  if (typeof key !== "string") throw new CdkTestingError(`${where}: DefinitionS3Location has no literal Key.`);
  if (model.assets === undefined) {
    throw new CdkTestingError(`${where} reads its definition from S3 (DefinitionBody.fromFile): a bare template does not carry the file; use fromStack(stack) or fromCdkOut(dir).`);
  }
  const file = model.assets(key);
  if (file === undefined) throw new CdkTestingError(`${where}: the definition asset ${key} is not in the cloud assembly.`);
  return readFileSync(file, "utf8");
}
