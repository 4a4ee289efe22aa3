import { describe, expect, it } from "vitest";
import { runExecution } from "../engine/machine.ts";

const machine = (choice: Record<string, unknown>) => ({
  StartAt: "C",
  States: {
    C: { Type: "Choice", ...choice },
    Yes: { Type: "Pass", Result: "yes", End: true },
    No: { Type: "Pass", Result: "no", End: true },
  },
});

describe("Choice", () => {
  it("takes the first matching rule, else Default", async () => {
    const def = machine({ Choices: [{ Variable: "$.n", NumericGreaterThan: 1, Next: "Yes" }], Default: "No" });
    expect((await runExecution(def, { n: 2 })).output).toBe("yes");
    expect((await runExecution(def, { n: 0 })).output).toBe("no");
  });

  it("fails with States.NoChoiceMatched without a Default", async () => {
    const rules = [
      { Variable: "$.n", NumericEquals: 1, Next: "Yes" },
      { Variable: "$.n", NumericEquals: 3, Next: "No" },
    ];
    const r = await runExecution(machine({ Choices: rules }), { n: 2 });
    expect(r.error).toBe("States.NoChoiceMatched");
  });

  it("runs the chosen rule's Assign, or the top-level Assign on the Default path", async () => {
    const def = {
      StartAt: "C",
      States: {
        C: {
          Type: "Choice",
          Choices: [{ Variable: "$.n", NumericEquals: 1, Next: "Out", Assign: { picked: "rule" } }],
          Default: "Out",
          Assign: { picked: "default" },
        },
        Out: { Type: "Pass", Parameters: { "picked.$": "$picked" }, End: true },
      },
    };
    expect((await runExecution(def, { n: 1 })).output).toEqual({ picked: "rule" });
    expect((await runExecution(def, { n: 2 })).output).toEqual({ picked: "default" });
  });

  it("evaluates JSONata Conditions and a rule's Output", async () => {
    const def = {
      QueryLanguage: "JSONata",
      StartAt: "C",
      States: {
        C: { Type: "Choice", Choices: [{ Condition: "{% $states.input.n > 1 %}", Next: "Done", Output: { big: true } }], Default: "Done" },
        Done: { Type: "Succeed" },
      },
    };
    expect((await runExecution(def, { n: 5 })).output).toEqual({ big: true });
    expect((await runExecution(def, { n: 0 })).output).toEqual({ n: 0 });
  });

  it("fails with States.QueryEvaluationError when a JSONata Condition is not boolean", async () => {
    const def = {
      QueryLanguage: "JSONata",
      StartAt: "C",
      States: { C: { Type: "Choice", Choices: [{ Condition: "{% 'text' %}", Next: "Done" }], Default: "Done" }, Done: { Type: "Succeed" } },
    };
    const r = await runExecution(def, {});
    expect(r.error).toBe("States.QueryEvaluationError");
    expect(r.cause).toMatch(/^An error occurred while executing the state 'C' \(entered at the event id #2\)\. /);
  });

  it("tries JSONata Conditions in order whether JSONata or the fast path evaluates them", async () => {
    // A predicate (`[$ > 2]`) is outside the fast subset: JSONata evaluates it asynchronously.
    const slow = "{% $count($states.input.xs[$ > 2]) > 0 %}";
    const fast = "{% $states.input.n = 1 %}";
    const def = (first: string, second: string) => ({
      QueryLanguage: "JSONata",
      StartAt: "C",
      States: {
        C: {
          Type: "Choice",
          Choices: [
            { Condition: first, Next: "Done", Output: "first" },
            { Condition: second, Next: "Done", Output: "second" },
          ],
          Default: "Done",
          Output: "default",
        },
        Done: { Type: "Succeed" },
      },
    });
    expect((await runExecution(def(slow, fast), { xs: [1], n: 1 })).output).toBe("second");
    expect((await runExecution(def(slow, fast), { xs: [3], n: 1 })).output).toBe("first");
    expect((await runExecution(def(fast, slow), { xs: [3], n: 2 })).output).toBe("second");
    expect((await runExecution(def(fast, slow), { xs: [1], n: 2 })).output).toBe("default");
    expect((await runExecution(def(fast, slow), { xs: [1], n: 1 })).output).toBe("first");
  });

  it("reports a failing fast Condition like JSONata does (comparing a string with a number)", async () => {
    const def = {
      QueryLanguage: "JSONata",
      StartAt: "C",
      States: { C: { Type: "Choice", Choices: [{ Condition: "{% $states.input.n > 1 %}", Next: "Done" }], Default: "Done" }, Done: { Type: "Succeed" } },
    };
    const r = await runExecution(def, { n: "x" });
    expect(r.error).toBe("States.QueryEvaluationError");
    expect(r.cause).toContain("T2009");
  });
});
