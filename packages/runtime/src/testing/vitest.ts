// `import "@stepcraft/runtime/vitest"` registers the stepcraft matchers with vitest's expect and
// types them on `expect(run)`.
import { expect } from "vitest";
// Workflow coverage: records only when a WorkflowCoverageReporter runs (see coverage-vitest.ts).
import "./coverage-vitest.ts";
import { stepcraftMatchers, type ExpectedInspection, type StepcraftMatchers } from "./matchers.ts";

declare module "vitest" {
  // The type parameter must repeat vitest's own declaration (`T = any`) for the interfaces to merge.
  // The matchers return void, as vitest's own do: vitest's Assertion also extends the global
  // jest.Matchers<void>, which @stepcraft/runtime/jest extends with these same matchers, and
  // the two must agree when both entries are in one program.
  interface Matchers<T = any> extends StepcraftMatchers<void> {}
}

expect.extend(stepcraftMatchers);

export { stepcraftMatchers, type ExpectedInspection, type StepcraftMatchers };
