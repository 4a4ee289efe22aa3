import type { Reporter } from "vitest/node";
import { describe, expectTypeOf, it } from "vitest";
import type { StateMachineOptions } from "../engine/machine.ts";
import { WorkflowCoverageReporter } from "../testing/coverage-reporter.ts";
import type { WorkflowLike } from "../testing/setup.ts";
import type { CoverageRunOptions } from "./coverage-run.ts";
import type { CoverageMetric } from "./coverage-summary.ts";
import type { CoverageThresholds } from "./coverage-thresholds.ts";
import { CoverageRecorder } from "./recorder.ts";

describe("workflow coverage types", () => {
  it("takes a switch or a recorder as the machine's coverage option", () => {
    expectTypeOf<StateMachineOptions["coverage"]>().toEqualTypeOf<boolean | CoverageRecorder | undefined>();
    const ok: StateMachineOptions = { coverage: new CoverageRecorder(), sourceSites: { Charge: "src/flow.ts:3" } };
    // @ts-expect-error - coverage is on, off or a recorder, not a directory
    const wrong: StateMachineOptions = { coverage: "coverage/stepcraft" };
    expectTypeOf(ok).not.toBeAny();
    expectTypeOf(wrong).not.toBeAny();
  });

  it("names the five metrics in thresholds, as percentages", () => {
    expectTypeOf<CoverageMetric>().toEqualTypeOf<"states" | "branches" | "catchers" | "retriers" | "edges">();
    const thresholds: CoverageThresholds = { states: 100, branches: 90 };
    // @ts-expect-error - 'lines' is code coverage, not workflow coverage
    const lines: CoverageThresholds = { lines: 90 };
    // @ts-expect-error - a percentage is a number
    const text: CoverageThresholds = { states: "100%" };
    expectTypeOf(new WorkflowCoverageReporter({ thresholds, print: "summary" })).toHaveProperty("onTestRunEnd");
    // A vitest Reporter by shape, without its declarations naming vitest's type.
    const asVitestReporter: Reporter = new WorkflowCoverageReporter();
    void asVitestReporter;
    expectTypeOf<CoverageRunOptions["print"]>().toEqualTypeOf<"table" | "summary" | undefined>();
    expectTypeOf(lines).not.toBeAny();
    expectTypeOf(text).not.toBeAny();
  });

  it("lets a workflow offer its call sites without the runtime knowing core", () => {
    expectTypeOf<WorkflowLike["stateSites"]>().toEqualTypeOf<(() => Readonly<Record<string, string>>) | undefined>();
  });
});
