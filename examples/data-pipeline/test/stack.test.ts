// The stack synthesizes offline, and the Distributed Map's IAM is exact: read the exports bucket,
// write results under the prefix, read them back, start (and redrive) its own children.
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

describe("DataPipeline stack", () => {
  const stack = createStack(new App({ context: NO_BUNDLING }));
  const template = Template.fromStack(stack);
  const statements = Object.values(template.findResources("AWS::IAM::Policy")).flatMap(
    (policy) => (policy["Properties"] as { PolicyDocument: { Statement: Statement[] } }).PolicyDocument.Statement,
  );
  const actions = statements.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]));

  it("deploys the machine, both buckets and the two bundled functions", () => {
    expect(Object.keys(template.findResources("AWS::StepFunctions::StateMachine"))).toHaveLength(1);
    expect(Object.keys(template.findResources("AWS::S3::Bucket"))).toHaveLength(2);
    expect(Object.keys(template.findResources("AWS::Lambda::Function"))).toHaveLength(2);
  });

  it("grants S3 on the stack's buckets only, never on *", () => {
    const s3 = statements.filter((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]).some((a) => a.startsWith("s3:")));
    expect(s3.length).toBeGreaterThan(0);
    expect(s3.map((s) => JSON.stringify(s.Resource))).not.toContain('"*"');
    expect(JSON.stringify(s3)).toContain("/sales-pipeline/*");
  });

  it("lets the Map Run start, watch and redrive its child executions", () => {
    expect(actions).toEqual(expect.arrayContaining(["states:StartExecution", "states:DescribeExecution", "states:StopExecution", "states:RedriveExecution"]));
  });

  it("loads into @stepcraft/cdk/testing from the same synthesis: tokens resolved, each function mapped to its construct", () => {
    const machine = fromStack(stack);
    const asl = JSON.stringify(machine.toAsl());
    expect(asl).not.toMatch(/Fn::|"Ref"/);
    for (const logicalId of Object.keys(template.findResources("AWS::Lambda::Function"))) expect(asl).toContain(machine.constructAt(logicalId).arn);
    expect(() => prepareStateMachine(machine.toAsl(), { name: machine.name })).not.toThrow();
  });
});
