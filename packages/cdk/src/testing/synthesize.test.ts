// synthesizeCdkOut: a cloud assembly of its own, with path metadata as the CDK CLI writes it.
import { existsSync } from "node:fs";
import { Stack } from "aws-cdk-lib";
import type { App } from "aws-cdk-lib";
import * as lambda from "aws-cdk-lib/aws-lambda";
import * as sfn from "aws-cdk-lib/aws-stepfunctions";
import * as tasks from "aws-cdk-lib/aws-stepfunctions-tasks";
import { describe, expect, it } from "vitest";
import { testExecution } from "@stepcraft/runtime/testing";
import "@stepcraft/runtime/vitest";
import { fromCdkOut, synthesizeCdkOut } from "./index.ts";

function greeter(app: App): void {
  const stack = new Stack(app, "Greeter");
  const greet = new lambda.Function(stack, "GreetFn", {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: "index.handler",
    code: lambda.Code.fromInline("exports.handler = async (e) => ({ text: 'hi ' + e.name });"),
  });
  new sfn.StateMachine(stack, "Greet", { definitionBody: sfn.DefinitionBody.fromChainable(new tasks.LambdaInvoke(stack, "SayHi", { lambdaFunction: greet, payloadResponseOnly: true })) });
}

describe("synthesizeCdkOut", () => {
  it("writes the app's cloud assembly to a directory of its own, with construct paths, and removes it on dispose", async () => {
    const cdkOut = synthesizeCdkOut(greeter);
    expect(existsSync(`${cdkOut.directory}/manifest.json`)).toBe(true);
    const machine = fromCdkOut(cdkOut.directory);
    // The construct path comes from the template's aws:cdk:path metadata, which the CLI turns on.
    expect(machine.construct.path).toBe("Greeter/Greet");
    expect(machine.constructAt("GreetFn").path).toBe("Greeter/GreetFn");
    const run = await testExecution(machine, { name: "Ada" });
    expect(run).toHaveSucceeded();
    expect(run.output).toEqual({ text: "hi Ada" });
    cdkOut.dispose();
    expect(existsSync(cdkOut.directory)).toBe(false);
  });

  it("passes the app's errors through", () => {
    expect(() =>
      synthesizeCdkOut(() => {
        throw new Error("no such context");
      }),
    ).toThrow("no such context");
  });
});
