// The IAM the construct derives from the final definition, asserted as whole policy documents.
import { Annotations, Match } from "aws-cdk-lib/assertions";
import { Role, ServicePrincipal } from "aws-cdk-lib/aws-iam";
import { serviceIntegration, typeOnly, workflow } from "@stepcraft/core";
import { describe, expect, it } from "vitest";
import { WorkflowStateMachine, type WorkflowStateMachineProps } from "../index.ts";
import { ACCOUNT, REGION, logicalId, roleStatements, synthesize } from "../test-fixtures/synth.ts";

const ARN = (service: string, resource: string): string => `arn:aws:${service}:${REGION}:${ACCOUNT}:${resource}`;

/** Synthesizes one machine (no logging, so only task statements remain) and returns its role's policies. */
function policiesFor(definition: WorkflowStateMachineProps["definition"], props: Partial<WorkflowStateMachineProps> = {}) {
  let machine: WorkflowStateMachine | undefined;
  const { template, stack } = synthesize((stack) => {
    machine = new WorkflowStateMachine(stack, "M", { definition, logging: false, ...props });
  });
  if (machine === undefined) throw new Error("no machine");
  const policies = roleStatements(template, logicalId(machine.role));
  const machineId = logicalId(machine.stateMachine);
  const entry = (prefix: string) => Object.entries(policies).find(([id]) => id.startsWith(prefix))?.[1];
  const machineResource = template.toJSON()["Resources"][machineId] as { DependsOn?: string[] };
  return { stack, template, machineId, taskStatements: entry("MRoleDefaultPolicy"), selfStatements: entry("MSelfPolicy"), dependsOn: machineResource.DependsOn ?? [] };
}

const task = (resource: string, parameters: Record<string, unknown> | undefined, extra: Record<string, unknown> = {}) => ({
  Type: "Task",
  Resource: resource,
  ...(parameters === undefined ? {} : { Parameters: parameters }),
  ...extra,
});

/** A chain of states A0 → A1 → … → end, so each test lists only its tasks. */
function chain(...states: Record<string, unknown>[]) {
  const entries = states.map((state, index) => [`S${index}`, index === states.length - 1 ? { ...state, End: true } : { ...state, Next: `S${index + 1}` }]);
  return { StartAt: "S0", States: Object.fromEntries(entries) };
}

describe("IAM for Lambda tasks", () => {
  it("invokes exactly the functions named anywhere (Parallel, Map, legacy ARN, SDK, alias, partial ARN), with their versions and aliases", () => {
    const definition = {
      StartAt: "Fan",
      States: {
        Fan: {
          Type: "Parallel",
          Branches: [
            { StartAt: "A", States: { A: task("arn:aws:states:::lambda:invoke", { FunctionName: "charge", "Payload.$": "$" }, { End: true }) } },
            {
              StartAt: "Each",
              States: { Each: { Type: "Map", ItemProcessor: { StartAt: "B", States: { B: task(`${ARN("lambda", "function:legacy")}:3`, undefined, { End: true }) } }, End: true } },
            },
          ],
          Next: "C",
        },
        C: task("arn:aws:states:::lambda:invoke.waitForTaskToken", { FunctionName: "charge:live", Payload: { "token.$": "$$.Task.Token" } }, { Next: "D" }),
        D: task("arn:aws:states:::aws-sdk:lambda:invoke", { FunctionName: "210987654321:function:other" }, { End: true }),
      },
    };
    const { taskStatements, selfStatements } = policiesFor(definition);
    const charge = ARN("lambda", "function:charge");
    const legacy = ARN("lambda", "function:legacy");
    const other = `arn:aws:lambda:${REGION}:210987654321:function:other`;
    expect(taskStatements).toEqual([{ Action: "lambda:InvokeFunction", Effect: "Allow", Resource: [charge, `${charge}:*`, legacy, `${legacy}:*`, other, `${other}:*`] }]);
    expect(selfStatements).toBeUndefined();
  });

  it("grants `*` only when the function is computed at run time (JSONPath `.$`, JSONata expressions)", () => {
    for (const state of [
      task("arn:aws:states:::lambda:invoke", { "FunctionName.$": "$.fn" }),
      { ...task("arn:aws:states:::lambda:invoke", undefined), QueryLanguage: "JSONata", Arguments: { FunctionName: "{% $states.input.fn %}" } },
      { ...task("arn:aws:states:::lambda:invoke", undefined), QueryLanguage: "JSONata", Arguments: "{% $states.input %}" },
    ]) {
      expect(policiesFor(chain(state)).taskStatements).toEqual([{ Action: "lambda:InvokeFunction", Effect: "Allow", Resource: "*" }]);
    }
  });
});

