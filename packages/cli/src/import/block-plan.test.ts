import { describe, expect, it } from "vitest";
import { planBlock } from "./block-plan.ts";

describe("planBlock", () => {
  const block = {
    StartAt: "A",
    States: {
      A: { Type: "Task", Resource: "r", Catch: [{ ErrorEquals: ["States.ALL"], Next: "H" }], Next: "B" },
      H: { Type: "Pass", End: true },
      B: { Type: "Choice", Choices: [{ Variable: "$.x", IsPresent: true, Next: "A" }], Default: "Z" },
      Z: { Type: "Succeed" },
      Unreached: { Type: "Succeed" },
    },
  };
  const plan = planBlock(block);

  it("gives a variable to states reached more than once (a loop back to the start)", () => {
    expect([...plan.shared]).toEqual(["A"]);
  });

  it("marks an End inside a Catch target of a state that goes on as captured", () => {
    expect(plan.captured.has("H")).toBe(true);
    expect(plan.captured.has("Z")).toBe(false);
  });

  it("reaches each state first along Next, then Catchers", () => {
    expect(plan.treeEdge.get("B")).toBe("A|next");
    expect(plan.treeEdge.get("H")).toBe("A|catch:0");
    expect(plan.treeEdge.has("Unreached")).toBe(false);
  });
});
