/**
 * IAM needs of the optimized integrations (`arn:aws:states:::<service>:<action>[.sync|.waitForTaskToken]`),
 * following AWS's "IAM policies for integrated services" pages: the API's action on the resource
 * the request names, plus what a `.sync` job needs to watch and stop its job.
 */
import { ArnFormat, Token } from "aws-cdk-lib";
import { CfnTaskDefinition } from "aws-cdk-lib/aws-ecs";
import { readStatic, readString, type StaticString } from "../definition/static-value.ts";
import { dynamoTableArn, eventBusArn, eventRuleArn, executionsArn, s3Arn, sqsQueueArn, stateMachineArn } from "./arns.ts";
import { invokeFunctionNeed } from "./lambda-permissions.ts";
import { resourcesFor, type PermissionContext } from "./permission-context.ts";
import type { PermissionNeed } from "./permission-need.ts";
import { referencedResource } from "./token-resources.ts";

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

/**
 * The queues a `QueueUrl` names. A URL or a queue of this stack (`queue.queueUrl` as a
 * substitution) is narrowed to its ARN; anything else is granted on `*`, with a warning, because
 * the ASL alone cannot say which queue a parameter or an imported URL token is.
 */
export function sqsQueueResources(context: PermissionContext, queueUrl: StaticString, pointer: string, action: string): string[] {
  const resources = resourcesFor(context, queueUrl, (literal) => sqsQueueArn(context.stack, literal));
  if (queueUrl.kind === "literal" && resources.includes("*")) {
    context.warn(
      pointer,
      `${action} is granted on every queue: the QueueUrl ${queueUrl.value} is neither a queue URL nor a queue of this stack. Substitute the Queue's \`queueUrl\` (the construct maps it to its ARN), or set grantTaskPermissions: false and grant it with \`policyStatements\`.`,
    );
  }
  return resources;
}

/**
 * `iam:PassRole` for a role an integration hands to a service, on the role the request names (a
 * literal ARN or a substituted role's ARN); `*` with a warning when the ASL computes it.
 */
function passRole(context: PermissionContext, role: StaticString, service: string, pointer: string): PermissionNeed[] {
  if (role.kind === "absent") return [];
  if (role.kind === "dynamic") context.warn(pointer, `iam:PassRole to ${service} is granted on every role: the role is computed at run time. Name it in the ASL (or a substitution) to narrow it.`);
  const resources = resourcesFor(context, role, (literal) => literal);
  return [{ actions: ["iam:PassRole"], resources, conditions: { StringEquals: { "iam:PassedToService": service } } }];
}

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
  const { request, pattern, pointer } = call;
  const field = readString(request, ["TaskDefinition"]);
  const taskDefinition = resourcesFor(context, field, (literal) =>
    // A token is a task definition's ARN (its Ref); a family without a revision runs the latest revision.
    Token.isUnresolved(literal) ? literal : byName(context, "ecs", "task-definition")(literal.includes(":") || literal.startsWith("arn:") ? literal : `${literal}:*`),
  );
  const needs: PermissionNeed[] = [{ actions: ["ecs:RunTask"], resources: taskDefinition }];
  // RunTask passes the task definition's task and execution roles, and any the overrides name.
  const definition = field.kind === "literal" ? referencedResource(context.stack, context.substitute(field.value), "AWS::ECS::TaskDefinition")?.resource : undefined;
  const roles = definition instanceof CfnTaskDefinition ? [definition.taskRoleArn, definition.executionRoleArn].filter((arn): arn is string => typeof arn === "string") : [];
  const overrides = [readString(request, ["Overrides", "TaskRoleArn"]), readString(request, ["Overrides", "ExecutionRoleArn"])].filter((role) => role.kind !== "absent");
  for (const role of [...roles.map((arn): StaticString => ({ kind: "literal", value: arn })), ...overrides]) needs.push(...passRole(context, role, "ecs-tasks.amazonaws.com", pointer));
  if (definition === undefined) {
    context.warn(pointer, "ecs:runTask passes the task definition's roles, which the ASL does not name: substitute the TaskDefinition's `taskDefinitionArn` (its roles are then granted iam:PassRole) or grant iam:PassRole on them with `policyStatements`.");
  }
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
  // Singular "Event": the name AWS documents for this integration's managed rule.
  if (isSync(pattern)) needs.push(managedRule(context, "StepFunctionsGetEventForCodeBuildStartBuildRule"));
  return needs;
};

