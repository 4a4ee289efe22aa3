import { describe, expect, test } from "vitest";
import "@stepcraft/runtime/vitest";
import { formatTrace as fromMain, loadMockConfig as loadFromMain } from "@stepcraft/runtime";
import { formatTrace, loadMockConfig, startTestExecution, testExecution } from "@stepcraft/runtime/testing";

describe("package entry points", () => {
  test("@stepcraft/runtime/testing and /vitest work together as a user imports them", async () => {
    const run = await testExecution(
      { StartAt: "Charge", States: { Charge: { Type: "Task", Resource: "arn:aws:lambda:us-east-1:123456789012:function:charge", End: true } } },
      { amount: 1 },
      { mocks: { Charge: { result: { ok: true } } } },
    );
    expect(run).toHaveSucceeded();
    expect(run).toHaveStateOutput("Charge", { ok: true });
    expect(typeof startTestExecution).toBe("function");
  });

  test("the main entry shares the mocks and the trace (same functions, no vitest needed)", () => {
    expect(fromMain).toBe(formatTrace);
    expect(loadFromMain).toBe(loadMockConfig);
  });
});
