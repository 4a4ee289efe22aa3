// The deployable stack: an IoT Core rule starts the Express state machine for every report on
// `devices/+/telemetry`; the topic, table and queue the workflow calls are created here and
// handed to the definition through DefinitionSubstitutions, from which the construct also
// derives the state machine's IAM (publish to this topic, put into this table, send to this queue).
import { fileURLToPath } from "node:url";
import { Duration, RemovalPolicy, Stack } from "aws-cdk-lib";
import type { StackProps } from "aws-cdk-lib";
import { AttributeType, Billing, TableV2 } from "aws-cdk-lib/aws-dynamodb";
import { Role, ServicePrincipal } from "aws-cdk-lib/aws-iam";
import { CfnTopicRule } from "aws-cdk-lib/aws-iot";
import { LogLevel } from "aws-cdk-lib/aws-lambda-nodejs";
import { Topic } from "aws-cdk-lib/aws-sns";
import { Queue } from "aws-cdk-lib/aws-sqs";
import { WorkflowStateMachine } from "@stepcraft/cdk";
import type { Construct } from "constructs";
import { iotIngest } from "../src/workflow.ts";

export class IotIngestStack extends Stack {
  readonly machine: WorkflowStateMachine;

  constructor(scope: Construct, id: string, props: StackProps = {}) {
    super(scope, id, props);
    const alerts = new Topic(this, "Alerts", { displayName: "Device limit breaches" });
    const latest = new TableV2(this, "LatestReadings", {
      partitionKey: { name: "deviceId", type: AttributeType.STRING },
      billing: Billing.onDemand(),
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const deadLetters = new Queue(this, "DeadLetters", { retentionPeriod: Duration.days(14) });

    this.machine = new WorkflowStateMachine(this, "IotIngest", {
      definition: iotIngest,
      stateMachineType: "EXPRESS",
      lambdas: iotIngest.lambdas,
      entryRoot: fileURLToPath(new URL("../src", import.meta.url)),
      definitionSubstitutions: {
        AlertTopicArn: alerts.topicArn,
        // DynamoDB takes a table ARN as TableName; an ARN also lets the construct grant on exactly this table.
        LatestReadingsTable: latest.tableArn,
        DeadLetterQueueUrl: deadLetters.queueUrl,
      },
      // The device registry is read on every report: keep the function warm-friendly and small.
      functionDefaults: { memorySize: 256, bundling: { logLevel: LogLevel.WARNING } },
    });

    const ruleRole = new Role(this, "RuleRole", { assumedBy: new ServicePrincipal("iot.amazonaws.com") });
    this.machine.grantStartExecution(ruleRole);
    new CfnTopicRule(this, "TelemetryRule", {
      topicRulePayload: {
        sql: "SELECT *, topic(2) AS deviceId FROM 'devices/+/telemetry'",
        awsIotSqlVersion: "2016-03-23",
        actions: [{ stepFunctions: { stateMachineName: this.machine.stateMachineName, roleArn: ruleRole.roleArn } }],
      },
    });
  }
}

/** Builds the stack in `scope`; `npm run example` and cdk/app.ts both go through here. */
export function createStack(scope: Construct): Stack {
  // Environment-agnostic on purpose: synth needs no account, no region and no lookups.
  return new IotIngestStack(scope, "IotIngest");
}