const bedrockInvokeModel: IntegrationRule = ({ request }, context) => {
  const models = resourcesFor(context, readString(request, ["ModelId"]), (literal) =>
    literal.startsWith("arn:") ? literal : context.stack.formatArn({ service: "bedrock", account: "", resource: "foundation-model", resourceName: literal }),
  );
  return [{ actions: ["bedrock:InvokeModel"], resources: models }];
};

/** What one SageMaker API creates or changes, as AWS's "IAM policies for Amazon SageMaker" describe it. */
interface SageMakerApi {
  readonly action: string;
  /** ARN resource type (`training-job`) and the request field naming it. */
  readonly resource: string;
  readonly nameField: string;
  /** Jobs and models are granted on `name*` (AWS's templates do); endpoints on the exact name. */
  readonly prefix: boolean;
  /** Fields holding the role SageMaker runs as (handed over with iam:PassRole). */
  readonly roleFields?: readonly (readonly string[])[];
  /** `.sync`: what watches and stops the job, and the managed rule's name. */
  readonly sync?: { readonly actions: readonly string[]; readonly rule: string };
  /** Other resources the call authorizes on (CreateEndpoint also needs its endpoint config). */
  readonly also?: { readonly resource: string; readonly nameField: string };
}

const sagemakerArn = (context: PermissionContext, resource: string, name: StaticString, prefix: boolean): string[] =>
  resourcesFor(context, name.kind === "dynamic" ? { kind: "literal", value: "*" } : name, (literal) =>
    // SageMaker ARNs spell names in lower case; a computed name still stays inside the resource type.
    context.stack.formatArn({ service: "sagemaker", resource, resourceName: literal === "*" ? "*" : `${Token.isUnresolved(literal) ? literal : literal.toLowerCase()}${prefix ? "*" : ""}` }),
  );

const sagemaker =
  (api: SageMakerApi): IntegrationRule =>
  ({ request, pattern, pointer }, context) => {
    const resources = sagemakerArn(context, api.resource, readString(request, [api.nameField]), api.prefix);
    if (api.also !== undefined) resources.push(...sagemakerArn(context, api.also.resource, readString(request, [api.also.nameField]), false));
    const sync = isSync(pattern) ? api.sync : undefined;
    const needs: PermissionNeed[] = [
      { actions: [api.action, ...(sync?.actions ?? [])], resources },
      // Step Functions reads the resource's tags to return them; ListTags has no resource type.
      { actions: ["sagemaker:ListTags"], resources: ["*"] },
    ];
    // Tags in the request are applied with AddTags, which IAM authorizes separately.
    if (readStatic(request, ["Tags"]).kind !== "absent") needs.push({ actions: ["sagemaker:AddTags"], resources });
    for (const field of api.roleFields ?? []) needs.push(...passRole(context, readString(request, field), "sagemaker.amazonaws.com", pointer));
    if (sync !== undefined) needs.push(managedRule(context, sync.rule));
    return needs;
  };

const SAGEMAKER: Readonly<Record<string, IntegrationRule>> = {
  "sagemaker:createTrainingJob": sagemaker({
    action: "sagemaker:CreateTrainingJob",
    resource: "training-job",
    nameField: "TrainingJobName",
    prefix: true,
    roleFields: [["RoleArn"]],
    sync: { actions: ["sagemaker:DescribeTrainingJob", "sagemaker:StopTrainingJob"], rule: "StepFunctionsGetEventsForSageMakerTrainingJobsRule" },
  }),
  "sagemaker:createTransformJob": sagemaker({
    action: "sagemaker:CreateTransformJob",
    resource: "transform-job",
    nameField: "TransformJobName",
    prefix: true,
    sync: { actions: ["sagemaker:DescribeTransformJob", "sagemaker:StopTransformJob"], rule: "StepFunctionsGetEventsForSageMakerTransformJobsRule" },
  }),
  "sagemaker:createProcessingJob": sagemaker({
    action: "sagemaker:CreateProcessingJob",
    resource: "processing-job",
    nameField: "ProcessingJobName",
    prefix: true,
    roleFields: [["RoleArn"]],
    sync: { actions: ["sagemaker:DescribeProcessingJob", "sagemaker:StopProcessingJob"], rule: "StepFunctionsGetEventsForSageMakerProcessingJobsRule" },
  }),
  "sagemaker:createHyperParameterTuningJob": sagemaker({
    action: "sagemaker:CreateHyperParameterTuningJob",
    resource: "hyper-parameter-tuning-job",
    nameField: "HyperParameterTuningJobName",
    prefix: true,
    roleFields: [["TrainingJobDefinition", "RoleArn"]],
    sync: {
      actions: ["sagemaker:DescribeHyperParameterTuningJob", "sagemaker:StopHyperParameterTuningJob", "sagemaker:ListTrainingJobsForHyperParameterTuningJob"],
      rule: "StepFunctionsGetEventsForSageMakerTuningJobsRule",
    },
  }),
  "sagemaker:createModel": sagemaker({ action: "sagemaker:CreateModel", resource: "model", nameField: "ModelName", prefix: true, roleFields: [["ExecutionRoleArn"]] }),
  "sagemaker:createEndpointConfig": sagemaker({ action: "sagemaker:CreateEndpointConfig", resource: "endpoint-config", nameField: "EndpointConfigName", prefix: false }),
  "sagemaker:createEndpoint": sagemaker({
    action: "sagemaker:CreateEndpoint",
    resource: "endpoint",
    nameField: "EndpointName",
    prefix: false,
    also: { resource: "endpoint-config", nameField: "EndpointConfigName" },
  }),
  "sagemaker:updateEndpoint": sagemaker({
    action: "sagemaker:UpdateEndpoint",
    resource: "endpoint",
    nameField: "EndpointName",
    prefix: false,
    also: { resource: "endpoint-config", nameField: "EndpointConfigName" },
  }),
};

