// Stable, AWS-shaped stand-ins for the names and ARNs CloudFormation would give each resource:
// the same template always yields the same values, so tests can assert on them.
import { createHash } from "node:crypto";
import type { TemplateResource } from "./template.ts";

/** Where the stack "deploys" locally: pseudo parameters and the stack name. */
export interface DeploymentPlace {
  readonly stackName: string;
  readonly region: string;
  readonly accountId: string;
  readonly partition: string;
}

/** What `Ref` and `Fn::GetAtt` give for one resource. */
export interface ResourceValues {
  /** What `Ref` returns (a name, URL or ARN depending on the type). */
  readonly ref: string;
  /** The resource's ARN, when it has one. */
  readonly arn: string | undefined;
  /** `Fn::GetAtt` attributes by name. */
  readonly attributes: Readonly<Record<string, string>>;
}

/** CloudFormation's generated physical name: `<stack>-<logicalId>-<suffix>`, capped like AWS caps it. */
function generatedName(place: DeploymentPlace, logicalId: string, maxLength: number): string {
  const suffix = createHash("sha256").update(`${place.stackName}/${logicalId}`).digest("hex").slice(0, 12).toUpperCase();
  // Like CloudFormation, a long stack name (a nested stack's) is cut before the logical ID is, so
  // the name still says which resource it is.
  const budget = maxLength - suffix.length - 2;
  const logicalPart = logicalId.slice(0, Math.max(budget - place.stackName.length, Math.floor(budget / 2)));
  return `${place.stackName.slice(0, budget - logicalPart.length)}-${logicalPart}-${suffix}`;
}

/** The name CloudFormation gives a nested stack: `<parent stack>-<logicalId>-<suffix>`. */
export function nestedStackName(place: DeploymentPlace, logicalId: string): string {
  return generatedName(place, logicalId, 128);
}

/** The explicit physical name a resource sets (a literal string), if any. */
function explicitName(resource: TemplateResource, property: string): string | undefined {
  const value = resource.Properties?.[property];
  return typeof value === "string" ? value : undefined;
}

/** Values for one resource; `undefined` for types the runtime never needs to name. */
export function resourceValues(logicalId: string, resource: TemplateResource, place: DeploymentPlace): ResourceValues {
  const { region, accountId, partition } = place;
  const arnOf = (service: string, resourcePart: string, withRegion = true): string =>
    `arn:${partition}:${service}:${withRegion ? region : ""}:${service === "s3" ? "" : accountId}:${resourcePart}`;
  const name = (property: string, maxLength = 64): string => explicitName(resource, property) ?? generatedName(place, logicalId, maxLength);
  switch (resource.Type) {
    case "AWS::Lambda::Function": {
      const fn = name("FunctionName");
      const arn = arnOf("lambda", `function:${fn}`);
      return { ref: fn, arn, attributes: { Arn: arn } };
    }
    case "AWS::Lambda::Alias":
    case "AWS::Lambda::Version": {
      const arn = arnOf("lambda", `function:${generatedName(place, logicalId, 64)}:1`);
      return { ref: arn, arn, attributes: { Arn: arn, Version: "1" } };
    }
    case "AWS::StepFunctions::StateMachine": {
      const machine = name("StateMachineName", 80);
      const arn = arnOf("states", `stateMachine:${machine}`);
      return { ref: arn, arn, attributes: { Arn: arn, Name: machine } };
    }
    case "AWS::StepFunctions::Activity": {
      const activity = name("Name", 80);
      const arn = arnOf("states", `activity:${activity}`);
      return { ref: arn, arn, attributes: { Arn: arn, Name: activity } };
    }
    case "AWS::SQS::Queue": {
      const queue = name("QueueName", 80);
      const url = `https://sqs.${region}.amazonaws.com/${accountId}/${queue}`;
      const arn = arnOf("sqs", queue);
      return { ref: url, arn, attributes: { Arn: arn, QueueUrl: url, QueueName: queue } };
    }
    case "AWS::SNS::Topic": {
      const topic = name("TopicName", 256);
      const arn = arnOf("sns", topic);
      return { ref: arn, arn, attributes: { TopicArn: arn, TopicName: topic } };
    }
    case "AWS::DynamoDB::Table":
    case "AWS::DynamoDB::GlobalTable": {
      const table = name("TableName", 255);
      const arn = arnOf("dynamodb", `table/${table}`);
      return { ref: table, arn, attributes: { Arn: arn, StreamArn: `${arn}/stream/2026-01-01T00:00:00.000` } };
    }
    case "AWS::S3::Bucket": {
      const bucket = name("BucketName", 63).toLowerCase();
      const arn = arnOf("s3", bucket, false);
      return { ref: bucket, arn, attributes: { Arn: arn, DomainName: `${bucket}.s3.amazonaws.com` } };
    }
    case "AWS::Events::EventBus": {
      const bus = name("Name", 256);
      const arn = arnOf("events", `event-bus/${bus}`);
      return { ref: bus, arn, attributes: { Arn: arn, Name: bus } };
    }
    case "AWS::IAM::Role": {
      const role = name("RoleName", 64);
      const arn = `arn:${partition}:iam::${accountId}:role/${role}`;
      return { ref: role, arn, attributes: { Arn: arn, RoleId: `AROA${generatedName(place, logicalId, 20).slice(-16)}` } };
    }
    case "AWS::CloudFormation::Stack": {
      // Ref is the nested stack's ARN; its `Outputs.<name>` attributes come from its own template.
      const stackName = nestedStackName(place, logicalId);
      const id = createHash("sha256").update(stackName).digest("hex");
      const arn = `arn:${partition}:cloudformation:${region}:${accountId}:stack/${stackName}/${id.slice(0, 8)}-${id.slice(8, 12)}-${id.slice(12, 16)}-${id.slice(16, 20)}-${id.slice(20, 32)}`;
      return { ref: arn, arn, attributes: {} };
    }
    default: {
      // Unknown types still get a stable, recognisable value so a definition can mention them.
      const id = generatedName(place, logicalId, 128);
      return { ref: id, arn: undefined, attributes: {} };
    }
  }
}
