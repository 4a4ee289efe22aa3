import { resolve } from "node:path";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildReport, runCases } from "../src/conformance/index.ts";
import type { ConformanceCase } from "../src/conformance/index.ts";
import { handlerFromSource } from "../scripts/lambda-source.ts";

/** The recorded AWS cases (override with STEPCRAFT_CONFORMANCE_CASES where they live elsewhere). */
const CASES = process.env["STEPCRAFT_CONFORMANCE_CASES"] ?? resolve(import.meta.dirname, "../../../testdata/conformance/cases.json");
const { minimumPassed: minimum, minimumHistory } = JSON.parse(readFileSync(new URL("./conformance-minimum.json", import.meta.url), "utf8")) as {
  minimumPassed: number;
  minimumHistory: number;
};

describe("conformance gate", () => {
  it(`passes at least ${minimum} recorded AWS cases and ${minimumHistory} of their event sequences`, async () => {
    const cases = JSON.parse(readFileSync(CASES, "utf8")) as ConformanceCase[];
    const report = buildReport(await runCases(cases, handlerFromSource));
    expect(report.total).toBe(cases.length);
    expect(report.passed).toBeGreaterThanOrEqual(minimum);
    expect(report.history.pass).toBeGreaterThanOrEqual(minimumHistory);
  }, 120_000);
});
