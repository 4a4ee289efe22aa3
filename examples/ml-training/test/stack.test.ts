// The stack synthesizes offline: two machines, the parent allowed to start and watch exactly the
// nested one, SageMaker permissions granted where the construct cannot derive them.
import { App } from "aws-cdk-lib";
import { Annotations, Match, Template } from "aws-cdk-lib/assertions";
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

describe("MlTraining stack", () => {
  const stack = createStack(new App({ context: NO_BUNDLING }));
  const template = Template.fromStack(stack);
  const statementsOf = (prefix: string) =>
    Object.entries(template.findResources("AWS::IAM::Policy"))
      .filter(([id]) => id.startsWith(prefix))
      .flatMap(([, policy]) => (policy["Properties"] as { PolicyDocument: { Statement: Statement[] } }).PolicyDocument.Statement);
  const actionsOf = (prefix: string) => statementsOf(prefix).flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]));

  it("deploys both machines and the three bundled functions", () => {
    expect(Object.keys(template.findResources("AWS::StepFunctions::StateMachine"))).toHaveLength(2);
    expect(Object.keys(template.findResources("AWS::Lambda::Function"))).toHaveLength(3);
  });

  it("substitutes the nested machine's ARN into the parent's definition", () => {
    const parent = Object.entries(template.findResources("AWS::StepFunctions::StateMachine")).find(([id]) => id.startsWith("MlTraining"))?.[1];
    const props = parent?.["Properties"] as { DefinitionString: string; DefinitionSubstitutions: Record<string, unknown> };
    expect(props.DefinitionString).toContain("${DeployModelArn}");
    expect(props.DefinitionSubstitutions["DeployModelArn"]).toEqual({ Ref: expect.stringMatching(/^DeployModel/) });
  });

  it("lets the parent start, describe and stop the nested machine's executions (.sync)", () => {
    const start = statementsOf("MlTrainingRole").find((s) => s.Action === "states:StartExecution");
    expect(start?.Resource).toEqual({ Ref: expect.stringMatching(/^DeployModel/) });
    expect(actionsOf("MlTrainingRole")).toEqual(expect.arrayContaining(["states:DescribeExecution", "states:StopExecution", "events:PutRule"]));
  });

  it("grants the SageMaker calls and passing the SageMaker role, with no unacknowledged warnings", () => {
    expect(actionsOf("MlTrainingRole")).toEqual(expect.arrayContaining(["sagemaker:CreateTrainingJob", "sagemaker:DescribeTrainingJob", "iam:PassRole"]));
    expect(actionsOf("DeployModelRole")).toEqual(expect.arrayContaining(["sagemaker:CreateModel", "iam:PassRole"]));
    expect(Annotations.fromStack(stack).findWarning("*", Match.anyValue())).toEqual([]);
  });

  it("loads into @stepcraft/cdk/testing from the same synthesis: tokens resolved, each function mapped to its construct", () => {
    const [training, deployment] = ["MlTraining", "DeployModel"].map((name) => fromStack(stack, { stateMachine: name }));
    const asl = JSON.stringify([training?.toAsl(), deployment?.toAsl()]);
    expect(asl).not.toMatch(/Fn::|"Ref"/);
    for (const logicalId of Object.keys(template.findResources("AWS::Lambda::Function"))) expect(asl).toContain(training?.constructAt(logicalId).arn);
    // The nested machine's placeholder ARN is what the parent starts.
    expect(JSON.stringify(training?.toAsl())).toContain(`"StateMachineArn":"${deployment?.stateMachineArn}"`);
    expect(training?.construct.path).toBe("MlTraining/MlTraining");
    for (const machine of [training, deployment]) expect(() => prepareStateMachine(machine?.toAsl(), { name: machine?.name ?? "" })).not.toThrow();
  });
});
