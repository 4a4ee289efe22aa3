/**
 * Maps a token back to the CloudFormation resource it references, so a substitution such as
 * `queue.queueUrl` or `table.tableName` can be granted on that resource's ARN instead of `*`.
 * Tokens are compared by what they resolve to (`{ Ref: Id }`, `Fn::GetAtt`), because an L2's
 * attribute and its L1's `ref` are different token strings for the same reference.
 */
import { CfnResource, Token, type Stack } from "aws-cdk-lib";

/** How a token refers to a resource of the given type: its `Ref`, or one of its attributes. */
export interface TokenReference {
  readonly resource: CfnResource;
  /** `Ref`, or the `Fn::GetAtt` attribute name (`Arn`, `QueueUrl`…). */
  readonly attribute: string;
}

/** The resource of `cfnType` in `stack` that `value` references as a whole, if any. */
export function referencedResource(stack: Stack, value: string, cfnType: string): TokenReference | undefined {
  if (!Token.isUnresolved(value)) return undefined;
  const resolved: unknown = stack.resolve(value);
  if (typeof resolved !== "object" || resolved === null) return undefined;
  const record = resolved as Record<string, unknown>;
  const getAtt = record["Fn::GetAtt"];
  const logicalId = typeof record["Ref"] === "string" ? record["Ref"] : Array.isArray(getAtt) && typeof getAtt[0] === "string" ? getAtt[0] : undefined;
  if (logicalId === undefined) return undefined;
  const attribute = Array.isArray(getAtt) ? String(getAtt[1]) : "Ref";
  for (const construct of stack.node.findAll()) {
    if (CfnResource.isCfnResource(construct) && construct.cfnResourceType === cfnType && stack.resolve(construct.logicalId) === logicalId) return { resource: construct, attribute };
  }
  return undefined;
}

/** True when a token resolves to something that is an ARN by construction (`Fn::GetAtt …Arn`, a join starting `arn:`). */
export function isArnToken(stack: Stack, value: string): boolean {
  const resolved: unknown = stack.resolve(value);
  if (typeof resolved !== "object" || resolved === null) return false;
  const record = resolved as Record<string, unknown>;
  const getAtt = record["Fn::GetAtt"];
  if (Array.isArray(getAtt)) return String(getAtt[1]).endsWith("Arn");
  const join = record["Fn::Join"];
  if (Array.isArray(join) && Array.isArray(join[1])) return typeof join[1][0] === "string" && join[1][0].startsWith("arn:");
  return false;
}