describe("IAM for optimized integrations", () => {
  it("grants each API's action on the resource its request names", () => {
    const definition = chain(
      task("arn:aws:states:::sns:publish", { TopicArn: ARN("sns", "orders"), "Message.$": "$" }),
      task("arn:aws:states:::sqs:sendMessage.waitForTaskToken", { QueueUrl: `https://sqs.${REGION}.amazonaws.com/${ACCOUNT}/jobs`, MessageBody: { "token.$": "$$.Task.Token" } }),
      task("arn:aws:states:::dynamodb:getItem", { TableName: "orders", Key: {} }),
      task("arn:aws:states:::dynamodb:putItem", { TableName: "orders", Item: {} }),
      task("arn:aws:states:::dynamodb:updateItem", { TableName: ARN("dynamodb", "table/audit"), Key: {} }),
      task("arn:aws:states:::dynamodb:deleteItem", { TableName: "orders", Key: {} }),
      task("arn:aws:states:::events:putEvents", { Entries: [{ Detail: {}, DetailType: "a", Source: "s" }, { EventBusName: "orders", Detail: {}, DetailType: "b", Source: "s" }] }),
    );
    expect(policiesFor(definition).taskStatements).toEqual([
      { Action: "sns:Publish", Effect: "Allow", Resource: ARN("sns", "orders") },
      { Action: "sqs:SendMessage", Effect: "Allow", Resource: ARN("sqs", "jobs") },
      { Action: "dynamodb:GetItem", Effect: "Allow", Resource: ARN("dynamodb", "table/orders") },
      { Action: "dynamodb:PutItem", Effect: "Allow", Resource: ARN("dynamodb", "table/orders") },
      { Action: "dynamodb:UpdateItem", Effect: "Allow", Resource: ARN("dynamodb", "table/audit") },
      { Action: "dynamodb:DeleteItem", Effect: "Allow", Resource: ARN("dynamodb", "table/orders") },
      { Action: "events:PutEvents", Effect: "Allow", Resource: [ARN("events", "event-bus/default"), ARN("events", "event-bus/orders")] },
    ]);
  });

  it("starts nested state machines and, for `.sync`, watches and stops their executions through the managed rule", () => {
    const child = (name: string) => ARN("states", `stateMachine:${name}`);
    const definition = chain(
      task("arn:aws:states:::states:startExecution", { StateMachineArn: child("Fire") }),
      task("arn:aws:states:::states:startExecution.sync", { StateMachineArn: child("Wait") }),
      task("arn:aws:states:::states:startExecution.sync:2", { StateMachineArn: `${child("Json")}:live` }),
      task("arn:aws:states:::states:startExecution.waitForTaskToken", { StateMachineArn: child("Call"), Input: { "token.$": "$$.Task.Token" } }),
    );
    expect(policiesFor(definition).taskStatements).toEqual([
      { Action: "states:StartExecution", Effect: "Allow", Resource: [child("Fire"), child("Wait"), `${child("Json")}:live`, child("Call")] },
      { Action: ["states:DescribeExecution", "states:StopExecution"], Effect: "Allow", Resource: [ARN("states", "execution:Wait:*"), ARN("states", "execution:Json:*")] },
      { Action: ["events:DescribeRule", "events:PutRule", "events:PutTargets"], Effect: "Allow", Resource: ARN("events", "rule/StepFunctionsGetEventsForStepFunctionsExecutionRule") },
    ]);
  });

  it("follows substitutions whose values are tokens, e.g. another machine's ARN", () => {
    const { template, stack } = synthesize((stack) => {
      const child = new WorkflowStateMachine(stack, "Child", { definition: { StartAt: "Done", States: { Done: { Type: "Succeed" } } }, logging: false });
      new WorkflowStateMachine(stack, "M", {
        definition: chain(task("arn:aws:states:::states:startExecution.sync:2", { StateMachineArn: "${Child}" })),
        definitionSubstitutions: { Child: child.stateMachineArn },
        logging: false,
      });
    });
    const machine = stack.node.findChild("M") as WorkflowStateMachine;
    const child = `\${${logicalId((stack.node.findChild("Child") as WorkflowStateMachine).stateMachine)}}`;
    expect(Object.values(roleStatements(template, logicalId(machine.role)))).toEqual([
      [
        { Action: "states:StartExecution", Effect: "Allow", Resource: child },
        { Action: ["states:DescribeExecution", "states:StopExecution"], Effect: "Allow", Resource: ARN("states", `execution:\${select(6, \${split(:, ${child})})}:*`) },
        { Action: ["events:DescribeRule", "events:PutRule", "events:PutTargets"], Effect: "Allow", Resource: ARN("events", "rule/StepFunctionsGetEventsForStepFunctionsExecutionRule") },
      ],
    ]);
  });

  it("calls HTTPS endpoints as the machine itself (separate policy, method and URL conditions) with the connection's credentials", () => {
    const connection = ARN("events", "connection/example/0a1b2c");
    const definition = chain(task("arn:aws:states:::http:invoke", { ApiEndpoint: "https://api.example.com/orders", Method: "POST", Authentication: { ConnectionArn: connection } }));
    const { taskStatements, selfStatements, machineId, dependsOn } = policiesFor(definition);
    expect(taskStatements).toEqual([
      { Action: "events:RetrieveConnectionCredentials", Effect: "Allow", Resource: connection },
      { Action: ["secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue"], Effect: "Allow", Resource: ARN("secretsmanager", "secret:events!connection/example/*") },
    ]);
    expect(selfStatements).toEqual([
      {
        Action: "states:InvokeHTTPEndpoint",
        Condition: { StringEquals: { "states:HTTPMethod": "POST" }, StringLike: { "states:HTTPEndpoint": "https://api.example.com/orders*" } },
        Effect: "Allow",
        Resource: `\${${machineId}}`,
      },
    ]);
    // The machine must not wait for a policy that names it: that would be a circular dependency.
    expect(dependsOn.some((id) => id.startsWith("MSelfPolicy"))).toBe(false);
  });

  it("warns about an integration it has no rule for instead of guessing", () => {
    const { taskStatements, stack } = policiesFor(chain(task("arn:aws:states:::mediaconvert:createJob.sync", { Role: "r" })));
    expect(taskStatements).toBeUndefined();
    Annotations.fromStack(stack).hasWarning("/Test/M", Match.stringLikeRegexp("/States/S0: no IAM rule for arn:aws:states:::mediaconvert:createJob.sync"));
  });
});

