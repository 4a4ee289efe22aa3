/**
 * ARNs of the resources a definition names, in the forms AWS accepts there (a name, a partial
 * ARN, a full ARN, a queue URL). Names become ARNs in the stack's own account and region.
 */
import { Arn, ArnFormat, Aws, Token, type Stack } from "aws-cdk-lib";
import { isArnToken, referencedResource } from "./token-resources.ts";

const isArn = (value: string): boolean => value.startsWith("arn:");

/** `arn:…:function:name` without a version or alias, from a function name, partial ARN or ARN (qualified or not). */
export function lambdaFunctionArn(stack: Stack, nameOrArn: string): string {
  // A token is what a substitution resolves to: an IFunction's ARN, already unqualified.
  if (Token.isUnresolved(nameOrArn)) return nameOrArn;
  const parts = nameOrArn.split(":");
  if (isArn(nameOrArn)) return parts.slice(0, 7).join(":");
  if (parts[1] === "function" && parts[0] !== undefined && parts[2] !== undefined) {
    return stack.formatArn({ service: "lambda", account: parts[0], resource: "function", resourceName: parts[2], arnFormat: ArnFormat.COLON_RESOURCE_NAME });
  }
  return stack.formatArn({ service: "lambda", resource: "function", resourceName: parts[0] ?? nameOrArn, arnFormat: ArnFormat.COLON_RESOURCE_NAME });
}

/**
 * A DynamoDB table's ARN from its name or ARN. `TableName` accepts both, and so does a
 * substitution: `table.tableName` becomes the table's `Arn` attribute, `table.tableArn` stays as is,
 * and a token that is not recognizably an ARN (a parameter, an import) is read as a name.
 */
export function dynamoTableArn(stack: Stack, nameOrArn: string): string {
  if (isArn(nameOrArn)) return nameOrArn;
  if (Token.isUnresolved(nameOrArn)) {
    const table = referencedResource(stack, nameOrArn, "AWS::DynamoDB::Table") ?? referencedResource(stack, nameOrArn, "AWS::DynamoDB::GlobalTable");
    if (table !== undefined) return table.attribute === "Ref" ? table.resource.getAtt("Arn").toString() : nameOrArn;
    if (isArnToken(stack, nameOrArn)) return nameOrArn;
  }
  return stack.formatArn({ service: "dynamodb", resource: "table", resourceName: nameOrArn });
}

/**
 * An SQS queue's ARN from its URL (`https://sqs.<region>.amazonaws.com/<account>/<name>`), or from
 * a token referencing a queue in the stack (`queue.queueUrl` → the queue's `Arn` attribute);
 * undefined when the URL cannot be read.
 */
export function sqsQueueArn(stack: Stack, queueUrl: string): string | undefined {
  if (Token.isUnresolved(queueUrl)) {
    const queue = referencedResource(stack, queueUrl, "AWS::SQS::Queue");
    if (queue !== undefined) return queue.attribute === "Arn" ? queueUrl : queue.resource.getAtt("Arn").toString();
    return isArnToken(stack, queueUrl) ? queueUrl : undefined;
  }
  const match = /^https:\/\/sqs\.([a-z0-9-]+)\.[a-z0-9.-]+\/(\d{12})\/([A-Za-z0-9_.-]+)$/.exec(queueUrl) ?? /^https:\/\/([a-z0-9-]+)\.queue\.[a-z0-9.-]+\/(\d{12})\/([A-Za-z0-9_.-]+)$/.exec(queueUrl);
  if (match === null) return isArn(queueUrl) ? queueUrl : undefined;
  const [, region, account, name] = match;
  return stack.formatArn({ service: "sqs", region: region ?? "", account: account ?? "", resource: name ?? "", arnFormat: ArnFormat.NO_RESOURCE_NAME });
}

/** An EventBridge bus's ARN from its name or ARN; AWS's `default` bus when the entry names none. */
export function eventBusArn(stack: Stack, nameOrArn: string): string {
  if (Token.isUnresolved(nameOrArn) || isArn(nameOrArn)) return nameOrArn;
  return stack.formatArn({ service: "events", resource: "event-bus", resourceName: nameOrArn });
}

/** An EventBridge rule in the stack's account and region (the managed rules `.sync` integrations create). */
export function eventRuleArn(stack: Stack, ruleName: string): string {
  return stack.formatArn({ service: "events", resource: "rule", resourceName: ruleName });
}

/** Every execution of a state machine: `arn:…:execution:<machine name>:*`. */
export function executionsArn(stack: Stack, stateMachineArn: string, suffix = ":*"): string {
  if (!Token.isUnresolved(stateMachineArn) && isArn(stateMachineArn)) {
    // An alias or version ARN (`…:stateMachine:name:live`) starts executions named after the machine alone.
    const [arn, partition, service, region, account, , name] = stateMachineArn.split(":");
    return `${arn}:${partition}:${service}:${region}:${account}:execution:${name}${suffix}`;
  }
  const name = Arn.split(stateMachineArn, ArnFormat.COLON_RESOURCE_NAME).resourceName ?? "*";
  return stack.formatArn({ service: "states", resource: "execution", resourceName: `${name}${suffix}`, arnFormat: ArnFormat.COLON_RESOURCE_NAME });
}

/** An S3 bucket's ARN, or an object pattern inside it when `key` is given. */
export function s3Arn(bucket: string, key?: string): string {
  return `arn:${Aws.PARTITION}:s3:::${bucket}${key === undefined ? "" : `/${key}`}`;
}

/** A state machine's ARN from a name or an ARN. */
export function stateMachineArn(stack: Stack, nameOrArn: string): string {
  if (Token.isUnresolved(nameOrArn) || isArn(nameOrArn)) return nameOrArn;
  return stack.formatArn({ service: "states", resource: "stateMachine", resourceName: nameOrArn, arnFormat: ArnFormat.COLON_RESOURCE_NAME });
}
