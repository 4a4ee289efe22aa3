// The three ways in: a CDK stack object, a synthesized template, or a cloud assembly directory.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { CfnResource, NestedStack, Stack, Stage, Token } from "aws-cdk-lib";
import type { IConstruct } from "constructs";
import { assemblyAssets } from "./assembly-assets.ts";
import { cdkStateMachine } from "./cdk-state-machine.ts";
import type { CdkMachineOptions, CdkStateMachine } from "./cdk-state-machine.ts";
import type { DeploymentPlace } from "./placeholder-names.ts";
import { readStack } from "./stack-model.ts";
import { CdkTestingError } from "./template.ts";

/** Where an environment-agnostic stack "deploys" locally: the runtime's own defaults. */
export interface PlaceOptions {
  /** For stacks without a literal region. @default "us-east-1" */
  readonly region?: string;
  /** For stacks without a literal account. @default "123456789012" */
  readonly accountId?: string;
}

const DEFAULT_REGION = "us-east-1";
const DEFAULT_ACCOUNT = "123456789012";

/**
 * A state machine of a CDK stack, synthesized (once per app, as `Template.fromStack` does) and
 * ready to run locally; its functions' bundled code and `DefinitionBody.fromFile` come from the
 * app's cloud assembly.
 * @example
 * const machine = fromStack(stack, { stateMachine: "Checkout" });
 * const run = await testExecution(machine, { orderId: "o-1" }, { tasks: { "Shop/ChargeFn": charge } });
 */
export function fromStack(stack: Stack, options: CdkMachineOptions & PlaceOptions = {}): CdkStateMachine {
  if (!Stack.isStack(stack)) throw new CdkTestingError("fromStack expects a CDK Stack (from aws-cdk-lib).");
  const stage = Stage.of(stack);
  if (stage === undefined) throw new CdkTestingError(`The stack '${stack.node.path}' is in no App or Stage: create it in new App().`);
  // Same assembly as Template.fromStack: a Stage synthesizes once and caches the result.
  const assembly = stage.synth();
  const template = assembly.getStackArtifact(stack.artifactId).template as unknown;
  const place: DeploymentPlace = {
    stackName: stack.stackName,
    region: Token.isUnresolved(stack.region) ? (options.region ?? DEFAULT_REGION) : stack.region,
    accountId: Token.isUnresolved(stack.account) ? (options.accountId ?? DEFAULT_ACCOUNT) : stack.account,
    partition: "aws",
  };
  const model = readStack({ template, place, paths: constructPaths(stack), assets: assemblyAssets(assembly.directory), ...parametersOf(options) });
  return cdkStateMachine(model, options);
}

const WRAPPED = new Set(["Resource", "Default"]);

/**
 * The construct path of each resource of the stack and of its nested stacks (the L2 construct's,
 * not its `Resource` child's), by template file (`""` for the stack's own) and logical ID.
 */
function constructPaths(stack: Stack): Map<string, Map<string, string>> {
  const paths = new Map<string, Map<string, string>>();
  for (const construct of stack.node.findAll()) {
    if (!CfnResource.isCfnResource(construct)) continue;
    const home = Stack.of(construct);
    const file = home === stack ? "" : NestedStack.isNestedStack(home) ? home.templateFile : undefined;
    const logicalId = home.resolve(construct.logicalId) as unknown;
    if (file === undefined || typeof logicalId !== "string") continue;
    // An L2 keeps its L1 as `Resource`; a wrapping L3 may keep that L2 as `Resource` again.
    let owner: IConstruct = construct;
    while (WRAPPED.has(owner.node.id) && owner.node.scope !== undefined && owner.node.scope !== home) owner = owner.node.scope;
    let inFile = paths.get(file);
    if (inFile === undefined) paths.set(file, (inFile = new Map()));
    inFile.set(logicalId, owner.node.path);
  }
  return paths;
}

