/**
 * IAM needs of the optimized integrations (`arn:aws:states:::<service>:<action>[.sync|.waitForTaskToken]`),
 * following AWS's "IAM policies for integrated services" pages: the API's action on the resource
 * the request names, plus what a `.sync` job needs to watch and stop its job.
 */
import { ArnFormat } from "aws-cdk-lib";
import { readStatic, readString } from "../definition/static-value.ts";
import { dynamoTableArn, eventBusArn, eventRuleArn, executionsArn, sqsQueueArn, stateMachineArn } from "./arns.ts";
import { invokeFunctionNeed } from "./lambda-permissions.ts";
import { resourcesFor, type PermissionContext } from "./permission-context.ts";
import type { PermissionNeed } from "./permission-need.ts";

/** A task calling an optimized integration. */
export interface IntegrationCall {
  /** `Arguments` or `Parameters`. */
  readonly request: unknown;
  /** `sync`, `sync:2`, `waitForTaskToken`, or undefined for request-response. */
  readonly pattern: string | undefined;
  /** JSON pointer of the state, for warnings. */
  readonly pointer: string;
}

type IntegrationRule = (call: IntegrationCall, context: PermissionContext) => PermissionNeed[];

const isSync = (pattern: string | undefined): boolean => pattern === "sync" || pattern === "sync:2";

/** One action on the resources a request field names. */
const onField =
  (action: string, field: readonly string[], toArn: (context: PermissionContext, literal: string) => string | undefined): IntegrationRule =>
  ({ request }, context) => {
    const resources = resourcesFor(context, readString(request, field), (literal) => toArn(context, literal));
    return resources.length === 0 ? [] : [{ actions: [action], resources }];
  };

const tableArn = (context: PermissionContext, literal: string): string => dynamoTableArn(context.stack, literal);

/** `.sync` jobs are watched through an EventBridge rule Step Functions manages in the account. */
const managedRule = (context: PermissionContext, ruleName: string): PermissionNeed => ({
  actions: ["events:PutTargets", "events:PutRule", "events:DescribeRule"],
  resources: [eventRuleArn(context.stack, ruleName)],
});

const putEvents: IntegrationRule = ({ request }, context) => {
  const entries = readStatic(request, ["Entries"]);
  if (entries.kind === "absent") return [];
  if (entries.kind === "dynamic" || !Array.isArray(entries.value)) return [{ actions: ["events:PutEvents"], resources: ["*"] }];
  const resources = entries.value.flatMap((entry: unknown) => {
    const bus = readString(entry, ["EventBusName"]);
    // An entry without EventBusName goes to the account's default bus.
    return bus.kind === "absent" ? [eventBusArn(context.stack, "default")] : resourcesFor(context, bus, (literal) => eventBusArn(context.stack, literal));
  });
  return [{ actions: ["events:PutEvents"], resources }];
};

const startExecution: IntegrationRule = ({ request, pattern }, context) => {
  const machine = readString(request, ["StateMachineArn"]);
  const machines = resourcesFor(context, machine, (literal) => stateMachineArn(context.stack, literal));
  const needs: PermissionNeed[] = [{ actions: ["states:StartExecution"], resources: machines }];
  if (isSync(pattern)) {
    needs.push(
      { actions: ["states:DescribeExecution", "states:StopExecution"], resources: machines.map((arn) => (arn === "*" ? "*" : executionsArn(context.stack, arn))) },
      managedRule(context, "StepFunctionsGetEventsForStepFunctionsExecutionRule"),
    );
  }
  return needs;
};

