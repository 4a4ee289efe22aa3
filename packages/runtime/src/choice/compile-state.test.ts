import { describe, expect, it } from "vitest";
import { NO_VARIABLES, type EvaluationScope } from "../data/scope.ts";
import { StatesError } from "../errors.ts";
import { compileChoiceState, NO_CHOICE_MATCHED_CAUSE } from "./compile-state.ts";

const scope: EvaluationScope = { context: {}, variables: NO_VARIABLES };

function thrown(f: () => unknown): StatesError {
  try {
    f();
  } catch (e) {
    if (e instanceof StatesError) return e;
    throw e;
  }
  throw new Error("expected a StatesError");
}

// The example of the AWS developer guide's Choice page.
const choiceStateX = {
  Type: "Choice",
  Choices: [
    { Not: { Variable: "$.type", StringEquals: "Private" }, Next: "Public" },
    { Variable: "$.value", NumericEquals: 0, Next: "ValueIsZero" },
    {
      And: [
        { Variable: "$.value", NumericGreaterThanEquals: 20 },
        { Variable: "$.value", NumericLessThan: 30 },
      ],
      Next: "ValueInTwenties",
    },
  ],
  Default: "DefaultState",
};

describe("compileChoiceState", () => {
  const choice = compileChoiceState(choiceStateX, "/States/ChoiceStateX");

  it("takes the first matching rule in array order", () => {
    expect(choice.choose({ type: "Public", value: 0 }, scope)).toEqual({ kind: "rule", index: 0, next: "Public" });
    expect(choice.choose({ type: "Private", value: 0 }, scope)).toEqual({ kind: "rule", index: 1, next: "ValueIsZero" });
    expect(choice.choose({ type: "Private", value: 22 }, scope)).toEqual({ kind: "rule", index: 2, next: "ValueInTwenties" });
  });

  it("falls back to Default", () => {
    expect(choice.choose({ type: "Private", value: 42 }, scope)).toEqual({ kind: "default", next: "DefaultState" });
  });

  it("returns the same preallocated branch objects on every call", () => {
    const a = choice.choose({ type: "Private", value: 22 }, scope);
    const b = choice.choose({ type: "Private", value: 25 }, scope);
    expect(a).toBe(b);
    expect(choice.choose({ type: "Private", value: 1 }, scope)).toBe(choice.choose({ type: "Private", value: 2 }, scope));
  });

  it("stops at the first match, so later rules' missing paths do not fail", () => {
    const state = {
      Choices: [
        { Variable: "$.a", IsPresent: false, Next: "NoA" },
        { Variable: "$.a", NumericEquals: 1, Next: "One" },
      ],
    };
    expect(compileChoiceState(state, "/S").choose({}, scope)).toEqual({ kind: "rule", index: 0, next: "NoA" });
  });

  it("raises States.NoChoiceMatched when nothing matches and there is no Default", () => {
    const state = { Type: "Choice", Choices: [{ Variable: "$.mode", StringEquals: "fast", Next: "Fast" }] };
    const e = thrown(() => compileChoiceState(state, "/States/Decide").choose({ mode: "slow" }, scope));
    expect(e.error).toBe("States.NoChoiceMatched");
    expect(e.cause).toBe(NO_CHOICE_MATCHED_CAUSE);
  });

  it("lets a rule's States.Runtime failure through instead of taking Default", () => {
    const e = thrown(() => choice.choose({ type: "Private" }, scope));
    expect(e.error).toBe("States.Runtime");
    expect(e.cause).toBe("Invalid path '$.value': The choice state's condition path references an invalid value.");
  });

  it.each([
    ["a non-object state", "Choice", "/States/C", "a state must be a JSON object"],
    ["missing Choices", { Type: "Choice" }, "/States/C", "'Choices' must be a non-empty array"],
    ["empty Choices", { Choices: [] }, "/States/C", "'Choices' must be a non-empty array"],
    ["a non-string Default", { Choices: [{ Variable: "$", IsNull: true, Next: "A" }], Default: 1 }, "/States/C", "'Default' must be a state name"],
    ["a top-level rule without Next", { Choices: [{ Variable: "$", IsNull: true }] }, "/States/C/Choices/0", "a top-level Choice rule needs 'Next'"],
  ])("rejects %s", (_why, state, where, problem) => {
    const e = thrown(() => compileChoiceState(state, "/States/C"));
    expect(e.error).toBe("States.Runtime");
    expect(e.cause).toBe(`Invalid Choice state at ${where}: ${problem}`);
  });

  it("reports a malformed rule with its location", () => {
    const e = thrown(() => compileChoiceState({ Choices: [{ Variable: "$", IsNull: true, Next: "A" }, { Variable: "$", Next: "B" }] }, "/States/C"));
    expect(e.cause).toBe("Invalid Choice rule at /States/C/Choices/1: a data-test rule needs exactly one operator, found none");
  });
});