/** Options of {@link fromTemplate}. */
export interface FromTemplateOptions extends CdkMachineOptions, PlaceOptions {
  /** The stack name (`AWS::StackName`, and the prefix of generated names). @default "Stack" */
  readonly stackName?: string;
  /** A cloud assembly directory holding the template's assets (bundled functions, fromFile definitions). */
  readonly assemblyDirectory?: string;
}

/**
 * A state machine of a synthesized template: `Template.fromStack(stack)` (aws-cdk-lib/assertions)
 * or its JSON. A bare template carries no assets: Lambda code runs only when inline, unless
 * `assemblyDirectory` says where the assets are.
 */
export function fromTemplate(template: { toJSON(): unknown } | object, options: FromTemplateOptions = {}): CdkStateMachine {
  const json = typeof (template as { toJSON?: unknown }).toJSON === "function" ? (template as { toJSON(): unknown }).toJSON() : template;
  const place: DeploymentPlace = {
    stackName: options.stackName ?? "Stack",
    region: options.region ?? DEFAULT_REGION,
    accountId: options.accountId ?? DEFAULT_ACCOUNT,
    partition: "aws",
  };
  const assets = options.assemblyDirectory === undefined ? undefined : assemblyAssets(options.assemblyDirectory);
  return cdkStateMachine(readStack({ template: json, place, ...(assets === undefined ? {} : { assets }), ...parametersOf(options) }), options);
}

/** Options of {@link fromCdkOut}. */
export interface FromCdkOutOptions extends CdkMachineOptions, PlaceOptions {
  /** The stack: its artifact id or stack name. @default the assembly's only stack */
  readonly stack?: string;
}

interface AssemblyManifest {
  readonly artifacts?: Readonly<Record<string, { readonly type?: string; readonly environment?: string; readonly properties?: { readonly templateFile?: string; readonly stackName?: string } }>>;
}

/**
 * A state machine of a stack in a cloud assembly directory (`cdk synth`'s `cdk.out`), with the
 * functions' bundled code and fromFile definitions read from there.
 */
export function fromCdkOut(directory: string, options: FromCdkOutOptions = {}): CdkStateMachine {
  const manifestFile = join(directory, "manifest.json");
  if (!existsSync(manifestFile)) throw new CdkTestingError(`${directory} is no cloud assembly (no manifest.json): run cdk synth first, or pass its --output directory.`);
  const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as AssemblyManifest;
  const stacks = Object.entries(manifest.artifacts ?? {}).filter(([, a]) => a.type === "aws:cloudformation:stack");
  const names = stacks.map(([id]) => `'${id}'`).join(", ") || "none";
  const wanted = options.stack;
  const chosen = wanted === undefined ? (stacks.length === 1 ? stacks[0] : undefined) : stacks.find(([id, a]) => id === wanted || a.properties?.stackName === wanted);
  if (chosen === undefined) {
    throw new CdkTestingError(
      wanted === undefined ? `${directory} holds ${stacks.length} stacks (${names}): name one with { stack: '<name>' }.` : `${directory} has no stack '${wanted}'. Its stacks: ${names}.`,
    );
  }
  const [id, artifact] = chosen;
  const templateFile = artifact.properties?.templateFile ?? `${id}.template.json`;
  const template = JSON.parse(readFileSync(join(directory, templateFile), "utf8")) as unknown;
  const [, account, region] = /^aws:\/\/([^/]+)\/(.+)$/.exec(artifact.environment ?? "") ?? [];
  const place: DeploymentPlace = {
    stackName: artifact.properties?.stackName ?? id,
    region: region === undefined || region.startsWith("unknown-") ? (options.region ?? DEFAULT_REGION) : region,
    accountId: account === undefined || account.startsWith("unknown-") ? (options.accountId ?? DEFAULT_ACCOUNT) : account,
    partition: "aws",
  };
  return cdkStateMachine(readStack({ template, place, assets: assemblyAssets(directory), ...parametersOf(options) }), options);
}

function parametersOf(options: CdkMachineOptions): { readonly parameters?: Readonly<Record<string, string>> } {
  return options.parameters === undefined ? {} : { parameters: options.parameters };
}
