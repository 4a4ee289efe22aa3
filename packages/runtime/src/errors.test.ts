import { describe, expect, it } from "vitest";
import { StatesError, isStatesError } from "./errors.ts";

describe("StatesError", () => {
  it("carries the AWS error name and cause", () => {
    const e = new StatesError("States.Runtime", "boom");
    expect(e.error).toBe("States.Runtime");
    expect(e.cause).toBe("boom");
    expect(e.message).toBe("States.Runtime: boom");
    expect(isStatesError(e)).toBe(true);
    expect(isStatesError(new Error("x"))).toBe(false);
  });
});
