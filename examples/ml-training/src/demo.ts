// What `npm run example` runs for this example: a model trained (40 virtual minutes) and deployed
// through the nested machine, on the local runtime.
import { testExecution } from "@stepcraft/runtime/testing";
import { localSetup } from "./local-run.ts";
import { deployModel } from "./deploy-model.ts";
import type { TrainingRequest } from "./workflow.ts";
import { mlTraining } from "./workflow.ts";

export const workflows = [
  { workflow: mlTraining, type: "STANDARD" },
  { workflow: deployModel, type: "STANDARD" },
] as const;

export const sampleRequest: TrainingRequest = { datasetUri: "s3://ml-data/raw/churn/2026-03.csv", modelName: "churn", minAuc: 0.85, maxDepth: 5 };

export async function runDemo() {
  const local = await localSetup();
  return testExecution(local.parent, sampleRequest, { resolveTask: local.registry.resolver(), startTime: new Date("2026-04-01T02:00:00Z") });
}
