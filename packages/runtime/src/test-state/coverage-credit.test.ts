import { afterEach, describe, expect, it } from "vitest";
import { activeCoverageRecorder, startCoverageRecording, stopCoverageRecording } from "../coverage/recorder.ts";
import { testExecution, testState } from "../testing/index.ts";

const machine = {
  StartAt: "Size?",
  States: {
    "Size?": { Type: "Choice", Choices: [{ Variable: "$.n", NumericGreaterThan: 10, Next: "Charge" }], Default: "Small" },
    Charge: {
      Type: "Task",
      Resource: "arn:aws:states:::lambda:invoke",
      Parameters: { FunctionName: "charge" },
      Retry: [{ ErrorEquals: ["Lambda.TooManyRequestsException"], MaxAttempts: 2 }],
      Next: "Small",
    },
    Small: { Type: "Succeed" },
  },
};
const definition = JSON.stringify(machine);

// Under the workflow coverage reporter recording is already on for the whole file: leave it on.
const wasOn = activeCoverageRecorder() !== undefined;
afterEach(() => {
  if (!wasOn) stopCoverageRecording();
});

describe("testState and workflow coverage", () => {
  it("credits the tested state to the machine it was taken from, adding up with executions of it", async () => {
    const recorder = activeCoverageRecorder() ?? startCoverageRecording();
    recorder.snapshot({ reset: true });
    await testExecution(machine, { n: 50 }, { name: "Sizer", mocks: { Charge: { result: { Payload: {} } } } });
    await testState({ definition, stateName: "Size?", input: '{"n":1}' }, { name: "Sizer" });
    const machines = recorder.snapshot().machines.filter((m) => m.name === "Sizer");
    expect(machines).toHaveLength(1);
    const choice = machines[0]?.states["Size?"];
    expect(choice).toMatchObject({ entered: 2, rules: [1], default: 1 });
    // The placeholder standing for the Default target is not a visit of Small.
    expect(machines[0]?.states["Small"]?.entered).toBe(1);
  });

  it("counts a RETRIABLE outcome as its Retrier retrying", async () => {
    const recorder = activeCoverageRecorder() ?? startCoverageRecording();
    recorder.snapshot({ reset: true });
    const out = await testState(
      { definition, stateName: "Charge", input: "{}", mock: { errorOutput: { error: "Lambda.TooManyRequestsException", cause: "slow" } } },
      { name: "Retrier" },
    );
    expect(out.status).toBe("RETRIABLE");
    const charge = recorder.snapshot().machines.find((m) => m.name === "Retrier")?.states["Charge"];
    expect(charge).toMatchObject({ entered: 1, retriers: [1] });
  });

  it("records nothing for a lone state (it belongs to no machine) or when coverage is off", async () => {
    const recorder = activeCoverageRecorder() ?? startCoverageRecording();
    recorder.snapshot({ reset: true });
    await testState({ definition: JSON.stringify({ Type: "Pass", End: true }), input: "{}" }, { name: "Lone" });
    expect(recorder.snapshot().machines.find((m) => m.name === "Lone")).toBeUndefined();
  });
});
