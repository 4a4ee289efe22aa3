// fromTemplate and fromCdkOut on hand-written templates: no CDK synthesis, so these stay fast.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CallbackRegistry } from "@stepcraft/runtime";
import { startTestExecution, testExecution } from "@stepcraft/runtime/testing";
import "@stepcraft/runtime/vitest";
import { CdkTestingError, fromCdkOut, fromTemplate } from "./index.ts";

const inlineFunction = (code: string, runtime = "nodejs22.x") => ({ Type: "AWS::Lambda::Function", Properties: { Code: { ZipFile: code }, Handler: "index.handler", Runtime: runtime } });
const machine = (definition: unknown, extra: Record<string, unknown> = {}) => ({ Type: "AWS::StepFunctions::StateMachine", Properties: { DefinitionString: definition, ...extra } });
const invoke = (state: string, fn: string, next: Record<string, unknown> = { End: true }) => ({
  [state]: { Type: "Task", Resource: "arn:aws:states:::lambda:invoke", Parameters: { FunctionName: `\${${fn}}`, "Payload.$": "$" }, OutputPath: "$.Payload", ...next },
});

const template = {
  Parameters: { Greeting: { Type: "String", Default: "hello" } },
  Resources: {
    // Deployed code may mutate its event: it gets its own copy, as from Lambda's JSON.
    Greet: inlineFunction("'use strict'; exports.handler = async (e) => { e.text = e.greeting + ' ' + e.name; return { text: e.text }; };"),
    Shout: inlineFunction("def handler(e, c): pass", "python3.12"),
    Main: machine(
      { "Fn::Join": ["", ['{"StartAt":"Prepare","States":{"Prepare":{"Type":"Pass","Parameters":{"greeting":"', { Ref: "Greeting" }, '","name.$":"$.name"},"Next":"Greet"},', JSON.stringify(invoke("Greet", "greet", { Next: "Shout" })).slice(1, -1), ",", JSON.stringify(invoke("Shout", "shout")).slice(1, -1), "}}"]] },
      { DefinitionSubstitutions: { greet: { "Fn::GetAtt": ["Greet", "Arn"] }, shout: { "Fn::GetAtt": ["Shout", "Arn"] } } },
    ),
  },
};

describe("fromTemplate", () => {
  it("runs inline function code in-process, parameters from their defaults", async () => {
    const run = await testExecution(fromTemplate(template), { name: "Ada" }, { mocks: { Shout: { result: "ok" } } });
    expect(run).toHaveSucceeded();
    expect(run.states["Greet"]?.output).toEqual({ text: "hello Ada" });
  });

  it("fails a function it cannot run, naming it, why, and how to bind it", async () => {
    const run = await testExecution(fromTemplate(template), { name: "Ada" });
    expect(run).toHaveFailedWith(
      "Lambda.ResourceNotFoundException",
      /The function Shout called by state 'Shout' is for the python3\.12 runtime, which does not run in-process\. Bind it: tasks: \{ 'Shout': handler \}, or mock the state: mocks: \{ 'Shout': \{ result: … \} \}\./,
    );
    expect(run.unbound.map((u) => u.state)).toEqual(["Shout"]);
    const bound = await testExecution(fromTemplate(template), { name: "Ada" }, { tasks: { Shout: (e) => ({ loud: e }) } });
    expect(bound.output).toEqual({ loud: { text: "hello Ada" } });
  });

  it("names constructs by the template's aws:cdk:path metadata, an L3's extra /Resource dropped", () => {
    const withPaths = { ...template, Resources: { ...template.Resources, Main: { ...template.Resources.Main, Metadata: { "aws:cdk:path": "Shop/Flow/Resource/Resource" } } } };
    const source = fromTemplate(withPaths, { stateMachine: "Shop/Flow" });
    expect(source.construct).toMatchObject({ path: "Shop/Flow", id: "Flow", logicalId: "Main" });
    expect(fromTemplate(withPaths, { stateMachine: "Flow" }).construct.logicalId).toBe("Main");
  });

  it("takes parameter values, and refuses a template that is not one", () => {
    const asl = fromTemplate(template, { parameters: { Greeting: "hi" } }).toAsl() as { States: { Prepare: { Parameters: unknown } } };
    expect(asl.States.Prepare.Parameters).toEqual({ greeting: "hi", "name.$": "$.name" });
    expect(() => fromTemplate([])).toThrow(new CdkTestingError("Expected a CloudFormation template (an object with Resources), got an array."));
    expect(() => fromTemplate({ Resources: {} })).toThrow("The stack has no AWS::StepFunctions::StateMachine resources: nothing to run.");
    expect(() => fromTemplate({ Resources: { M: machine("{not json") } })).toThrow("M: the resolved definition is not JSON");
    expect(() => fromTemplate(template).bindTasks({ Greet: "nope" as never }, { callbacks: new CallbackRegistry() })).toThrow("tasks['Greet'] is string, not a handler function.");
  });
});

