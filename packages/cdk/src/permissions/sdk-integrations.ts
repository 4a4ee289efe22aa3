/**
 * IAM needs of AWS SDK integrations (`arn:aws:states:::aws-sdk:<service>:<apiAction>`): the IAM
 * action is `<iam prefix>:<ApiAction>`, where the prefix is the SDK service name except for the
 * services whose IAM prefix differs. Resources are narrowed for the requests that name them.
 */
import { readString } from "../definition/static-value.ts";
import { dynamoTableArn, s3Arn, stateMachineArn } from "./arns.ts";
import { invokeFunctionNeed } from "./lambda-permissions.ts";
import { resourcesFor, type PermissionContext } from "./permission-context.ts";
import type { PermissionNeed } from "./permission-need.ts";
import { sqsQueueResources } from "./service-integrations.ts";

/** SDK service names whose IAM prefix is different. */
const IAM_PREFIXES: Readonly<Record<string, string>> = {
  sfn: "states",
  cloudwatchlogs: "logs",
  efs: "elasticfilesystem",
  elasticloadbalancingv2: "elasticloadbalancing",
  mediapackagevod: "mediapackage-vod",
  mwaa: "airflow",
  sesv2: "ses",
  bedrockagent: "bedrock",
  bedrockagentruntime: "bedrock",
  bedrockruntime: "bedrock",
  cognitoidentityprovider: "cognito-idp",
  cognitoidentity: "cognito-identity",
  applicationautoscaling: "application-autoscaling",
  opensearch: "es",
  elasticsearch: "es",
  emrcontainers: "emr-containers",
  emrserverless: "emr-serverless",
  redshiftdata: "redshift-data",
  sagemakerruntime: "sagemaker",
  apigatewaymanagementapi: "execute-api",
  apigatewayv2: "apigateway",
  iotdata: "iot",
  acmpca: "acm-pca",
  costexplorer: "ce",
  dynamodbstreams: "dynamodb",
};

/** SDK calls authorized by an IAM action of another name. */
const IAM_ACTIONS: Readonly<Record<string, string>> = {
  "s3:listObjectsV2": "s3:ListBucket",
  "s3:listObjects": "s3:ListBucket",
  "s3:headBucket": "s3:ListBucket",
  "s3:headObject": "s3:GetObject",
  "s3:deleteObjects": "s3:DeleteObject",
  "s3:createMultipartUpload": "s3:PutObject",
  "s3:uploadPart": "s3:PutObject",
  "s3:completeMultipartUpload": "s3:PutObject",
  "s3:listParts": "s3:ListMultipartUploadParts",
  "sqs:sendMessageBatch": "sqs:SendMessage",
  "sqs:deleteMessageBatch": "sqs:DeleteMessage",
  "sqs:changeMessageVisibilityBatch": "sqs:ChangeMessageVisibility",
  "lambda:invoke": "lambda:InvokeFunction",
  "lambda:invokeAsync": "lambda:InvokeFunction",
  "bedrockruntime:converse": "bedrock:InvokeModel",
  "bedrockruntime:converseStream": "bedrock:InvokeModelWithResponseStream",
};

/**
 * The IAM action that authorizes an SDK integration call.
 * @example sdkIamAction("dynamodb", "putItem") // "dynamodb:PutItem"
 */
export function sdkIamAction(service: string, apiAction: string): string {
  const mapped = IAM_ACTIONS[`${service}:${apiAction}`];
  if (mapped !== undefined) return mapped;
  return `${IAM_PREFIXES[service] ?? service}:${apiAction.charAt(0).toUpperCase()}${apiAction.slice(1)}`;
}

/** Resources a request names, for the services where the request says which. */
function sdkResources(context: PermissionContext, service: string, request: unknown, pointer: string, action: string): string[] {
  const field = (name: string) => readString(request, [name]);
  switch (service) {
    case "dynamodb":
      return resourcesFor(context, field("TableName"), (literal) => dynamoTableArn(context.stack, literal));
    case "sqs":
      return sqsQueueResources(context, field("QueueUrl"), pointer, action);
    case "sns":
      return resourcesFor(context, field("TopicArn"), (literal) => literal);
    case "sfn":
      return resourcesFor(context, field("StateMachineArn"), (literal) => stateMachineArn(context.stack, literal));
    case "s3": {
      const bucket = field("Bucket");
      if (bucket.kind !== "literal") return resourcesFor(context, bucket, () => undefined);
      const name = context.substitute(bucket.value);
      const key = field("Key");
      if (key.kind === "absent") return [s3Arn(name)];
      return [s3Arn(name, key.kind === "literal" ? context.substitute(key.value) : "*")];
    }
    default:
      return [];
  }
}

/** What an `aws-sdk:<service>:<apiAction>` task needs. */
export function sdkIntegrationNeeds(context: PermissionContext, service: string, apiAction: string, request: unknown, pointer: string): PermissionNeed[] {
  const action = sdkIamAction(service, apiAction);
  if (action === "lambda:InvokeFunction") return invokeFunctionNeed(context, readString(request, ["FunctionName"]));
  const resources = sdkResources(context, service, request, pointer, action);
  // No field names the resource (or the service is not one we read): any resource of that action.
  return [{ actions: [action], resources: resources.length === 0 ? ["*"] : resources }];
}
