// The stack synthesizes offline: the callback function is bundled and wired like the others,
// and the approval page's role may answer callbacks of this machine only.
import { App } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import { describe, expect, it } from "vitest";
import { createStack } from "../cdk/stack.ts";

interface Statement {
  readonly Action: string | string[];
  readonly Resource: unknown;
}

// esbuild bundling is what `npm run example` and `npm run synth` exercise; skipping it here keeps
// this test fast, and the template is the same apart from the asset hashes.
const NO_BUNDLING = { "aws:cdk:bundling-stacks": [] };

describe("HumanApproval stack", () => {
  const template = Template.fromStack(createStack(new App({ context: NO_BUNDLING })));

  it("bundles the three functions, the callback one with the approval page's URL", () => {
    expect(Object.keys(template.findResources("AWS::Lambda::Function"))).toHaveLength(3);
    template.hasResourceProperties("AWS::Lambda::Function", { Environment: { Variables: { APPROVAL_URL: "https://approvals.example.com/decide" } } });
  });

  it("wires the .waitForTaskToken task to its bundled function", () => {
    const [machine] = Object.values(template.findResources("AWS::StepFunctions::StateMachine"));
    const definition = JSON.parse((machine?.["Properties"] as { DefinitionString: string }).DefinitionString) as { States: Record<string, { Resource?: string; Arguments?: { FunctionName?: string } }> };
    expect(definition.States["AskApprover"]?.Resource).toBe("arn:aws:states:::lambda:invoke.waitForTaskToken");
    expect(definition.States["AskApprover"]?.Arguments?.FunctionName).toMatch(/^\$\{fn_/);
  });

  it("lets the approval page send task success, failure and heartbeats", () => {
    const statements = Object.entries(template.findResources("AWS::IAM::Policy"))
      .filter(([id]) => id.startsWith("ApprovalPageRole"))
      .flatMap(([, policy]) => (policy["Properties"] as { PolicyDocument: { Statement: Statement[] } }).PolicyDocument.Statement);
    const actions = statements.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]));
    expect(actions).toEqual(expect.arrayContaining(["states:SendTaskSuccess", "states:SendTaskFailure"]));
  });
});
