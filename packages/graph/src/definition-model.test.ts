import { describe, expect, it } from "vitest";
import { allStates, buildGraphModel, describeJsonType, GraphInputError } from "./definition-model.ts";

describe("buildGraphModel", () => {
  it("reads states in definition order with their edges, labels and terminal flags", () => {
    const { root, warnings } = buildGraphModel({
      StartAt: "Pick",
      States: {
        Pick: { Type: "Choice", Choices: [{ Variable: "$.n", NumericEquals: 1, Next: "One" }], Default: "Other" },
        One: { Type: "Task", Resource: "x", Catch: [{ ErrorEquals: ["States.ALL"], Next: "Other" }], End: true },
        Other: { Type: "Fail" },
      },
    });
    expect(warnings).toEqual([]);
    expect(root.startAt).toBe("Pick");
    expect(root.states.map((s) => [s.name, s.type, s.terminal])).toEqual([
      ["Pick", "Choice", false],
      ["One", "Task", true],
      ["Other", "Fail", true],
    ]);
    expect(root.edges).toEqual([
      { from: "Pick", to: "One", kind: "choice", label: "$.n == 1" },
      { from: "Pick", to: "Other", kind: "default", label: "Default" },
      { from: "One", to: "Other", kind: "catch", label: "States.ALL" },
    ]);
  });

  it("nests Parallel branches and Map processors (ItemProcessor or legacy Iterator)", () => {
    const { root } = buildGraphModel({
      StartAt: "P",
      States: {
        P: { Type: "Parallel", Branches: [{ StartAt: "A", States: { A: { Type: "Pass", End: true } } }], Next: "M" },
        M: { Type: "Map", Iterator: { StartAt: "B", States: { B: { Type: "Pass", End: true } } }, End: true },
      },
    });
    expect(root.states[0]?.children.map((c) => c.title)).toEqual(["Branch 1"]);
    expect(root.states[1]?.children.map((c) => c.title)).toEqual(["Item processor"]);
    expect(allStates(root).map((s) => s.name)).toEqual(["P", "A", "M", "B"]);
  });

  it("warns about, and drops, transitions to states that do not exist in the same block", () => {
    const { root, warnings } = buildGraphModel({
      StartAt: "Missing",
      States: {
        A: { Type: "Pass", Next: "Nowhere" },
        P: { Type: "Parallel", Branches: [{ StartAt: "In", States: { In: { Type: "Pass", Next: "A" } } }], End: true },
      },
    });
    expect(root.edges).toEqual([]);
    expect(warnings).toEqual([
      "the top level: StartAt 'Missing' is not a state here",
      "state 'A': next target 'Nowhere' is not a state in the same States block",
      "state 'In': next target 'A' is not a state in the same States block",
    ]);
  });

  it("keeps states it cannot understand and says why", () => {
    const { root, warnings } = buildGraphModel({
      States: { Odd: 42, NoType: { Next: "Odd" }, M: { Type: "Map", End: true }, P: { Type: "Parallel", Branches: [7], End: true } },
    });
    expect(root.states.map((s) => s.type)).toEqual(["Unknown", "Unknown", "Map", "Parallel"]);
    expect(warnings).toEqual([
      "the top level: StartAt is missing",
      "state 'Odd' is not an object",
      "state 'M': Map has no ItemProcessor",
      "state 'P': Branch 1 is not an object",
    ]);
  });

  it("ignores malformed Choices and Catch entries", () => {
    const { root } = buildGraphModel({
      StartAt: "C",
      States: { C: { Type: "Choice", Choices: [5, { Variable: "$.a" }], Catch: [null, { ErrorEquals: "x", Next: "C" }] } },
    });
    expect(root.edges).toEqual([{ from: "C", to: "C", kind: "catch", label: "catch" }]);
  });

  it("throws GraphInputError when there is nothing to draw", () => {
    expect(() => buildGraphModel("text")).toThrow(GraphInputError);
    expect(() => buildGraphModel([])).toThrow(/not an array/);
    expect(() => buildGraphModel({ StartAt: "A", States: [] })).toThrow(/no "States" object/);
  });
});

describe("describeJsonType", () => {
  it("names each JSON type with an article", () => {
    expect([null, [], {}, "s", 1, true].map(describeJsonType)).toEqual(["null", "an array", "an object", "a string", "a number", "a boolean"]);
  });
});