describe("a machine's StateMachineType", () => {
  it("is the template's: an EXPRESS machine runs with Express semantics (5 minutes at most)", async () => {
    const waitsLong = JSON.stringify({ StartAt: "Wait", States: { Wait: { Type: "Wait", Seconds: 400, End: true } } });
    const express = fromTemplate({ Resources: { Fast: machine(waitsLong, { StateMachineType: "EXPRESS" }) } });
    expect(express.stateMachineType).toBe("EXPRESS");
    expect(await testExecution(express, {})).toHaveFailedWith("States.Timeout");
    expect(fromTemplate({ Resources: { Slow: machine(waitsLong) } }).stateMachineType).toBe("STANDARD");
  });
});

describe("a nested machine of the same template", () => {
  const nested = (pattern: string) => ({
    Resources: {
      Child: machine(JSON.stringify({ StartAt: "Wait", States: { Wait: { Type: "Wait", Seconds: 60, Next: "Done" }, Done: { Type: "Pass", Parameters: { "got.$": "$.n" }, End: true } } })),
      Parent: machine({ "Fn::Join": ["", [`{"StartAt":"Run","States":{"Run":{"Type":"Task","Resource":"arn:aws:states:::states:startExecution${pattern}","Parameters":{"StateMachineArn":"`, { Ref: "Child" }, `","Input":{"n.$":"$.n"${pattern.endsWith("Token") ? ',"token.$":"$$.Task.Token"' : ""}}},"End":true}}}`]] }),
    },
  });

  it("runs as a child on the parent's clock (.sync:2)", async () => {
    const run = await testExecution(fromTemplate(nested(".sync:2"), { stateMachine: "Parent" }), { n: 7 });
    expect(run).toHaveSucceeded();
    expect(run.output).toMatchObject({ Status: "SUCCEEDED", Output: { got: 7 } });
  });

  it("starts the child and waits for the token's answer (.waitForTaskToken)", async () => {
    const run = startTestExecution(fromTemplate(nested(".waitForTaskToken"), { stateMachine: "Parent" }), { n: 7 });
    await run.waitForState("Run");
    expect(run.pendingCallbacks().map((c) => c.stateName)).toEqual(["Run"]);
    await run.sendTaskSuccess("Run", { answered: true });
    const result = await run.result();
    expect(result.output).toEqual({ answered: true });
    expect(result.history.map((e) => e.type)).toContain("TaskSubmitted");
  });

  it("lets the child answer the parent's token itself (CallAwsService sfn:sendTaskSuccess)", async () => {
    const answering = nested(".waitForTaskToken");
    const child = { StartAt: "Answer", States: { Answer: { Type: "Task", Resource: "arn:aws:states:::aws-sdk:sfn:sendTaskSuccess", Parameters: { "TaskToken.$": "$.token", "Output.$": "States.JsonToString($)" }, End: true } } };
    const template = { Resources: { ...answering.Resources, Child: machine(JSON.stringify(child)) } };
    const run = await testExecution(fromTemplate(template, { stateMachine: "Parent" }), { n: 7 });
    expect(run).toHaveSucceeded();
    expect(run.output).toEqual({ n: 7, token: expect.any(String) });
  });
});

describe("a function's environment", () => {
  it("is set as Lambda sets it, tokens resolved, while its module loads and its handler starts, then restored", async () => {
    const code = "const atLoad = process.env.TABLE; exports.handler = async () => ({ atLoad, inCall: process.env.TABLE, region: process.env.AWS_REGION, name: process.env.AWS_LAMBDA_FUNCTION_NAME });";
    const withEnv = {
      Resources: {
        Table: { Type: "AWS::DynamoDB::Table" },
        Read: { ...inlineFunction(code), Properties: { ...inlineFunction(code).Properties, Environment: { Variables: { TABLE: { Ref: "Table" } } } } },
        Main: machine(JSON.stringify({ StartAt: "Read", States: invoke("Read", "read") }), { DefinitionSubstitutions: { read: { "Fn::GetAtt": ["Read", "Arn"] } } }),
      },
    };
    const source = fromTemplate(withEnv, { stackName: "Env" });
    const run = await testExecution(source, {});
    const table = source.constructAt("Table").ref;
    expect(run.output).toEqual({ atLoad: table, inCall: table, region: "us-east-1", name: source.constructAt("Read").ref });
    expect(process.env["TABLE"]).toBeUndefined();
  });
});