/** An IAM role's ARN from a role name (how EMR's ServiceRole, JobFlowRole and AutoScalingRole are usually given) or an ARN. */
const roleArn = (context: PermissionContext, nameOrArn: string): string =>
  Token.isUnresolved(nameOrArn) || nameOrArn.startsWith("arn:") ? nameOrArn : context.stack.formatArn({ service: "iam", region: "", resource: "role", resourceName: nameOrArn });

/** An EMR call on the cluster its `ClusterId` names, with what `.sync` adds and its managed rule. */
const emrOnCluster =
  (actions: readonly string[], sync?: { readonly actions: readonly string[]; readonly rule: string }): IntegrationRule =>
  ({ request, pattern }, context) => {
    const clusters = resourcesFor(context, readString(request, ["ClusterId"]), (id) => context.stack.formatArn({ service: "elasticmapreduce", resource: "cluster", resourceName: id }));
    const watch = isSync(pattern) ? sync : undefined;
    return [{ actions: [...actions, ...(watch?.actions ?? [])], resources: clusters }, ...(watch === undefined ? [] : [managedRule(context, watch.rule)])];
  };

const emrCreateCluster: IntegrationRule = ({ request, pattern, pointer }, context) => {
  // RunJobFlow names no cluster yet: AWS's template grants these on `*`.
  const needs: PermissionNeed[] = [{ actions: ["elasticmapreduce:RunJobFlow", "elasticmapreduce:DescribeCluster", "elasticmapreduce:TerminateJobFlows"], resources: ["*"] }];
  // The service role, the instance profile's role (named like it, as AWS's template assumes) and the autoscaling role.
  const roles = ["ServiceRole", "JobFlowRole", "AutoScalingRole"].map((field) => readString(request, [field])).filter((role) => role.kind !== "absent");
  if (roles.some((role) => role.kind === "dynamic")) context.warn(pointer, "iam:PassRole for the EMR cluster is granted on every role: a role is computed at run time. Name it in the ASL to narrow it.");
  const passed = roles.flatMap((role) => resourcesFor(context, role, (literal) => roleArn(context, literal)));
  if (passed.length > 0) needs.push({ actions: ["iam:PassRole"], resources: passed });
  if (isSync(pattern)) needs.push(managedRule(context, "StepFunctionsGetEventForEMRRunJobFlowRule"));
  return needs;
};

const EMR: Readonly<Record<string, IntegrationRule>> = {
  "elasticmapreduce:createCluster": emrCreateCluster,
  // AWS names the EMR rules "StepFunctionsGetEventFor…" (singular Event).
  "elasticmapreduce:addStep": emrOnCluster(["elasticmapreduce:AddJobFlowSteps"], { actions: ["elasticmapreduce:DescribeStep", "elasticmapreduce:CancelSteps"], rule: "StepFunctionsGetEventForEMRAddJobFlowStepsRule" }),
  "elasticmapreduce:terminateCluster": emrOnCluster(["elasticmapreduce:TerminateJobFlows"], { actions: ["elasticmapreduce:DescribeCluster"], rule: "StepFunctionsGetEventForEMRTerminateJobFlowsRule" }),
  "elasticmapreduce:cancelStep": emrOnCluster(["elasticmapreduce:CancelSteps"]),
  "elasticmapreduce:setClusterTerminationProtection": emrOnCluster(["elasticmapreduce:SetTerminationProtection"]),
  "elasticmapreduce:modifyInstanceFleetByName": emrOnCluster(["elasticmapreduce:ModifyInstanceFleet", "elasticmapreduce:ListInstanceFleets"]),
  "elasticmapreduce:modifyInstanceGroupByName": emrOnCluster(["elasticmapreduce:ModifyInstanceGroups", "elasticmapreduce:ListInstanceGroups"]),
};

