// The CDK stack synthesizes offline: functions bundled by the local esbuild, IAM from the ASL.
import { App } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import { describe, expect, it } from "vitest";
import { createStack } from "../cdk/stack.ts";

// esbuild bundling is what `npm run example` and `npm run synth` exercise; skipping it here keeps
// this test fast, and the template is the same apart from the asset hashes.
const NO_BUNDLING = { "aws:cdk:bundling-stacks": [] };

describe("OrderFulfillment stack", () => {
  const template = Template.fromStack(createStack(new App({ context: NO_BUNDLING })));

  it("bundles one Node.js function per handler", () => {
    const functions = Object.values(template.findResources("AWS::Lambda::Function"));
    expect(functions).toHaveLength(7);
    for (const fn of functions) expect(fn["Properties"]).toMatchObject({ Runtime: "nodejs22.x", Handler: "index.handler" });
  });

  it("deploys a Standard state machine wired to the bundled functions", () => {
    const [machine] = Object.values(template.findResources("AWS::StepFunctions::StateMachine"));
    const props = machine?.["Properties"] as { DefinitionString: string; DefinitionSubstitutions: Record<string, unknown>; StateMachineType: string };
    expect(props.StateMachineType).toBe("STANDARD");
    const definition = JSON.parse(props.DefinitionString) as { States: Record<string, { Parameters?: { FunctionName?: string } }> };
    // FunctionName placeholders are filled with the functions' ARNs by DefinitionSubstitutions.
    expect(definition.States["ChargePayment"]?.Parameters?.FunctionName).toMatch(/^\$\{fn_/);
    expect(Object.keys(props.DefinitionSubstitutions)).toHaveLength(7);
  });

  it("lets the state machine invoke those functions and nothing else", () => {
    const statements = Object.values(template.findResources("AWS::IAM::Policy")).flatMap(
      (policy) => (policy["Properties"] as { PolicyDocument: { Statement: { Action: string | string[] }[] } }).PolicyDocument.Statement,
    );
    const actions = new Set(statements.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action])));
    expect(actions.has("lambda:InvokeFunction")).toBe(true);
    expect([...actions].filter((a) => a.endsWith("*") && a !== "xray:*")).toEqual([]);
  });
});
