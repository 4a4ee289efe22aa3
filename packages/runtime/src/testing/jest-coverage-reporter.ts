// `reporters: ["default", ["@stepcraft/runtime/jest-coverage-reporter", { thresholds: { states: 100 } }]]`
// in jest's config: jest loads a reporter module by name and takes its default export. This entry
// is separate from @stepcraft/runtime/jest, which needs jest's global expect (a reporter runs
// outside the test files, where there is none).
import { JestWorkflowCoverageReporter } from "./coverage-jest.ts";

export default JestWorkflowCoverageReporter;
