// The stack synthesizes offline, as an Express machine wired to the topic, table and queue it creates.
import { App } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import { describe, expect, it } from "vitest";
import { fromStack } from "@stepcraft/cdk/testing";
import { prepareStateMachine } from "@stepcraft/runtime";
import { createStack } from "../cdk/stack.ts";

interface Statement {
  readonly Action: string | string[];
  readonly Resource: unknown;
}

// esbuild bundling is what `npm run example` and `npm run synth` exercise; skipping it here keeps
// this test fast, and the template is the same apart from the asset hashes.
const NO_BUNDLING = { "aws:cdk:bundling-stacks": [] };

describe("IotIngest stack", () => {
  const stack = createStack(new App({ context: NO_BUNDLING }));
  const template = Template.fromStack(stack);
  const statements = Object.values(template.findResources("AWS::IAM::Policy")).flatMap(
    (policy) => (policy["Properties"] as { PolicyDocument: { Statement: Statement[] } }).PolicyDocument.Statement,
  );
  const grantOf = (action: string) => statements.find((s) => s.Action === action)?.Resource;

  it("deploys an Express state machine whose placeholders CloudFormation fills with the stack's resources", () => {
    const [machine] = Object.values(template.findResources("AWS::StepFunctions::StateMachine"));
    const props = machine?.["Properties"] as { DefinitionString: string; DefinitionSubstitutions: Record<string, unknown>; StateMachineType: string };
    expect(props.StateMachineType).toBe("EXPRESS");
    expect(props.DefinitionString).toContain("${AlertTopicArn}");
    expect(Object.keys(props.DefinitionSubstitutions)).toEqual(expect.arrayContaining(["AlertTopicArn", "LatestReadingsTable", "DeadLetterQueueUrl"]));
  });

  it("grants publish, put and invoke on exactly the stack's topic, table and function", () => {
    expect(grantOf("sns:Publish")).toEqual({ Ref: expect.stringMatching(/^Alerts/) });
    expect(grantOf("dynamodb:PutItem")).toEqual({ "Fn::GetAtt": [expect.stringMatching(/^LatestReadings/), "Arn"] });
    expect(grantOf("lambda:InvokeFunction")).toHaveLength(2);
  });

  it("starts the machine from an IoT topic rule", () => {
    template.hasResourceProperties("AWS::IoT::TopicRule", { TopicRulePayload: { Sql: "SELECT *, topic(2) AS deviceId FROM 'devices/+/telemetry'" } });
  });

  it("loads into @stepcraft/cdk/testing from the same synthesis: topic and table substituted by placeholders of their constructs", () => {
    const machine = fromStack(stack);
    const text = JSON.stringify(machine.toAsl());
    const topic = machine.constructAt("IotIngest/Alerts");
    const table = machine.constructAt("IotIngest/LatestReadings");
    expect([topic.type, table.type]).toEqual(["AWS::SNS::Topic", "AWS::DynamoDB::GlobalTable"]);
    expect([text.includes(topic.arn ?? "?"), text.includes(table.arn ?? "?"), /Fn::|"Ref"/.test(text)]).toEqual([true, true, false]);
    expect(prepareStateMachine(machine.toAsl(), { name: machine.name, stateMachineType: "EXPRESS" }).name).toBe(machine.name);
  });
});
