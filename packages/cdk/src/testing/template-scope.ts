// One template of a synthesized stack as intrinsics see it: its resources' placeholder values, its
// parameters, and its nested stacks (AWS::CloudFormation::Stack), each a template of its own whose
// parameters the parent passes (resolved in the parent's scope, on first use) and whose Outputs
// the parent reads with `Fn::GetAtt [NestedStack, Outputs.<name>]`.
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { resolveString } from "./intrinsics.ts";
import type { IntrinsicScope } from "./intrinsics.ts";
import type { AssetLookup } from "./lambda-code.ts";
import { nestedStackName, resourceValues } from "./placeholder-names.ts";
import type { DeploymentPlace, ResourceValues } from "./placeholder-names.ts";
import { resourcesOf } from "./template.ts";
import type { CloudFormationTemplate, TemplateResource } from "./template.ts";

export const NESTED_STACK_TYPE = "AWS::CloudFormation::Stack";

/** A template and what its intrinsics resolve against. */
export interface TemplateScope {
  /** The template's file name in the assembly (`""` for the stack's own template). */
  readonly file: string;
  readonly template: CloudFormationTemplate;
  readonly resources: ReadonlyMap<string, TemplateResource>;
  readonly scope: IntrinsicScope;
  /** The template of the nested stack `logicalId`, when the assembly holds it (a bare template holds none). */
  nestedTemplate(logicalId: string): TemplateScope | undefined;
}

export interface TemplateScopeInput {
  readonly template: unknown;
  readonly file: string;
  readonly place: DeploymentPlace;
  /** The parameter values given to the template (a parent's values are accessors that resolve on first read). */
  readonly parameters: Readonly<Record<string, string>>;
  readonly assets: AssetLookup | undefined;
}

export function templateScope(input: TemplateScopeInput): TemplateScope {
  const template = input.template as CloudFormationTemplate;
  const resources = new Map(resourcesOf(template));
  const values = new Map<string, ResourceValues>();
  const children = new Map<string, TemplateScope | undefined>();
  const parameters: Record<string, string> = {};
  for (const [name, parameter] of Object.entries(template.Parameters ?? {})) {
    if (parameter.Default !== undefined) parameters[name] = String(parameter.Default);
  }
  // Read through, not copied: copying would resolve every value the parent passes.
  for (const name of Object.keys(input.parameters)) Object.defineProperty(parameters, name, { enumerable: true, get: () => input.parameters[name] });

  const scope: IntrinsicScope = {
    place: input.place,
    parameters,
    resource: (logicalId) => {
      const resource = resources.get(logicalId);
      if (resource === undefined) return undefined;
      let found = values.get(logicalId);
      if (found === undefined) {
        found = resourceValues(logicalId, resource, input.place);
        const child = resource.Type === NESTED_STACK_TYPE ? nestedScope(logicalId, resource) : undefined;
        // Copied as accessors: an output resolves only when something reads it.
        if (child !== undefined) found = { ...found, attributes: Object.defineProperties({ ...found.attributes }, Object.getOwnPropertyDescriptors(outputsOf(child, logicalId))) };
        values.set(logicalId, found);
      }
      return found;
    },
  };

  /** The nested stack's own template, found in the assembly by the object key of its TemplateURL. */
  function nestedScope(logicalId: string, resource: TemplateResource): TemplateScope | undefined {
    if (children.has(logicalId)) return children.get(logicalId);
    children.set(logicalId, undefined);
    const file = nestedTemplateFile(resource, scope, input.assets);
    if (file === undefined) return undefined;
    const passed = (resource.Properties?.["Parameters"] ?? {}) as Readonly<Record<string, unknown>>;
    const child = templateScope({
      template: JSON.parse(readFileSync(file, "utf8")) as unknown,
      file: basename(file),
      place: { ...input.place, stackName: nestedStackName(input.place, logicalId) },
      parameters: lazyValues(passed, (value, name) => resolveString(value, scope, `${logicalId} Parameters.${name}`)),
      assets: input.assets,
    });
    children.set(logicalId, child);
    return child;
  }

  /** `Outputs.<name>` attributes of the nested stack, each resolved in its own scope on first use. */
  function outputsOf(child: TemplateScope, logicalId: string): Record<string, string> {
    const outputs = child.template.Outputs ?? {};
    return lazyValues(
      Object.fromEntries(Object.entries(outputs).map(([name, output]) => [`Outputs.${name}`, output.Value])),
      (value, name) => resolveString(value, child.scope, `${logicalId} ${name}`),
    );
  }

  return {
    file: input.file,
    template,
    resources,
    scope,
    nestedTemplate: (logicalId) => {
      const resource = resources.get(logicalId);
      return resource?.Type === NESTED_STACK_TYPE ? nestedScope(logicalId, resource) : undefined;
    },
  };
}

/** An object whose values are computed from `raw` on first read, then kept. */
function lazyValues(raw: Readonly<Record<string, unknown>>, resolve: (value: unknown, name: string) => string): Record<string, string> {
  const lazy: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    let resolved: string | undefined;
    Object.defineProperty(lazy, name, { enumerable: true, get: () => (resolved ??= resolve(value, name)) });
  }
  return lazy;
}

/** The assembly file of a nested stack's template: its TemplateURL ends in the asset's object key. */
function nestedTemplateFile(resource: TemplateResource, scope: IntrinsicScope, assets: AssetLookup | undefined): string | undefined {
  const url = resource.Properties?.["TemplateURL"];
  if (assets === undefined || url === undefined) return undefined;
  let text: string;
  try {
    text = resolveString(url, scope, "TemplateURL");
  } catch {
    return undefined;
  }
  const objectKey = text.split("/").at(-1);
  return objectKey === undefined ? undefined : assets(objectKey);
}