describe("IAM for AWS SDK integrations", () => {
  it("maps the SDK call to its IAM action and narrows resources the request names", () => {
    const definition = chain(
      task("arn:aws:states:::aws-sdk:dynamodb:putItem", { TableName: "orders", Item: {} }),
      task("arn:aws:states:::aws-sdk:s3:getObject", { Bucket: "reports", Key: "daily.csv" }),
      task("arn:aws:states:::aws-sdk:s3:listObjectsV2", { Bucket: "reports" }),
      task("arn:aws:states:::aws-sdk:s3:putObject", { Bucket: "reports", "Key.$": "$.key", Body: "x" }),
      task("arn:aws:states:::aws-sdk:sfn:startSyncExecution", { StateMachineArn: ARN("states", "stateMachine:Fast") }),
      task("arn:aws:states:::aws-sdk:cloudwatchlogs:putLogEvents", { LogGroupName: "g", LogStreamName: "s", LogEvents: [] }),
      task("arn:aws:states:::aws-sdk:ec2:describeInstances", {}),
    );
    expect(policiesFor(definition).taskStatements).toEqual([
      { Action: "dynamodb:PutItem", Effect: "Allow", Resource: ARN("dynamodb", "table/orders") },
      { Action: "s3:GetObject", Effect: "Allow", Resource: "arn:aws:s3:::reports/daily.csv" },
      { Action: "s3:ListBucket", Effect: "Allow", Resource: "arn:aws:s3:::reports" },
      { Action: "s3:PutObject", Effect: "Allow", Resource: "arn:aws:s3:::reports/*" },
      { Action: "states:StartSyncExecution", Effect: "Allow", Resource: ARN("states", "stateMachine:Fast") },
      { Action: "logs:PutLogEvents", Effect: "Allow", Resource: "*" },
      { Action: "ec2:DescribeInstances", Effect: "Allow", Resource: "*" },
    ]);
  });
});