/** A cloud assembly with three asset functions: a CommonJS bundle, an ESM bundle, and an unbundled directory. */
function assemblyWithAssets(): string {
  const dir = mkdtempSync(join(tmpdir(), "stepcraft-assets-"));
  const asset = (hash: string, files: Record<string, string>) => {
    mkdirSync(join(dir, `asset.${hash}`));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, `asset.${hash}`, name), text);
    return [hash, { source: { path: `asset.${hash}`, packaging: "zip" }, destinations: { d: { objectKey: `${hash}.zip` } } }] as const;
  };
  const files = Object.fromEntries([
    asset("cjs", { "index.js": "exports.handler = async (e) => ({ from: 'cjs', e });" }),
    asset("esm", { "index.mjs": "export const handler = async (e) => ({ from: 'esm', e });" }),
    asset("raw", { "package.json": "{}" }),
  ]);
  writeFileSync(join(dir, "Fns.assets.json"), JSON.stringify({ version: "48.0.0", files }));
  const fn = (hash: string) => ({ Type: "AWS::Lambda::Function", Properties: { Code: { S3Bucket: "b", S3Key: `${hash}.zip` }, Handler: "index.handler", Runtime: "nodejs22.x" } });
  const states = { ...invoke("Cjs", "cjs", { Next: "Esm" }), ...invoke("Esm", "esm", { Next: "Raw" }), ...invoke("Raw", "raw") };
  const substitutions = Object.fromEntries(["cjs", "esm", "raw"].map((h) => [h, { "Fn::GetAtt": [`Fn${h}`, "Arn"] }]));
  const fnsTemplate = { Resources: { Fncjs: fn("cjs"), Fnesm: fn("esm"), Fnraw: fn("raw"), M: machine(JSON.stringify({ StartAt: "Cjs", States: states }), { DefinitionSubstitutions: substitutions }) } };
  writeFileSync(join(dir, "Fns.template.json"), JSON.stringify(fnsTemplate));
  writeFileSync(join(dir, "manifest.json"), JSON.stringify({ artifacts: { Fns: { type: "aws:cloudformation:stack", properties: { templateFile: "Fns.template.json" } } } }));
  return dir;
}

describe("asset code from the cloud assembly", () => {
  it("runs CommonJS and ESM bundles, and says when the asset was not bundled", async () => {
    const run = await testExecution(fromCdkOut(assemblyWithAssets()), { n: 1 });
    expect(run.states["Cjs"]?.output).toEqual({ from: "cjs", e: { n: 1 } });
    expect(run.states["Esm"]?.output).toEqual({ from: "esm", e: { from: "cjs", e: { n: 1 } } });
    expect(run).toHaveFailedWith("Lambda.ResourceNotFoundException", /The function Fnraw called by state 'Raw' has no index\.js in its asset .*asset\.raw \(was bundling skipped\? Synthesize without the 'aws:cdk:bundling-stacks' context, so NodejsFunction bundles its entry\)/);
  });
});

describe("fromCdkOut", () => {
  it("reads the stack's template from the assembly manifest", async () => {
    const dir = mkdtempSync(join(tmpdir(), "stepcraft-cdk-out-"));
    writeFileSync(join(dir, "manifest.json"), JSON.stringify({ artifacts: { Shop: { type: "aws:cloudformation:stack", environment: "aws://unknown-account/unknown-region", properties: { templateFile: "Shop.template.json" } } } }));
    writeFileSync(join(dir, "Shop.template.json"), JSON.stringify(template));
    const fromDir = fromCdkOut(dir, { region: "eu-west-1" });
    expect(fromDir.constructAt("Greet").arn).toMatch(/^arn:aws:lambda:eu-west-1:123456789012:function:Shop-Greet-/);
    expect(() => fromCdkOut(dir, { stack: "Other" })).toThrow(`${dir} has no stack 'Other'. Its stacks: 'Shop'.`);
    expect(() => fromCdkOut(join(dir, "missing"))).toThrow("is no cloud assembly (no manifest.json): run cdk synth first, or pass its --output directory.");
  });
});
