// The rest of the testing API on a synthesized plain-CDK machine: TestState of one of its states,
// and workflow coverage of its runs.
import { App } from "aws-cdk-lib";
import { describe, expect, it } from "vitest";
import { activeCoverageRecorder, startCoverageRecording, stopCoverageRecording } from "@stepcraft/runtime";
import { testExecution, testState } from "@stepcraft/runtime/testing";
import "@stepcraft/runtime/vitest";
import { shopApp } from "./fixtures/shop-app.ts";
import { fromStack } from "./index.ts";

const { stack } = shopApp(new App());
const checkout = fromStack(stack, { stateMachine: "Checkout" });

describe("TestState and coverage on a machine from its synthesized template", () => {
  it("tests one state of it with testState: its Choice picks the target the input calls for", async () => {
    const choice = await testState(checkout, "HasLines?", { input: { orderId: "o-1", lines: [{ sku: "kiwi", quantity: 1 }] } });
    expect(choice).toHaveNextState("PriceLines");
    const empty = await testState(checkout, "HasLines?", { input: { orderId: "o-1", lines: [] } });
    expect(empty.status).toBe("SUCCEEDED");
    expect(empty.nextState).not.toBe("PriceLines");
  });

  it("records coverage of its runs under the machine's name", async () => {
    const wasOn = activeCoverageRecorder() !== undefined;
    const recorder = startCoverageRecording();
    try {
      const run = await testExecution(checkout, { orderId: "o-2", lines: [{ sku: "pear", quantity: 50 }] }, { tasks: { "Shop/Orders": () => ({}) } });
      expect(run).toHaveFailedWith("CardDeclined");
      const machine = recorder.snapshot().machines.find((m) => Object.hasOwn(m.states, "HasLines?"));
      expect(machine?.states["HasLines?"]?.entered).toBe(1);
      expect(machine?.states["Charge"]?.entered).toBeGreaterThanOrEqual(1);
    } finally {
      if (!wasOn) stopCoverageRecording();
    }
  });
});