describe("IAM for Distributed Map, activities and task credentials", () => {
  it("lets a Distributed Map run child executions of this machine, read its items and write its results", () => {
    const definition = chain({
      Type: "Map",
      Label: "rows",
      ItemReader: { Resource: "arn:aws:states:::s3:getObject", ReaderConfig: { InputType: "CSV", CSVHeaderLocation: "FIRST_ROW" }, Parameters: { Bucket: "imports", Key: "rows.csv" } },
      ItemProcessor: {
        ProcessorConfig: { Mode: "DISTRIBUTED", ExecutionType: "EXPRESS" },
        StartAt: "Send",
        States: { Send: task("arn:aws:states:::sqs:sendMessage", { QueueUrl: `https://sqs.${REGION}.amazonaws.com/${ACCOUNT}/rows`, "MessageBody.$": "$" }, { End: true }) },
      },
      ResultWriter: { Resource: "arn:aws:states:::s3:putObject", Parameters: { Bucket: "imports", Prefix: "results" } },
    });
    const { taskStatements, selfStatements, machineId, dependsOn } = policiesFor(definition);
    expect(taskStatements).toEqual([
      { Action: "s3:GetObject", Effect: "Allow", Resource: "arn:aws:s3:::imports/rows.csv" },
      { Action: ["s3:AbortMultipartUpload", "s3:GetObject", "s3:ListMultipartUploadParts", "s3:PutObject"], Effect: "Allow", Resource: "arn:aws:s3:::imports/results/*" },
      { Action: "sqs:SendMessage", Effect: "Allow", Resource: ARN("sqs", "rows") },
    ]);
    const name = `\${select(6, \${split(:, \${${machineId}})})}`;
    expect(selfStatements).toEqual([
      { Action: "states:StartExecution", Effect: "Allow", Resource: `\${${machineId}}` },
      { Action: ["states:DescribeExecution", "states:StopExecution"], Effect: "Allow", Resource: ARN("states", `execution:${name}:*`) },
      { Action: "states:RedriveExecution", Effect: "Allow", Resource: ARN("states", `execution:${name}/rows:*`) },
    ]);
    expect(dependsOn.some((id) => id.startsWith("MSelfPolicy"))).toBe(false);
  });

  it("lists and reads a prefix for a listObjectsV2 reader that loads and flattens", () => {
    const definition = chain({
      Type: "Map",
      QueryLanguage: "JSONata",
      ItemReader: { Resource: "arn:aws:states:::s3:listObjectsV2", ReaderConfig: { InputType: "JSONL", Transformation: "LOAD_AND_FLATTEN" }, Arguments: { Bucket: "logs", Prefix: "2026/" } },
      ItemProcessor: { ProcessorConfig: { Mode: "DISTRIBUTED", ExecutionType: "STANDARD" }, StartAt: "Done", States: { Done: { Type: "Succeed" } } },
    });
    expect(policiesFor(definition).taskStatements).toEqual([
      { Action: "s3:ListBucket", Effect: "Allow", Resource: "arn:aws:s3:::logs" },
      { Action: "s3:GetObject", Effect: "Allow", Resource: "arn:aws:s3:::logs/2026/*" },
    ]);
  });

  it("needs nothing for activity tasks: their workers hold the permissions", () => {
    const { template } = policiesFor(chain(task(ARN("states", "activity:Settle"), undefined, { HeartbeatSeconds: 60 })));
    template.resourceCountIs("AWS::IAM::Policy", 0);
  });

  it("only assumes the task's role when the task runs with Credentials", () => {
    const other = "arn:aws:iam::210987654321:role/Writer";
    const definition = chain(task("arn:aws:states:::dynamodb:putItem", { TableName: "orders", Item: {} }, { Credentials: { RoleArn: other } }));
    expect(policiesFor(definition).taskStatements).toEqual([{ Action: "sts:AssumeRole", Effect: "Allow", Resource: other }]);
  });
});

describe("IAM on a given role", () => {
  it("adds the task statements to the role the machine runs as", () => {
    const { template, stack } = synthesize((stack) => {
      const role = new Role(stack, "Given", { assumedBy: new ServicePrincipal("states.amazonaws.com") });
      new WorkflowStateMachine(stack, "M", { definition: chain(task("arn:aws:states:::sns:publish", { TopicArn: ARN("sns", "t"), Message: "m" })), role, logging: false });
    });
    const given = logicalId(stack.node.findChild("Given"));
    template.hasResourceProperties("AWS::StepFunctions::StateMachine", { RoleArn: { "Fn::GetAtt": [given, "Arn"] } });
    expect(Object.values(roleStatements(template, given))).toEqual([[{ Action: "sns:Publish", Effect: "Allow", Resource: ARN("sns", "t") }]]);
  });
});

describe("IAM follows the final definition, escape hatches included", () => {
  it("grants what a raw override of a builder task calls, not what the builder declared", () => {
    const queue = serviceIntegration<{ readonly QueueUrl: string; readonly MessageBody: string }>("sqs", "sendMessage");
    const flow = workflow("Hatch", { input: typeOnly<{ readonly id: string }>(), queryLanguage: "JSONata" });
    const hatched = flow.startWith(
      flow.task("Send", queue, {
        arguments: () => ({ QueueUrl: `https://sqs.${REGION}.amazonaws.com/${ACCOUNT}/first`, MessageBody: "x" }),
        raw: { Resource: "arn:aws:states:::sns:publish", Arguments: { TopicArn: ARN("sns", "instead"), Message: "x" } },
      }),
    );
    expect(policiesFor(hatched).taskStatements).toEqual([{ Action: "sns:Publish", Effect: "Allow", Resource: ARN("sns", "instead") }]);
  });
});
