import { describe, expect, it } from "vitest";
import { buildReport, formatReport } from "./report.ts";

describe("report", () => {
  it("counts by category and ends with the conformance line", () => {
    const report = buildReport([
      { case: { id: "1", category: "a", definition: {}, expected: { status: "SUCCEEDED", output: 1 } }, actual: { status: "SUCCEEDED", output: 1 } },
      { case: { id: "2", category: "a", definition: {}, expected: { status: "SUCCEEDED", output: 1 } }, actual: { status: "FAILED" } },
    ]);
    expect(report).toMatchObject({ passed: 1, total: 2, categories: { a: { pass: 1, total: 2 } } });
    expect(report.failures[0]).toMatchObject({ id: "2", expected: { status: "SUCCEEDED" }, actual: { status: "FAILED" } });
    expect(formatReport(report).split("\n").at(-1)).toBe("conformance: 1/2 passed");
  });
});
