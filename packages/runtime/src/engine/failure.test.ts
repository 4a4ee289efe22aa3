import { describe, expect, it } from "vitest";
import { StatesError } from "../errors.ts";
import { errorOutput, failureCause, failureError, PartialStatesError, toStatesError, withStatePrefix } from "./failure.ts";

describe("failures", () => {
  it("prefixes runtime failures once, like AWS", () => {
    const e = withStatePrefix(new StatesError("States.Runtime", "boom"), "S", 2);
    expect(e.cause).toBe("An error occurred while executing the state 'S' (entered at the event id #2). boom");
    expect(withStatePrefix(e, "Outer", 9)).toBe(e);
    const custom = new StatesError("Custom", "x");
    expect(withStatePrefix(custom, "S", 2)).toBe(custom);
    expect(withStatePrefix(new StatesError("States.QueryEvaluationError", "q"), "S", 3).cause).toContain("#3). q");
  });

  it("leaves absent Error/Cause out of the Error Output", () => {
    expect(errorOutput(new StatesError("E", "c"))).toEqual({ Error: "E", Cause: "c" });
    const partial = new PartialStatesError(undefined, "c");
    expect(errorOutput(partial)).toEqual({ Cause: "c" });
    expect(failureError(partial)).toBeUndefined();
    expect(failureCause(new PartialStatesError("E", undefined))).toBeUndefined();
  });

  it("turns stray exceptions into States.Runtime", () => {
    expect(toStatesError(new Error("bug")).error).toBe("States.Runtime");
    expect(toStatesError("text").cause).toBe("text");
  });
});
