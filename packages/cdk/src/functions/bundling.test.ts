// Bundling declared handlers with the local esbuild. One app for the whole file: bundling is the slow part.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { App, Stack } from "aws-cdk-lib";
import { Annotations, Match, Template } from "aws-cdk-lib/assertions";
import { lambda } from "@stepcraft/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WorkflowStateMachine } from "../index.ts";
import { placeOrder, reserve, review } from "../test-fixtures/order-workflow.ts";
import { ACCOUNT, REGION, logicalId, renderDefinition, roleStatements } from "../test-fixtures/synth.ts";

const SRC = fileURLToPath(new URL("..", import.meta.url));
const flow = placeOrder("JSONata");

const unused = lambda("NeverCalled", {
  entry: "./test-fixtures/review-handler.ts",
  handler: () => import("../test-fixtures/review-handler.ts").then((m) => m.review),
});

let app: App;
let stack: Stack;
let machine: WorkflowStateMachine;
let template: Template;
const dockerBefore = process.env["CDK_DOCKER"];

beforeAll(() => {
  // Any attempt to run Docker fails loudly: bundling must be local.
  process.env["CDK_DOCKER"] = "/nonexistent/docker";
  app = new App();
  stack = new Stack(app, "Test", { env: { account: ACCOUNT, region: REGION } });
  machine = new WorkflowStateMachine(stack, "PlaceOrder", {
    definition: flow,
    lambdas: [reserve, review, unused],
    entryRoot: SRC,
    logging: false,
    functionDefaults: { memorySize: 256 },
    functionProps: { "order-review": { handler: "review" } },
  });
  template = Template.fromStack(stack);
  // esbuild runs once per function: on a loaded machine that takes longer than vitest's 10 s default.
}, 60_000);

afterAll(() => {
  if (dockerBefore === undefined) delete process.env["CDK_DOCKER"];
  else process.env["CDK_DOCKER"] = dockerBefore;
});

describe("bundled lambdas", () => {
  it("creates one NodejsFunction per called handler, with the defaults and per-function props", () => {
    template.resourceCountIs("AWS::Lambda::Function", 2);
    template.hasResourceProperties("AWS::Lambda::Function", { Handler: "index.handler", Runtime: "nodejs22.x", MemorySize: 256 });
    template.hasResourceProperties("AWS::Lambda::Function", { Handler: "index.review", Runtime: "nodejs22.x", MemorySize: 256 });
    expect([...machine.functions.keys()]).toEqual(["ReserveStock", "order-review"]);
  });

  it("bundles the handler source with esbuild into the cloud assembly", () => {
    const outdir = app.outdir;
    const bundles = readdirSync(outdir)
      .filter((entry) => entry.startsWith("asset."))
      .map((entry) => join(outdir, entry, "index.js"))
      .filter((file) => existsSync(file))
      .map((file) => readFileSync(file, "utf8"));
    expect(bundles.some((code) => code.includes("OutOfStock") && code.includes("r-"))).toBe(true);
    expect(bundles.some((code) => code.includes("approved"))).toBe(true);
    // esbuild output is JavaScript: no type annotation survives.
    expect(bundles.every((code) => !code.includes("ReserveInput"))).toBe(true);
  });

  it("wires each function's ARN into the definition, which then equals the compiled workflow", () => {
    const functionArn = (name: string) => `\${${logicalId(machine.functions.get(name) ?? stack)}.Arn}`;
    const expected = JSON.parse(JSON.stringify(flow.toAsl()), (key, value: unknown) =>
      key === "FunctionName" ? functionArn(value === "ReserveStock" ? "ReserveStock" : "order-review") : value,
    );
    expect(renderDefinition(template)).toEqual(expected);
  });

  it("lets the role invoke exactly the bundled functions", () => {
    const arns = ["ReserveStock", "order-review"].map((name) => `\${${logicalId(machine.functions.get(name) ?? stack)}.Arn}`);
    const policies = Object.values(roleStatements(template, logicalId(machine.role)));
    expect(policies).toEqual([[{ Action: "lambda:InvokeFunction", Effect: "Allow", Resource: arns.flatMap((arn) => [arn, `${arn}:*`]) }]]);
  });

  it("skips a declared handler the definition never calls, with a warning", () => {
    expect(machine.functions.has("NeverCalled")).toBe(false);
    Annotations.fromStack(stack).hasWarning("/Test/PlaceOrder", Match.stringLikeRegexp('function "NeverCalled" is given but no task'));
  });

  it("rejects a handler entry that does not exist, naming the file", () => {
    const missing = lambda("Missing", { entry: "./test-fixtures/no-such-handler.ts", handler: () => Promise.resolve((event: unknown) => event) });
    const other = new Stack(new App(), "Other");
    const definition = { QueryLanguage: "JSONata", StartAt: "Call", States: { Call: { Type: "Task", Resource: "arn:aws:states:::lambda:invoke", Arguments: { FunctionName: "Missing" }, End: true } } };
    expect(() => new WorkflowStateMachine(other, "M", { definition, lambdas: [missing], entryRoot: SRC })).toThrow(/no-such-handler\.ts/);
  });
});
