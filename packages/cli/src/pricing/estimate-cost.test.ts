import { describe, expect, it } from "vitest";
import { estimateCost, formatUsd, type BillableEvent } from "./estimate-cost.ts";
import { PRICE_TABLE } from "./price-table.ts";

const at = (ms: number): Date => new Date(Date.UTC(2026, 0, 1) + ms);
function events(list: readonly (readonly [string, number, number])[]): BillableEvent[] {
  return list.map(([type, previousEventId, ms], i) => ({ type, id: i + 1, previousEventId, timestamp: at(ms) }));
}

describe("estimateCost", () => {
  it("bills a state transition per state entered and per retry (Standard)", () => {
    const history = events([
      ["ExecutionStarted", 0, 0],
      ["TaskStateEntered", 1, 0],
      ["LambdaFunctionScheduled", 2, 0],
      ["LambdaFunctionFailed", 3, 0],
      ["LambdaFunctionScheduled", 4, 2000],
      ["LambdaFunctionSucceeded", 5, 2000],
      ["TaskStateExited", 6, 2000],
      ["SucceedStateEntered", 7, 2000],
      ["SucceedStateExited", 8, 2000],
      ["ExecutionSucceeded", 9, 2050],
    ]);
    const cost = estimateCost(history);
    expect(cost.standard).toEqual({ stateTransitions: 3, retries: 1, usd: 3 * PRICE_TABLE.standard.perStateTransition });
  });

  it("bills Express per request plus duration rounded up to 100 ms at 64 MB", () => {
    const history = events([
      ["ExecutionStarted", 0, 0],
      ["PassStateEntered", 1, 0],
      ["PassStateExited", 2, 0],
      ["ExecutionSucceeded", 3, 2050],
    ]);
    const { express } = estimateCost(history);
    expect(express.billedDurationMs).toBe(2100);
    expect(express.memoryMb).toBe(64);
    expect(express.usd).toBeCloseTo(PRICE_TABLE.express.perRequest + 2.1 * (64 / 1024) * PRICE_TABLE.express.perGbSecond, 12);
  });

  it("bills an instant execution as one 100 ms increment", () => {
    expect(estimateCost(events([["ExecutionStarted", 0, 0], ["ExecutionSucceeded", 1, 0]])).express.billedDurationMs).toBe(100);
  });

  it("formats fractions of a cent with enough digits", () => {
    expect(formatUsd(0.000075)).toBe("$0.0000750");
    expect(formatUsd(0)).toBe("$0.00");
    expect(formatUsd(1.5)).toBe("$1.50");
  });
});
