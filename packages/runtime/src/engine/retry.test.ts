import { describe, expect, it } from "vitest";
import { StatesError } from "../errors.ts";
import { compileRetriers, errorMatches, nextRetryDelay } from "./retry.ts";

const err = (name: string) => new StatesError(name, "");

describe("errorMatches", () => {
  it("matches names exactly, States.ALL everything, States.TaskFailed all but States.Timeout", () => {
    expect(errorMatches(["A"], "A")).toBe(true);
    expect(errorMatches(["a"], "A")).toBe(false);
    expect(errorMatches(["States.ALL"], "Custom")).toBe(true);
    expect(errorMatches(["States.TaskFailed"], "Lambda.Unknown")).toBe(true);
    expect(errorMatches(["States.TaskFailed"], "States.Timeout")).toBe(false);
  });

  it("never matches States.Runtime, even when listed", () => {
    expect(errorMatches(["States.Runtime"], "States.Runtime")).toBe(false);
    expect(errorMatches(["States.ALL"], "States.Runtime")).toBe(false);
  });
});

describe("nextRetryDelay", () => {
  it("applies AWS defaults: 1 s, x2, 3 attempts", () => {
    const retriers = compileRetriers([{ ErrorEquals: ["E"] }]);
    const attempts: number[] = [];
    const delays = [1, 2, 3, 4].map(() => nextRetryDelay(retriers, attempts, err("E"), () => 0.5));
    expect(delays).toEqual([1000, 2000, 4000, undefined]);
  });

  it("caps at MaxDelaySeconds, honours MaxAttempts 0 and FULL jitter", () => {
    const capped = compileRetriers([{ ErrorEquals: ["E"], IntervalSeconds: 10, BackoffRate: 3, MaxDelaySeconds: 20, MaxAttempts: 5 }]);
    const attempts: number[] = [];
    expect([1, 2, 3].map(() => nextRetryDelay(capped, attempts, err("E"), Math.random))).toEqual([10_000, 20_000, 20_000]);
    expect(nextRetryDelay(compileRetriers([{ ErrorEquals: ["E"], MaxAttempts: 0 }]), [], err("E"), Math.random)).toBeUndefined();
    const jitter = compileRetriers([{ ErrorEquals: ["E"], IntervalSeconds: 4, JitterStrategy: "FULL" }]);
    expect(nextRetryDelay(jitter, [], err("E"), () => 0.25)).toBe(1000);
  });

  it("uses the first matching retrier only, and an exhausted one does not fall through", () => {
    const retriers = compileRetriers([
      { ErrorEquals: ["E"], MaxAttempts: 1 },
      { ErrorEquals: ["States.ALL"], MaxAttempts: 5 },
    ]);
    const attempts: number[] = [];
    expect(nextRetryDelay(retriers, attempts, err("E"), Math.random)).toBe(1000);
    expect(nextRetryDelay(retriers, attempts, err("E"), Math.random)).toBeUndefined();
    expect(nextRetryDelay(retriers, attempts, err("Other"), Math.random)).toBe(1000);
    expect(compileRetriers(undefined)).toEqual([]);
  });
});

describe("heartbeat timeouts", () => {
  it("are reported as States.Timeout and still matched by States.HeartbeatTimeout, States.ALL, not States.TaskFailed", () => {
    expect(errorMatches(["States.Timeout"], "States.Timeout", true)).toBe(true);
    expect(errorMatches(["States.HeartbeatTimeout"], "States.Timeout", true)).toBe(true);
    expect(errorMatches(["States.ALL"], "States.Timeout", true)).toBe(true);
    expect(errorMatches(["States.TaskFailed"], "States.Timeout", true)).toBe(false);
  });

  it("a plain TimeoutSeconds expiry is not a heartbeat timeout", () => {
    expect(errorMatches(["States.HeartbeatTimeout"], "States.Timeout")).toBe(false);
    expect(errorMatches(["States.Timeout"], "States.Timeout")).toBe(true);
  });
});
