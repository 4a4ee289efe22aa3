// IAM for the job integrations (SageMaker, ECS, CodeBuild) and for resources a substitution names
// through a token (a queue's URL, a table's name or ARN), asserted as whole policy documents.
import { CfnParameter, type Stack } from "aws-cdk-lib";
import { Annotations, Match } from "aws-cdk-lib/assertions";
import { AttributeType, Table } from "aws-cdk-lib/aws-dynamodb";
import { ContainerImage, FargateTaskDefinition } from "aws-cdk-lib/aws-ecs";
import { Role, ServicePrincipal } from "aws-cdk-lib/aws-iam";
import { Queue } from "aws-cdk-lib/aws-sqs";
import { describe, expect, it } from "vitest";
import { WorkflowStateMachine } from "../index.ts";
import { ACCOUNT, REGION, logicalId, roleStatements, synthesize } from "../test-fixtures/synth.ts";

const ARN = (service: string, resource: string): string => `arn:aws:${service}:${REGION}:${ACCOUNT}:${resource}`;
const RULE_ACTIONS = ["events:DescribeRule", "events:PutRule", "events:PutTargets"];

/** A chain S0 → S1 → … of Task states. */
function chain(...tasks: readonly (readonly [string, Record<string, unknown>])[]) {
  const entries = tasks.map(([resource, parameters], index) => [`S${index}`, { Type: "Task", Resource: resource, Parameters: parameters, ...(index === tasks.length - 1 ? { End: true } : { Next: `S${index + 1}` }) }]);
  return { StartAt: "S0", States: Object.fromEntries(entries) };
}

/** Builds the stack's resources, then one machine over them; returns its task statements (flattened) and the stack. */
function statementsFor(build: (stack: Stack) => { definition: Record<string, unknown>; substitutions?: Record<string, string> }) {
  let machine: WorkflowStateMachine | undefined;
  const { template, stack } = synthesize((stack) => {
    const { definition, substitutions } = build(stack);
    machine = new WorkflowStateMachine(stack, "M", { definition, logging: false, ...(substitutions === undefined ? {} : { definitionSubstitutions: substitutions }) });
  });
  if (machine === undefined) throw new Error("no machine");
  const policies = Object.entries(roleStatements(template, logicalId(machine.role)));
  return { stack, statements: policies.find(([id]) => id.startsWith("MRoleDefaultPolicy"))?.[1] };
}

