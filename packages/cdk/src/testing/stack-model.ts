// A synthesized stack as the testing entry point sees it: its resources with placeholder values,
// the construct each came from, and the definitions of its state machines with every token resolved.
import { readFileSync } from "node:fs";
import { resolveIntrinsics, resolveString } from "./intrinsics.ts";
import type { IntrinsicScope } from "./intrinsics.ts";
import { resourceValues } from "./placeholder-names.ts";
import type { DeploymentPlace } from "./placeholder-names.ts";
import { CdkTestingError, resourcesOf, STATE_MACHINE_TYPE } from "./template.ts";
import type { CloudFormationTemplate, TemplateResource } from "./template.ts";
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

/** Everything read from one synthesized stack. */
export interface StackModel {
  readonly place: DeploymentPlace;
  readonly template: CloudFormationTemplate;
  readonly constructs: ReadonlyMap<string, ConstructInfo>;
  /** Each placeholder value (Ref, ARN, attribute) → the construct it stands for. */
  readonly byValue: ReadonlyMap<string, ConstructInfo>;
  readonly resources: ReadonlyMap<string, TemplateResource>;
  readonly assets: AssetLookup | undefined;
}

export interface StackModelInput {
  readonly template: unknown;
  readonly place: DeploymentPlace;
  /** Construct paths by logical ID (from the construct tree); else the template's `aws:cdk:path`. */
  readonly paths?: ReadonlyMap<string, string>;
  readonly assets?: AssetLookup;
  readonly parameters?: Readonly<Record<string, string>>;
}

export function readStack(input: StackModelInput): StackModel {
  const entries = resourcesOf(input.template);
  const resources = new Map(entries);
  const constructs = new Map<string, ConstructInfo>();
  const byValue = new Map<string, ConstructInfo>();
  for (const [logicalId, resource] of entries) {
    const values = resourceValues(logicalId, resource, input.place);
    const path = input.paths?.get(logicalId) ?? metadataPath(resource);
    const info: ConstructInfo = { logicalId, type: resource.Type, path, id: path?.split("/").at(-1) ?? logicalId, ref: values.ref, arn: values.arn };
    constructs.set(logicalId, info);
    for (const value of [values.ref, ...Object.values(values.attributes)]) if (!byValue.has(value)) byValue.set(value, info);
  }
  return { place: input.place, template: input.template as CloudFormationTemplate, constructs, byValue, resources, assets: input.assets };
}

/** CDK writes `aws:cdk:path` (`Shop/ChargeFn/Resource`) when path metadata is on (the CLI's default); an L3 may add another `/Resource`. */
function metadataPath(resource: TemplateResource): string | undefined {
  const path = resource.Metadata?.["aws:cdk:path"];
  return typeof path === "string" ? path.replace(/(\/(Resource|Default))+$/, "") : undefined;
}

/** The intrinsic scope of a stack: placeholder values, pseudo parameters and parameter values. */
export function scopeOf(model: StackModel, given: Readonly<Record<string, string>> = {}): IntrinsicScope {
  const parameters: Record<string, string> = {};
  for (const [name, parameter] of Object.entries(model.template.Parameters ?? {})) {
    if (parameter.Default !== undefined) parameters[name] = String(parameter.Default);
  }
  const values = new Map<string, ReturnType<typeof resourceValues>>();
  return {
    place: model.place,
    parameters: { ...parameters, ...given },
    resource: (logicalId) => {
      const resource = model.resources.get(logicalId);
      if (resource === undefined) return undefined;
      let found = values.get(logicalId);
      if (found === undefined) values.set(logicalId, (found = resourceValues(logicalId, resource, model.place)));
      return found;
    },
  };
}

/** The state machine a test asked for: by construct path, construct id or logical ID; the only one when not named. */
export function selectStateMachine(model: StackModel, wanted: string | undefined): ConstructInfo {
  const machines = [...model.constructs.values()].filter((c) => c.type === STATE_MACHINE_TYPE);
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
  throw new CdkTestingError(`stateMachine '${wanted}' names no state machine of the stack. Its state machines: ${listed}.`);
}

/** A construct by path, logical ID, or id when only one construct has it. */
export function findConstruct(model: StackModel, pathOrId: string): ConstructInfo {
  const found = exactConstruct(model, pathOrId) ?? constructById(model, pathOrId);
  if (found !== undefined) return found;
  const known = [...model.constructs.values()].map((c) => c.path ?? c.logicalId).join(", ");
  throw new CdkTestingError(`No construct '${pathOrId}' in the stack. Its resources: ${known}.`);
}

/** The construct at this path or logical ID. */
export function exactConstruct(model: StackModel, key: string): ConstructInfo | undefined {
  for (const c of model.constructs.values()) if (c.path === key || c.logicalId === key) return c;
  return undefined;
}

/** The one construct with this id; throws when several have it (the path tells them apart). */
export function constructById(model: StackModel, id: string): ConstructInfo | undefined {
  const matches = [...model.constructs.values()].filter((c) => c.id === id);
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
export function definitionOf(model: StackModel, machine: ConstructInfo, parameters: Readonly<Record<string, string>> = {}): unknown {
  const resource = model.resources.get(machine.logicalId);
  const props = resource?.Properties ?? {};
  const where = `${describeConstruct(machine)}`;
  const scope = scopeOf(model, parameters);
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
