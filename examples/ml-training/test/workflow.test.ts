// MlTraining on the local runtime with its nested DeployModel machine (registered in a
// StateMachineRegistry, run by `states:startExecution.sync:2`), the real Lambda handlers, and a
// local SageMaker whose training jobs take virtual minutes or hours. The run cases are in
// training-cases.ts; the registry's view of the child execution is checked here.
import { describe, expect, it } from "vitest";
import { StatesError } from "@stepcraft/runtime";
import { readHistory, testExecution } from "@stepcraft/runtime/testing";
import "@stepcraft/runtime/vitest";
import { deployModel } from "../src/deploy-model.ts";
import { LocalSageMaker } from "../src/local-sagemaker.ts";
import { LOCAL_DEPLOY_MODEL_ARN, LOCAL_SUBSTITUTIONS, localSetup } from "../src/local-run.ts";
import type { LocalSetup } from "../src/local-run.ts";
import { mlTraining } from "../src/workflow.ts";
import type { TrainingRequest } from "../src/workflow.ts";
import { describeTrainingRuns, request, START } from "./training-cases.ts";

async function run(input: TrainingRequest, setup?: LocalSetup) {
  const local = setup ?? (await localSetup());
  const result = await testExecution(local.parent, input, { resolveTask: local.registry.resolver(), startTime: START });
  return { result, ...local };
}

describe("MlTraining compiles", () => {
  it("to valid ASL, the parent in JSONata and the nested machine in JSONPath", () => {
    expect(mlTraining.compile().diagnostics).toEqual([]);
    expect(deployModel.compile().diagnostics).toEqual([]);
    expect(mlTraining.toAsl().QueryLanguage).toBe("JSONata");
    expect(deployModel.toAsl().QueryLanguage).toBe("JSONPath");
  });
});

describeTrainingRuns({
  artifactBucket: LOCAL_SUBSTITUTIONS["ArtifactBucket"]!,
  run: async (input, sagemaker = new LocalSageMaker(), overrides = {}) => run(input, await localSetup(sagemaker, overrides)),
});

describe("MlTraining: the nested execution in the registry", () => {
  it("runs DeployModel to completion, linked to its parent", async () => {
    const { result, registry } = await run(request);
    const [child] = registry.executions();
    expect(child?.stateMachineArn).toBe(LOCAL_DEPLOY_MODEL_ARN);
    expect((await child?.result)?.status).toBe("SUCCEEDED");
    expect(child?.input).toMatchObject({ modelName: "churn", auc: 0.9, AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID: result.execution.executionArn });
  });

  it("starts no child below the bar", async () => {
    const { registry } = await run({ ...request, maxDepth: 2 });
    expect(registry.executions()).toEqual([]);
  });

  it("records the child's own retries in its history", async () => {
    const broken = () => {
      throw new StatesError("SageMaker.AmazonSageMakerException", "Rate exceeded");
    };
    const { registry } = await run(request, await localSetup(new LocalSageMaker(), { "arn:aws:states:::sagemaker:createModel": broken }));
    const [child] = registry.executions();
    const childRun = readHistory(child?.execution.history ?? []);
    expect(childRun.status).toBe("FAILED");
    // 1 attempt + 3 retries after 5s, 10s, 20s.
    expect(childRun.visits.find((v) => v.name === "CreateModel")?.attempts).toHaveLength(4);
  });
});
