// The parts of a synthesized CloudFormation template the testing entry point reads.

/** One resource of a template, as CloudFormation JSON has it. */
export interface TemplateResource {
  readonly Type: string;
  readonly Properties?: Readonly<Record<string, unknown>>;
  readonly Metadata?: Readonly<Record<string, unknown>>;
}

/** A synthesized template: the JSON of `Template.toJSON()` or of a `cdk.out/<stack>.template.json`. */
export interface CloudFormationTemplate {
  readonly Resources?: Readonly<Record<string, TemplateResource>>;
  readonly Parameters?: Readonly<Record<string, { readonly Type?: string; readonly Default?: unknown }>>;
  /** What a nested stack passes up to its parent (`Fn::GetAtt [Stack, Outputs.<name>]`). */
  readonly Outputs?: Readonly<Record<string, { readonly Value?: unknown }>>;
}

/** Thrown when a template, a stack or an option cannot give a machine the runtime can run. */
export class CdkTestingError extends Error {
  override readonly name = "CdkTestingError";
}

export const STATE_MACHINE_TYPE = "AWS::StepFunctions::StateMachine";

/** The template's resources as [logicalId, resource] pairs, refusing what is not a template. */
export function resourcesOf(template: unknown): readonly (readonly [string, TemplateResource])[] {
  if (typeof template !== "object" || template === null || Array.isArray(template)) {
    throw new CdkTestingError(`Expected a CloudFormation template (an object with Resources), got ${template === null ? "null" : Array.isArray(template) ? "an array" : typeof template}.`);
  }
  const resources = (template as CloudFormationTemplate).Resources;
  if (typeof resources !== "object" || resources === null) {
    throw new CdkTestingError("The template has no Resources: pass the synthesized template (Template.fromStack(stack).toJSON(), or a cdk.out/<stack>.template.json).");
  }
  return Object.entries(resources).filter((entry): entry is [string, TemplateResource] => typeof entry[1] === "object" && entry[1] !== null && typeof entry[1].Type === "string");
}
