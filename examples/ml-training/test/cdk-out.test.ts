// The deployed form of MlTraining and its nested DeployModel: synthesize the CDK app into a cloud
// assembly, then run the MlTraining machine it holds. Its `states:startExecution.sync:2` of the
// stack's DeployModel machine runs that machine locally; the preprocessing and registration
// functions run their esbuild bundles in-process; SageMaker is the local stand-in, and it sees
// the stack's own bucket and role (their placeholders, substituted as CloudFormation would).
import { afterAll, describe, expect, it } from "vitest";
import { fromCdkOut, synthesizeCdkOut } from "@stepcraft/cdk/testing";
import { StatesError } from "@stepcraft/runtime";
import { testExecution } from "@stepcraft/runtime/testing";
import "@stepcraft/runtime/vitest";
import { createStack } from "../cdk/stack.ts";
import { LocalSageMaker } from "../src/local-sagemaker.ts";
import type { TrainingRequest } from "../src/workflow.ts";

// One synthesis for the file, into a directory of its own (no dependency on an earlier synth).
const cdkOut = synthesizeCdkOut(createStack);
afterAll(() => cdkOut.dispose());

const training = fromCdkOut(cdkOut.directory, { stateMachine: "MlTraining/MlTraining" });
const START = new Date("2026-04-01T02:00:00Z");
const request: TrainingRequest = { datasetUri: "s3://ml-data/raw/churn/2026-03.csv", modelName: "churn", minAuc: 0.85, maxDepth: 4 };

async function run(input: TrainingRequest, sagemaker = new LocalSageMaker(), tasks = {}) {
  const result = await testExecution(training, input, { tasks: { ...sagemaker.tasks(), ...tasks }, startTime: START });
  return { result, sagemaker };
}

describe("MlTraining from its cloud assembly", () => {
  it("preprocesses with the deployed functions, trains, and deploys through the stack's DeployModel machine", async () => {
    const { result, sagemaker } = await run(request);
    expect(result).toHaveSucceeded();
    expect(result).toHaveVisitedInOrder(["Preprocess", "TrainModel", "GoodEnough?", "DeployModel", "Deployed"]);
    const jobName = `churn-${result.execution.executionArn.split(":").at(-1) ?? ""}`;
    expect(result.output).toEqual({ modelName: "churn", auc: 0.9, modelArn: `arn:aws:sagemaker:us-east-1:123456789012:model/churn-${jobName.toLowerCase()}`, version: jobName });
    const [job] = sagemaker.trainingJobs;
    expect(job?.InputDataConfig.map((c) => c.DataSource.S3DataSource.S3Uri)).toEqual(["s3://ml-data/clean/churn/2026-03.csv", "s3://ml-data/features/churn/2026-03.json"]);
    // The training job runs as the stack's role and writes to the stack's bucket.
    expect(job?.RoleArn).toBe(training.constructAt("MlTraining/SageMakerExecutionRole").arn);
    const bucket = training.constructAt("MlTraining/Artifacts").ref;
    // The model was created by the nested DeployModel machine, from the artifacts in that bucket.
    expect(sagemaker.models[0]?.PrimaryContainer.ModelDataUrl).toBe(`s3://${bucket}/models/${jobName}/output/model.tar.gz`);
  });

  it("stops below the bar without starting DeployModel", async () => {
    const { result, sagemaker } = await run({ ...request, maxDepth: 2 });
    expect(result).toHaveFailedWith("BelowThreshold", "validation AUC 0.84 is below 0.85");
    expect(result.states["DeployModel"]).toBeUndefined();
    expect(sagemaker.models).toEqual([]);
  });

  it("does not start a training job on an empty export (the deployed CleanData function says so)", async () => {
    const { result, sagemaker } = await run({ ...request, datasetUri: "s3://ml-data/raw/churn/empty.csv" });
    expect(result).toHaveFailedWith("NoTrainingData", /has no usable rows/);
    expect(sagemaker.trainingJobs).toEqual([]);
  });

  it("fails when the nested deployment fails, after the child's own retries", async () => {
    let calls = 0;
    const broken = () => {
      calls += 1;
      throw new StatesError("SageMaker.AmazonSageMakerException", "Rate exceeded");
    };
    const { result } = await run(request, new LocalSageMaker(), { "arn:aws:states:::sagemaker:createModel": broken });
    expect(result).toHaveFailedWith("States.TaskFailed", /SageMaker.AmazonSageMakerException/);
    // 1 attempt + 3 retries, inside the child execution.
    expect(calls).toBe(4);
  });
});