describe("IAM for SageMaker", () => {
  it("creates, watches and stops a `.sync` training job, passes the literal role SageMaker runs as, and tags it", () => {
    let roleId = "";
    const { statements, stack } = statementsFor((stack) => {
      const role = new Role(stack, "SageMakerRole", { assumedBy: new ServicePrincipal("sagemaker.amazonaws.com") });
      roleId = logicalId(role);
      return {
        definition: chain(["arn:aws:states:::sagemaker:createTrainingJob.sync", { TrainingJobName: "Churn-Model", RoleArn: "${Role}", Tags: [{ Key: "team", Value: "ml" }], AlgorithmSpecification: {} }]),
        substitutions: { Role: role.roleArn },
      };
    });
    const jobs = ARN("sagemaker", "training-job/churn-model*");
    expect(statements).toEqual([
      { Action: ["sagemaker:CreateTrainingJob", "sagemaker:DescribeTrainingJob", "sagemaker:StopTrainingJob"], Effect: "Allow", Resource: jobs },
      { Action: "sagemaker:ListTags", Effect: "Allow", Resource: "*" },
      { Action: "sagemaker:AddTags", Effect: "Allow", Resource: jobs },
      { Action: "iam:PassRole", Condition: { StringEquals: { "iam:PassedToService": "sagemaker.amazonaws.com" } }, Effect: "Allow", Resource: `\${${roleId}.Arn}` },
      { Action: RULE_ACTIONS, Effect: "Allow", Resource: ARN("events", "rule/StepFunctionsGetEventsForSageMakerTrainingJobsRule") },
    ]);
    Annotations.fromStack(stack).hasNoWarning("*", Match.anyValue());
  });

  it("deploys a model (request-response) on its named resources, and warns when the role is computed at run time", () => {
    const role = ARN("iam", "role/sm").replace(`:${REGION}:`, "::");
    const { statements, stack } = statementsFor(() => ({
      definition: chain(
        ["arn:aws:states:::sagemaker:createModel", { ModelName: "churn", ExecutionRoleArn: role, PrimaryContainer: {} }],
        ["arn:aws:states:::sagemaker:createEndpointConfig", { EndpointConfigName: "churn-cfg", ProductionVariants: [] }],
        ["arn:aws:states:::sagemaker:createEndpoint", { EndpointName: "churn", EndpointConfigName: "churn-cfg" }],
        ["arn:aws:states:::sagemaker:createTransformJob.sync", { "TransformJobName.$": "$.name", ModelName: "churn" }],
        ["arn:aws:states:::sagemaker:createProcessingJob", { ProcessingJobName: "prep", "RoleArn.$": "$.role" }],
      ),
    }));
    const passRole = { StringEquals: { "iam:PassedToService": "sagemaker.amazonaws.com" } };
    expect(statements).toEqual([
      { Action: "sagemaker:CreateModel", Effect: "Allow", Resource: ARN("sagemaker", "model/churn*") },
      { Action: "sagemaker:ListTags", Effect: "Allow", Resource: "*" },
      { Action: "iam:PassRole", Condition: passRole, Effect: "Allow", Resource: "*" },
      { Action: "sagemaker:CreateEndpointConfig", Effect: "Allow", Resource: ARN("sagemaker", "endpoint-config/churn-cfg") },
      { Action: "sagemaker:CreateEndpoint", Effect: "Allow", Resource: [ARN("sagemaker", "endpoint/churn"), ARN("sagemaker", "endpoint-config/churn-cfg")] },
      { Action: ["sagemaker:CreateTransformJob", "sagemaker:DescribeTransformJob", "sagemaker:StopTransformJob"], Effect: "Allow", Resource: ARN("sagemaker", "transform-job/*") },
      { Action: RULE_ACTIONS, Effect: "Allow", Resource: ARN("events", "rule/StepFunctionsGetEventsForSageMakerTransformJobsRule") },
      { Action: "sagemaker:CreateProcessingJob", Effect: "Allow", Resource: ARN("sagemaker", "processing-job/prep*") },
    ]);
    // The literal role and the computed one land in one PassRole statement: `*` wins, and says so.
    Annotations.fromStack(stack).hasWarning("/Test/M", Match.stringLikeRegexp("/States/S4: iam:PassRole to sagemaker.amazonaws.com is granted on every role"));
  });
});

describe("IAM for ECS and CodeBuild", () => {
  it("passes the task and execution roles of a substituted task definition, and watches `.sync` tasks", () => {
    const ids = { definition: "", task: "", execution: "" };
    const { statements, stack } = statementsFor((stack) => {
      const taskDefinition = new FargateTaskDefinition(stack, "Task");
      taskDefinition.addContainer("App", { image: ContainerImage.fromRegistry("public.ecr.aws/docker/library/busybox:latest") });
      const execution = taskDefinition.obtainExecutionRole();
      ids.definition = logicalId(taskDefinition);
      ids.task = logicalId(taskDefinition.taskRole);
      ids.execution = logicalId(execution);
      return { definition: chain(["arn:aws:states:::ecs:runTask.sync", { Cluster: "c", TaskDefinition: "${Task}", LaunchType: "FARGATE" }]), substitutions: { Task: taskDefinition.taskDefinitionArn } };
    });
    expect(statements).toEqual([
      { Action: "ecs:RunTask", Effect: "Allow", Resource: `\${${ids.definition}}` },
      { Action: "iam:PassRole", Condition: { StringEquals: { "iam:PassedToService": "ecs-tasks.amazonaws.com" } }, Effect: "Allow", Resource: [`\${${ids.task}.Arn}`, `\${${ids.execution}.Arn}`] },
      { Action: ["ecs:DescribeTasks", "ecs:StopTask"], Effect: "Allow", Resource: "*" },
      { Action: RULE_ACTIONS, Effect: "Allow", Resource: ARN("events", "rule/StepFunctionsGetEventsForECSTaskRule") },
    ]);
    Annotations.fromStack(stack).hasNoWarning("*", Match.anyValue());
  });

  it("warns that a task definition named only by its family hides the roles to pass", () => {
    const { statements, stack } = statementsFor(() => ({ definition: chain(["arn:aws:states:::ecs:runTask", { Cluster: "c", TaskDefinition: "render" }]) }));
    expect(statements).toEqual([{ Action: "ecs:RunTask", Effect: "Allow", Resource: ARN("ecs", "task-definition/render:*") }]);
    Annotations.fromStack(stack).hasWarning("/Test/M", Match.stringLikeRegexp("/States/S0: ecs:runTask passes the task definition's roles"));
  });

  it("watches `.sync` builds through the rule AWS names StepFunctionsGetEventForCodeBuildStartBuildRule", () => {
    const { statements } = statementsFor(() => ({ definition: chain(["arn:aws:states:::codebuild:startBuild.sync", { ProjectName: "site" }]) }));
    expect(statements).toEqual([
      { Action: ["codebuild:BatchGetBuilds", "codebuild:BatchGetReports", "codebuild:StartBuild", "codebuild:StopBuild"], Effect: "Allow", Resource: ARN("codebuild", "project/site") },
      { Action: RULE_ACTIONS, Effect: "Allow", Resource: ARN("events", "rule/StepFunctionsGetEventForCodeBuildStartBuildRule") },
    ]);
  });
});

