import { describe, expect, it } from "vitest";
import "./vitest.ts";
import type { TestStateOutput } from "../test-state/types.ts";

const caught: TestStateOutput = {
  status: "CAUGHT_ERROR",
  error: "Declined",
  cause: "card",
  nextState: "Refund",
  output: '{"declined":true}',
  inspectionData: { input: '{"amount":5}', afterResultPath: '{"amount":5,"r":[1,2]}', errorDetails: { catchIndex: 0 }, maxConcurrency: 0 },
};

describe("toHaveNextState", () => {
  it("passes on the named next state and explains a different one with the outcome", () => {
    expect(caught).toHaveNextState("Refund");
    expect(caught).not.toHaveNextState("Ship");
    expect(() => expect(caught).toHaveNextState("Ship")).toThrow("expected the tested state to go to 'Ship', but it goes to 'Refund' (status CAUGHT_ERROR (Declined: card))");
    expect(() => expect({ status: "FAILED", error: "E" }).toHaveNextState("Ship")).toThrow("it names no next state (status FAILED (E))");
  });

  it("refuses what is not a testState() response", () => {
    expect(() => expect(Promise.resolve(caught)).toHaveNextState("Refund")).toThrow(/Did you forget to await testState/);
    expect(() => expect(null).toHaveNextState("Refund")).toThrow(/got null/);
  });
});

describe("toHaveInspection", () => {
  it("compares JSON members as values, others as given, asymmetric matchers included", () => {
    expect(caught).toHaveInspection({ input: { amount: 5 }, errorDetails: { catchIndex: 0 }, maxConcurrency: 0 });
    expect(caught).toHaveInspection({ afterResultPath: expect.objectContaining({ r: [1, 2] }) });
    expect(caught).not.toHaveInspection({ input: { amount: 6 } });
  });

  it("names the members that differ", () => {
    expect(() => expect(caught).toHaveInspection({ input: { amount: 6 }, maxConcurrency: 0 })).toThrow(/'input' differ/);
  });

  it("says how to get inspection data when the response has none, and refuses a non-object expectation", () => {
    expect(() => expect({ status: "SUCCEEDED" }).toHaveInspection({ input: {} })).toThrow(/inspectionLevel: "DEBUG"/);
    expect(() => expect(caught).toHaveInspection("input" as never)).toThrow(/takes an object of inspection members/);
  });
});