const httpInvoke: IntegrationRule = ({ request }, context) => {
  const method = readString(request, ["Method"]);
  const endpoint = readString(request, ["ApiEndpoint"]);
  const conditions: Record<string, Record<string, string>> = {};
  if (method.kind === "literal") conditions["StringEquals"] = { "states:HTTPMethod": method.value };
  // The endpoint condition matches the URL with or without a query string.
  if (endpoint.kind === "literal") conditions["StringLike"] = { "states:HTTPEndpoint": `${context.substitute(endpoint.value)}*` };
  const connection = readString(request, ["Authentication", "ConnectionArn"]).kind === "absent" ? readString(request, ["InvocationConfig", "ConnectionArn"]) : readString(request, ["Authentication", "ConnectionArn"]);
  const needs: PermissionNeed[] = [
    { actions: ["states:InvokeHTTPEndpoint"], resources: [context.stateMachineArn], onSelf: true, ...(Object.keys(conditions).length === 0 ? {} : { conditions }) },
  ];
  const connections = resourcesFor(context, connection, (literal) => literal);
  if (connections.length > 0) {
    needs.push(
      { actions: ["events:RetrieveConnectionCredentials"], resources: connections },
      { actions: ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"], resources: connections.map((arn) => connectionSecretArn(context, arn)) },
    );
  }
  return needs;
};

/** EventBridge keeps a connection's credentials in the secret `events!connection/<name>/<id>`. */
function connectionSecretArn(context: PermissionContext, connectionArn: string): string {
  if (connectionArn === "*" || !connectionArn.startsWith("arn:")) return context.stack.formatArn({ service: "secretsmanager", resource: "secret", resourceName: "events!connection/*", arnFormat: ArnFormat.COLON_RESOURCE_NAME });
  const [, partition, , region, account, resource] = connectionArn.split(":");
  const name = resource?.split("/")[1] ?? "*";
  return `arn:${partition}:secretsmanager:${region}:${account}:secret:events!connection/${name}/*`;
}

const byName = (context: PermissionContext, service: string, resource: string) => (literal: string): string =>
  literal.startsWith("arn:") ? literal : context.stack.formatArn({ service, resource, resourceName: literal });

const ecsRunTask: IntegrationRule = (call, context) => {
  const { request, pattern } = call;
  const taskDefinition = resourcesFor(context, readString(request, ["TaskDefinition"]), (literal) =>
    // A family without a revision runs the latest revision.
    byName(context, "ecs", "task-definition")(literal.includes(":") || literal.startsWith("arn:") ? literal : `${literal}:*`),
  );
  const needs: PermissionNeed[] = [{ actions: ["ecs:RunTask"], resources: taskDefinition }];
  context.warn(call.pointer, "ecs:runTask passes the task definition's roles: grant iam:PassRole on them with `policyStatements` (the definition does not name them).");
  if (isSync(pattern)) needs.push({ actions: ["ecs:StopTask", "ecs:DescribeTasks"], resources: ["*"] }, managedRule(context, "StepFunctionsGetEventsForECSTaskRule"));
  return needs;
};

const batchSubmitJob: IntegrationRule = ({ request, pattern }, context) => {
  const resources = [
    ...resourcesFor(context, readString(request, ["JobDefinition"]), byName(context, "batch", "job-definition")),
    ...resourcesFor(context, readString(request, ["JobQueue"]), byName(context, "batch", "job-queue")),
  ];
  const needs: PermissionNeed[] = [{ actions: ["batch:SubmitJob"], resources }];
  if (isSync(pattern)) needs.push({ actions: ["batch:DescribeJobs", "batch:TerminateJob"], resources: ["*"] }, managedRule(context, "StepFunctionsGetEventsForBatchJobsRule"));
  return needs;
};

const glueStartJobRun: IntegrationRule = ({ request, pattern }, context) => {
  const jobs = resourcesFor(context, readString(request, ["JobName"]), byName(context, "glue", "job"));
  return [{ actions: isSync(pattern) ? ["glue:StartJobRun", "glue:GetJobRun", "glue:GetJobRuns", "glue:BatchStopJobRun"] : ["glue:StartJobRun"], resources: jobs }];
};

const codebuildStartBuild: IntegrationRule = ({ request, pattern }, context) => {
  const projects = resourcesFor(context, readString(request, ["ProjectName"]), byName(context, "codebuild", "project"));
  const needs: PermissionNeed[] = [{ actions: isSync(pattern) ? ["codebuild:StartBuild", "codebuild:StopBuild", "codebuild:BatchGetBuilds", "codebuild:BatchGetReports"] : ["codebuild:StartBuild"], resources: projects }];
  if (isSync(pattern)) needs.push(managedRule(context, "StepFunctionsGetEventsForCodeBuildStartBuildRule"));
  return needs;
};

const bedrockInvokeModel: IntegrationRule = ({ request }, context) => {
  const models = resourcesFor(context, readString(request, ["ModelId"]), (literal) =>
    literal.startsWith("arn:") ? literal : context.stack.formatArn({ service: "bedrock", account: "", resource: "foundation-model", resourceName: literal }),
  );
  return [{ actions: ["bedrock:InvokeModel"], resources: models }];
};

/** The optimized integrations whose permissions are derived, by `service:action`. */
export const SERVICE_INTEGRATIONS: Readonly<Record<string, IntegrationRule>> = {
  "lambda:invoke": ({ request }, context) => invokeFunctionNeed(context, readString(request, ["FunctionName"])),
  "sns:publish": ({ request }, context) => {
    const target = readString(request, ["TopicArn"]).kind === "absent" ? readString(request, ["TargetArn"]) : readString(request, ["TopicArn"]);
    // No topic or target: an SMS to PhoneNumber, which has no resource to narrow to.
    const resources = target.kind === "absent" ? ["*"] : resourcesFor(context, target, (literal) => literal);
    return [{ actions: ["sns:Publish"], resources }];
  },
  "sqs:sendMessage": onField("sqs:SendMessage", ["QueueUrl"], (context, literal) => sqsQueueArn(context.stack, literal)),
  "dynamodb:getItem": onField("dynamodb:GetItem", ["TableName"], tableArn),
  "dynamodb:putItem": onField("dynamodb:PutItem", ["TableName"], tableArn),
  "dynamodb:updateItem": onField("dynamodb:UpdateItem", ["TableName"], tableArn),
  "dynamodb:deleteItem": onField("dynamodb:DeleteItem", ["TableName"], tableArn),
  "events:putEvents": putEvents,
  "states:startExecution": startExecution,
  "http:invoke": httpInvoke,
  "ecs:runTask": ecsRunTask,
  "batch:submitJob": batchSubmitJob,
  "glue:startJobRun": glueStartJobRun,
  "codebuild:startBuild": codebuildStartBuild,
  "bedrock:invokeModel": bedrockInvokeModel,
  "apigateway:invoke": onField("execute-api:Invoke", ["ApiEndpoint"], (context, literal) => {
    // `<api id>.execute-api.<region>.amazonaws.com`: every stage, method and path of that API.
    const match = /^([a-z0-9]+)\.execute-api\.([a-z0-9-]+)\.amazonaws\.com$/.exec(literal);
    return match === null ? undefined : context.stack.formatArn({ service: "execute-api", region: match[2] ?? "", resource: `${match[1] ?? ""}/*`, arnFormat: ArnFormat.NO_RESOURCE_NAME });
  }),
};