describe("IAM for EMR and Athena", () => {
  it("creates a cluster passing its named roles, then adds steps and terminates it, watching `.sync` calls through their rules", () => {
    const { statements } = statementsFor(() => ({
      definition: chain(
        ["arn:aws:states:::elasticmapreduce:createCluster.sync", { Name: "etl", ServiceRole: "EMR_DefaultRole", JobFlowRole: "EMR_EC2_DefaultRole", ReleaseLabel: "emr-7.0.0", Instances: {} }],
        ["arn:aws:states:::elasticmapreduce:addStep.sync", { ClusterId: "j-123", Step: {} }],
        ["arn:aws:states:::elasticmapreduce:terminateCluster", { ClusterId: "j-123" }],
      ),
    }));
    const cluster = ARN("elasticmapreduce", "cluster/j-123");
    expect(statements).toEqual([
      { Action: ["elasticmapreduce:DescribeCluster", "elasticmapreduce:RunJobFlow", "elasticmapreduce:TerminateJobFlows"], Effect: "Allow", Resource: "*" },
      { Action: "iam:PassRole", Effect: "Allow", Resource: [`arn:aws:iam::${ACCOUNT}:role/EMR_DefaultRole`, `arn:aws:iam::${ACCOUNT}:role/EMR_EC2_DefaultRole`] },
      { Action: RULE_ACTIONS, Effect: "Allow", Resource: [ARN("events", "rule/StepFunctionsGetEventForEMRRunJobFlowRule"), ARN("events", "rule/StepFunctionsGetEventForEMRAddJobFlowStepsRule")] },
      { Action: ["elasticmapreduce:AddJobFlowSteps", "elasticmapreduce:CancelSteps", "elasticmapreduce:DescribeStep"], Effect: "Allow", Resource: cluster },
      { Action: "elasticmapreduce:TerminateJobFlows", Effect: "Allow", Resource: cluster },
    ]);
  });

  it("runs an Athena query in its workgroup with the catalog, S3 and Lake Formation access AWS documents", () => {
    const { statements } = statementsFor(() => ({
      definition: chain(["arn:aws:states:::athena:startQueryExecution.sync", { QueryString: "SELECT 1", WorkGroup: "analytics" }], ["arn:aws:states:::athena:getQueryResults", { "QueryExecutionId.$": "$.id" }]),
    }));
    const glue = (resource: string) => ARN("glue", resource);
    expect(statements).toEqual([
      {
        Action: ["athena:getDataCatalog", "athena:getQueryExecution", "athena:startQueryExecution", "athena:stopQueryExecution"],
        Effect: "Allow",
        Resource: [ARN("athena", "workgroup/analytics"), ARN("athena", "datacatalog/*")],
      },
      {
        Action: ["s3:AbortMultipartUpload", "s3:CreateBucket", "s3:GetBucketLocation", "s3:GetObject", "s3:ListBucket", "s3:ListBucketMultipartUploads", "s3:ListMultipartUploadParts", "s3:PutObject"],
        Effect: "Allow",
        Resource: "arn:aws:s3:::*",
      },
      {
        Action: [
          "glue:BatchCreatePartition", "glue:BatchDeletePartition", "glue:BatchDeleteTable", "glue:BatchGetPartition", "glue:CreateDatabase", "glue:CreatePartition", "glue:CreateTable",
          "glue:DeleteDatabase", "glue:DeletePartition", "glue:DeleteTable", "glue:GetDatabase", "glue:GetDatabases", "glue:GetPartition", "glue:GetPartitions", "glue:GetTable", "glue:GetTables",
          "glue:UpdateDatabase", "glue:UpdatePartition", "glue:UpdateTable",
        ],
        Effect: "Allow",
        Resource: [glue("catalog"), glue("database/*"), glue("table/*"), glue("userDefinedFunction/*")],
      },
      { Action: "lakeformation:GetDataAccess", Effect: "Allow", Resource: "*" },
      { Action: "athena:getQueryResults", Effect: "Allow", Resource: ARN("athena", "workgroup/*") },
      { Action: "s3:GetObject", Effect: "Allow", Resource: "arn:aws:s3:::*" },
    ]);
  });
});

