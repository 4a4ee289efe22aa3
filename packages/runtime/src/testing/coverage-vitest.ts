// Imported by `@stepcraft/runtime/vitest`: when the WorkflowCoverageReporter runs, each test file
// records workflow coverage and saves it once its tests are done.
import { afterAll } from "vitest";
import { recordCoverageForRun } from "../coverage/coverage-run.ts";

const save = recordCoverageForRun();
if (save !== undefined) afterAll(save);