/** Athena's query calls, on the query's workgroup (queries are not IAM resources). */
const athenaWorkgroups = (context: PermissionContext, request: unknown, fallback: string): string[] =>
  resourcesFor(context, readString(request, ["WorkGroup"]).kind === "absent" ? { kind: "literal", value: fallback } : readString(request, ["WorkGroup"]), (name) =>
    context.stack.formatArn({ service: "athena", resource: "workgroup", resourceName: name }),
  );

const athenaStartQuery: IntegrationRule = ({ request, pattern }, context) => [
  {
    actions: ["athena:startQueryExecution", "athena:getDataCatalog", ...(isSync(pattern) ? ["athena:getQueryExecution", "athena:stopQueryExecution"] : [])],
    // A query without WorkGroup runs in `primary`.
    resources: [...athenaWorkgroups(context, request, "primary"), context.stack.formatArn({ service: "athena", resource: "datacatalog", resourceName: "*" })],
  },
  // The query reads tables and writes results anywhere in S3 and the Glue catalog: AWS's template grants these broadly.
  {
    actions: ["s3:GetBucketLocation", "s3:GetObject", "s3:ListBucket", "s3:ListBucketMultipartUploads", "s3:ListMultipartUploadParts", "s3:AbortMultipartUpload", "s3:CreateBucket", "s3:PutObject"],
    resources: [s3Arn("*")],
  },
  {
    actions: ["glue:CreateDatabase", "glue:GetDatabase", "glue:GetDatabases", "glue:UpdateDatabase", "glue:DeleteDatabase", "glue:CreateTable", "glue:UpdateTable", "glue:GetTable", "glue:GetTables", "glue:DeleteTable", "glue:BatchDeleteTable", "glue:BatchCreatePartition", "glue:CreatePartition", "glue:UpdatePartition", "glue:GetPartition", "glue:GetPartitions", "glue:BatchGetPartition", "glue:DeletePartition", "glue:BatchDeletePartition"],
    resources: ["catalog", "database/*", "table/*", "userDefinedFunction/*"].map((resource) => context.stack.formatArn({ service: "glue", resource, arnFormat: ArnFormat.NO_RESOURCE_NAME })),
  },
  { actions: ["lakeformation:GetDataAccess"], resources: ["*"] },
];

const ATHENA: Readonly<Record<string, IntegrationRule>> = {
  "athena:startQueryExecution": athenaStartQuery,
  // These name a query execution id, not its workgroup: any workgroup.
  "athena:getQueryExecution": (_call, context) => [{ actions: ["athena:getQueryExecution"], resources: athenaWorkgroups(context, undefined, "*") }],
  "athena:stopQueryExecution": (_call, context) => [{ actions: ["athena:stopQueryExecution"], resources: athenaWorkgroups(context, undefined, "*") }],
  "athena:getQueryResults": (_call, context) => [
    { actions: ["athena:getQueryResults"], resources: athenaWorkgroups(context, undefined, "*") },
    // Results are read from the query's output location, which the request does not name.
    { actions: ["s3:GetObject"], resources: [s3Arn("*")] },
  ],
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
  "sqs:sendMessage": ({ request, pointer }, context) => [{ actions: ["sqs:SendMessage"], resources: sqsQueueResources(context, readString(request, ["QueueUrl"]), pointer, "sqs:SendMessage") }],
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
  ...SAGEMAKER,
  ...EMR,
  ...ATHENA,
  "apigateway:invoke": onField("execute-api:Invoke", ["ApiEndpoint"], (context, literal) => {
    // `<api id>.execute-api.<region>.amazonaws.com`: every stage, method and path of that API.
    const match = /^([a-z0-9]+)\.execute-api\.([a-z0-9-]+)\.amazonaws\.com$/.exec(literal);
    return match === null ? undefined : context.stack.formatArn({ service: "execute-api", region: match[2] ?? "", resource: `${match[1] ?? ""}/*`, arnFormat: ArnFormat.NO_RESOURCE_NAME });
  }),
};
