import { describe, expect, it } from "vitest";
import * as runtime from "./index.ts";

describe("public API", () => {
  it("exports what a test author needs", () => {
    for (const name of [
      "prepareStateMachine",
      "runExecution",
      "Execution",
      "VirtualClock",
      "RealClock",
      "seededRandom",
      "rawPayload",
      "jsonText",
      "createTaskResolver",
      "resolvedTask",
      "StatesError",
      "isStatesError",
      "InvalidDefinitionError",
      "fastPathCoverage",
    ]) {
      expect(runtime).toHaveProperty(name);
    }
  });

  it("runs a task-binding round trip end to end", async () => {
    const machine = runtime.prepareStateMachine(
      {
        StartAt: "Charge",
        States: {
          Charge: {
            Type: "Task",
            Resource: "arn:aws:lambda:us-east-1:123456789012:function:charge",
            Retry: [{ ErrorEquals: ["Declined"], MaxAttempts: 1 }],
            Catch: [{ ErrorEquals: ["States.ALL"], ResultPath: "$.error", Next: "Failed" }],
            End: true,
          },
          Failed: { Type: "Fail", ErrorPath: "$.error.Error" },
        },
      },
      {
        tasks: {
          charge: (event) => {
            if ((event as { amount: number }).amount > 100) throw Object.assign(new Error("too much"), { name: "Declined" });
            return { charged: true };
          },
        },
      },
    );
    expect(await machine.run({ amount: 5 })).toEqual({ status: "SUCCEEDED", output: { charged: true } });
    expect(await machine.run({ amount: 500 })).toMatchObject({ status: "FAILED", error: "Declined" });
  });
});
