// Machines in nested stacks (cdk NestedStack: an AWS::CloudFormation::Stack whose template is an
// asset of the cloud assembly): found by construct path or id, the parameters their parent passes
// resolved (the parent's bucket, a sibling's output), and a machine of another nested stack started
// by states:startExecution runs locally.
import { afterAll, describe, expect, it } from "vitest";
import { testExecution } from "@stepcraft/runtime/testing";
import "@stepcraft/runtime/vitest";
import { nestedApp } from "./fixtures/nested-app.ts";
import { CdkTestingError, fromCdkOut, fromStack, fromTemplate, synthesizeCdkOut } from "./index.ts";

const stack = nestedApp();
const main = fromStack(stack, { stateMachine: "Parent/Orchestration/Main" });
const archive = main.constructAt("Parent/Archive");
const cdkOut = synthesizeCdkOut((app) => nestedApp(app));
afterAll(() => cdkOut.dispose());

describe("state machines in nested stacks", () => {
  it("runs a nested machine that reads the parent's bucket and starts a machine of a sibling nested stack", async () => {
    const run = await testExecution(main, { id: "job-1" });
    expect(run).toHaveSucceeded();
    expect(run).toHaveStateOutput("Where", { bucket: archive.ref, id: "job-1" });
    // Work ran as a child execution, its inline function with the parent's bucket in its environment.
    expect(run.output).toEqual({ bucket: archive.ref, id: "job-1", worker: { output: { done: "job-1", archive: archive.ref, stamp: { stamped: "job-1" } } } });
  });

  it("names nested resources by construct path, with placeholders under the nested stack's own name", async () => {
    const work = main.constructAt("Parent/Workers/Work");
    const workFn = main.constructAt("Parent/Workers/WorkFn");
    expect(work.type).toBe("AWS::StepFunctions::StateMachine");
    expect(workFn.arn).toMatch(/^arn:aws:lambda:us-east-1:123456789012:function:Parent-WorkersNestedStack.*-WorkFn/);
    expect(main.constructOf(work.arn!)).toBe(work);
    // The nested function binds by its path like any other.
    const run = await testExecution(main, { id: "job-2" }, { tasks: { "Parent/Workers/WorkFn": () => ({ done: "bound" }) } });
    expect(run.output).toMatchObject({ worker: { output: { done: "bound", stamp: { stamped: "bound" } } } });
  });

  it("finds a nested machine by its construct id, and runs it on its own", async () => {
    const work = fromStack(stack, { stateMachine: "Work" });
    expect(work.construct.path).toBe("Parent/Workers/Work");
    const run = await testExecution(work, { id: "job-3" });
    expect(run.output).toEqual({ done: "job-3", archive: archive.ref, stamp: { stamped: "job-3" } });
    // Its Stamp function lives one stack deeper (Parent/Workers/Tools), reached through Tools' output.
    expect(work.constructAt("Parent/Workers/Tools/StampFn").type).toBe("AWS::Lambda::Function");
  });

  it("reads nested templates from a cloud assembly directory too", async () => {
    const fromDir = fromCdkOut(cdkOut.directory, { stateMachine: "Parent/Orchestration/Main" });
    const run = await testExecution(fromDir, { id: "job-4" });
    expect(run).toHaveSucceeded();
    const bucket = fromDir.constructAt("Parent/Archive").ref;
    expect(run.output).toEqual({ bucket, id: "job-4", worker: { output: { done: "job-4", archive: bucket, stamp: { stamped: "job-4" } } } });
  });

  it("says why a bare template's nested machines cannot be found", () => {
    const parentTemplate = fromStack(stack, { stateMachine: "Main" });
    expect(parentTemplate.name).toMatch(/^Parent-OrchestrationNestedStack/);
    expect(() => fromTemplate({ Resources: { Child: { Type: "AWS::CloudFormation::Stack", Properties: { TemplateURL: "https://s3.amazonaws.com/b/abc.json" } } } }, { stateMachine: "Main" })).toThrow(
      new CdkTestingError(
        "stateMachine 'Main' names no state machine of the stack. Its state machines: none. The templates of its nested stacks Child are not at hand (a bare template does not carry them): use fromStack(stack) or fromCdkOut(dir).",
      ),
    );
  });
});
