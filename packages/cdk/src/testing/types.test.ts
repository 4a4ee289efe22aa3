// Type guarantees of @stepcraft/cdk/testing: its machines are test sources, and misuse is a type error.
import type { Stack } from "aws-cdk-lib";
import { describe, expectTypeOf, it } from "vitest";
import type { TaskHandler } from "@stepcraft/runtime";
import { testExecution } from "@stepcraft/runtime/testing";
import type { DefinitionSource, TestExecutionResult, WorkflowLike } from "@stepcraft/runtime/testing";
import { fromCdkOut, fromStack, fromTemplate, synthesizeCdkOut } from "./index.ts";
import type { CdkStateMachine, ConstructInfo, SynthesizedCdkOut } from "./index.ts";

describe("@stepcraft/cdk/testing types", () => {
  it("gives a source testExecution accepts like a workflow, with an unknown output", () => {
    expectTypeOf<CdkStateMachine>().toExtend<WorkflowLike>();
    expectTypeOf<CdkStateMachine>().toExtend<DefinitionSource>();
    expectTypeOf<ReturnType<typeof testExecution<CdkStateMachine>>>().toEqualTypeOf<Promise<TestExecutionResult<unknown>>>();
    expectTypeOf(fromStack).parameter(0).toEqualTypeOf<Stack>();
    expectTypeOf(fromCdkOut).returns.toEqualTypeOf<CdkStateMachine>();
    expectTypeOf<CdkStateMachine["bindTasks"]>().parameter(0).toEqualTypeOf<Readonly<Record<string, TaskHandler>>>();
    expectTypeOf<ConstructInfo["arn"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<CdkStateMachine["stateMachineType"]>().toEqualTypeOf<"STANDARD" | "EXPRESS">();
    expectTypeOf(synthesizeCdkOut).returns.toEqualTypeOf<SynthesizedCdkOut>();
    expectTypeOf<SynthesizedCdkOut["directory"]>().toEqualTypeOf<string>();
  });

  it("refuses misuse at compile time", () => {
    const typeErrors = (machine: CdkStateMachine): void => {
      // @ts-expect-error - fromStack takes a Stack, not its template
      fromStack({ Resources: {} });
      // @ts-expect-error - a machine is named by a string (construct path, id or logical ID)
      fromTemplate({ Resources: {} }, { stateMachine: 1 });
      // @ts-expect-error - runHandlers is a boolean
      fromCdkOut("cdk.out", { runHandlers: "yes" });
      // @ts-expect-error - a binding is a handler function
      machine.bindTasks({ "Shop/Orders": { result: 1 } });
      // @ts-expect-error - the construct map is read-only
      machine.constructs.set("x", machine.construct);
      // @ts-expect-error - synthesizeCdkOut builds the app itself: it takes a function of the App, not a stack
      synthesizeCdkOut(machine);
    };
    expectTypeOf(typeErrors).toBeFunction();
  });
});