describe("IAM for resources substituted as tokens", () => {
  it("maps a substituted queue URL back to the queue's ARN (optimized and SDK integrations)", () => {
    let queueId = "";
    const { statements, stack } = statementsFor((stack) => {
      const queue = new Queue(stack, "Jobs");
      queueId = logicalId(queue);
      return {
        definition: chain(["arn:aws:states:::sqs:sendMessage", { QueueUrl: "${QueueUrl}", MessageBody: "hi" }], ["arn:aws:states:::aws-sdk:sqs:sendMessageBatch", { QueueUrl: "${QueueUrl}", Entries: [] }]),
        substitutions: { QueueUrl: queue.queueUrl },
      };
    });
    expect(statements).toEqual([{ Action: "sqs:SendMessage", Effect: "Allow", Resource: `\${${queueId}.Arn}` }]);
    Annotations.fromStack(stack).hasNoWarning("*", Match.anyValue());
  });

  it("grants `*` with a warning saying how to narrow it when the queue URL token is not a queue of the stack", () => {
    const { statements, stack } = statementsFor((stack) => ({
      definition: chain(["arn:aws:states:::sqs:sendMessage", { QueueUrl: "${QueueUrl}", MessageBody: "hi" }]),
      substitutions: { QueueUrl: new CfnParameter(stack, "Url").valueAsString },
    }));
    expect(statements).toEqual([{ Action: "sqs:SendMessage", Effect: "Allow", Resource: "*" }]);
    Annotations.fromStack(stack).hasWarning("/Test/M", Match.stringLikeRegexp("/States/S0: sqs:SendMessage is granted on every queue: .*Substitute the Queue's `queueUrl`"));
  });

  it("reads a substituted table name as a name and a substituted table ARN as an ARN", () => {
    let tableId = "";
    const { statements } = statementsFor((stack) => {
      const table = new Table(stack, "Orders", { partitionKey: { name: "pk", type: AttributeType.STRING } });
      const named = new CfnParameter(stack, "Audit").valueAsString;
      tableId = logicalId(table);
      return {
        definition: chain(
          ["arn:aws:states:::dynamodb:getItem", { TableName: "${ByName}", Key: {} }],
          ["arn:aws:states:::dynamodb:putItem", { TableName: "${ByArn}", Item: {} }],
          ["arn:aws:states:::dynamodb:deleteItem", { TableName: "${Audit}", Key: {} }],
        ),
        substitutions: { ByName: table.tableName, ByArn: table.tableArn, Audit: named },
      };
    });
    expect(statements).toEqual([
      { Action: "dynamodb:GetItem", Effect: "Allow", Resource: `\${${tableId}.Arn}` },
      { Action: "dynamodb:PutItem", Effect: "Allow", Resource: `\${${tableId}.Arn}` },
      // A parameter could hold either: it is read as a name, the common case for TableName.
      { Action: "dynamodb:DeleteItem", Effect: "Allow", Resource: ARN("dynamodb", "table/${Audit}") },
    ]);
  });
});
