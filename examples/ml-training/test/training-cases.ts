// MlTraining's run cases, on two sources: the compiled ASL with DeployModel registered by hand and
// the handlers from source (workflow.test.ts), and the machines of the synthesized stack with the
// bundled handlers (cdk-out.test.ts). Each file says how to run; the cases are the same.
import { describe, expect, it } from "vitest";
import { StatesError } from "@stepcraft/runtime";
import type { TaskHandler } from "@stepcraft/runtime";
import type { TestExecutionResult } from "@stepcraft/runtime/testing";
import "@stepcraft/runtime/vitest";
import { LocalSageMaker, xgboostLike } from "../src/local-sagemaker.ts";
import type { TrainingRequest } from "../src/workflow.ts";

export const START = new Date("2026-04-01T02:00:00Z");
export const request: TrainingRequest = { datasetUri: "s3://ml-data/raw/churn/2026-03.csv", modelName: "churn", minAuc: 0.85, maxDepth: 4 };

/** One way to run MlTraining with its nested DeployModel machine. */
export interface TrainingHarness {
  /** The bucket the definitions name for model artifacts. */
  readonly artifactBucket: string;
  /** Runs MlTraining on `input` with `sagemaker` standing in for SageMaker; `overrides` replace bindings by resource. */
  run(input: TrainingRequest, sagemaker?: LocalSageMaker, overrides?: Readonly<Record<string, TaskHandler>>): Promise<{ readonly result: TestExecutionResult<unknown>; readonly sagemaker: LocalSageMaker }>;
}

const minutes = (from: Date | undefined, to: Date | undefined) => ((to?.getTime() ?? Number.NaN) - (from?.getTime() ?? Number.NaN)) / 60_000;

/** Registers the run cases (describe blocks) for `harness`. */
export function describeTrainingRuns(harness: TrainingHarness): void {
  const { run } = harness;

  describe("MlTraining: a good model is deployed", () => {
    it("preprocesses in parallel, trains for 40 virtual minutes, deploys through the nested machine", async () => {
      const { result, sagemaker } = await run(request);
      expect(result).toHaveSucceeded();
      expect(result).toHaveVisitedInOrder(["Preprocess", "TrainModel", "GoodEnough?", "DeployModel", "Deployed"]);
      expect(result).toHaveVisited("CleanData");
      expect(result).toHaveVisited("ComputeFeatures");
      // The training job is named after the model and the execution.
      const jobName = `churn-${result.execution.executionArn.split(":").at(-1) ?? ""}`;
      expect(result.output).toEqual({ modelName: "churn", auc: 0.9, modelArn: `arn:aws:sagemaker:us-east-1:123456789012:model/churn-${jobName.toLowerCase()}`, version: jobName });
      // The training request is built from both branches' results, held in variables.
      const [job] = sagemaker.trainingJobs;
      expect(job?.InputDataConfig.map((c) => c.DataSource.S3DataSource.S3Uri)).toEqual(["s3://ml-data/clean/churn/2026-03.csv", "s3://ml-data/features/churn/2026-03.json"]);
      expect(job?.HyperParameters["max_depth"]).toBe("4");
      const train = result.states["TrainModel"]?.visits[0];
      expect(minutes(train?.enteredAt, train?.exitedAt)).toBe(40);
      // The nested DeployModel created the model from the artifacts in the bucket.
      expect(sagemaker.models[0]?.PrimaryContainer.ModelDataUrl).toBe(`s3://${harness.artifactBucket}/models/${jobName}/output/model.tar.gz`);
    });
  });

  describe("MlTraining: failure paths", () => {
    it("stops below the bar without deploying", async () => {
      const { result, sagemaker } = await run({ ...request, maxDepth: 2 });
      expect(result).toHaveFailedWith("BelowThreshold", "validation AUC 0.84 is below 0.85");
      expect(result.states["DeployModel"]).toBeUndefined();
      expect(sagemaker.models).toEqual([]);
    });

    it("does not start a training job on an empty export", async () => {
      const { result, sagemaker } = await run({ ...request, datasetUri: "s3://ml-data/raw/churn/empty.csv" });
      expect(result).toHaveFailedWith("NoTrainingData", /has no usable rows/);
      expect(sagemaker.trainingJobs).toEqual([]);
    });

    it("reports a failed training job with SageMaker's reason", async () => {
      const sagemaker = new LocalSageMaker(() => ({ status: "Failed", auc: 0, seconds: 600, failureReason: "AlgorithmError: label column has NaN" }));
      const { result } = await run(request, sagemaker);
      expect(result).toHaveFailedWith("TrainingFailed", /AlgorithmError: label column has NaN/);
    });

    it("gives up on a job still running after the task's 4h timeout", async () => {
      const sagemaker = new LocalSageMaker((r) => ({ ...xgboostLike(r), seconds: 5 * 3600 }));
      const { result } = await run(request, sagemaker);
      expect(result).toHaveFailedWith("TrainingFailed", "the training job ran past the task's 4-hour timeout");
      const train = result.states["TrainModel"]?.visits[0];
      expect(train?.error).toBe("States.Timeout");
      expect(minutes(train?.enteredAt, train?.exitedAt)).toBe(240);
    });

    it("fails when the nested deployment fails, after its own retries (1 attempt + 3)", async () => {
      let calls = 0;
      const broken: TaskHandler = () => {
        calls += 1;
        throw new StatesError("SageMaker.AmazonSageMakerException", "Rate exceeded");
      };
      const { result } = await run(request, new LocalSageMaker(), { "arn:aws:states:::sagemaker:createModel": broken });
      expect(result).toHaveFailedWith("States.TaskFailed", /SageMaker.AmazonSageMakerException/);
      expect(calls).toBe(4);
    });
  });

  describe("MlTraining: retries with back-off", () => {
    it("retries CreateTrainingJob after 60s when SageMaker is out of capacity", async () => {
      const sagemaker = new LocalSageMaker();
      const sync = sagemaker.tasks()["arn:aws:states:::sagemaker:createTrainingJob.sync"];
      let calls = 0;
      const capacity: TaskHandler = (input, ctx) => {
        calls += 1;
        if (calls === 1) throw new StatesError("SageMaker.AmazonSageMakerException", "CapacityError: insufficient ml.m5.xlarge capacity");
        return sync?.(input, ctx);
      };
      const { result } = await run(request, sagemaker, { "arn:aws:states:::sagemaker:createTrainingJob.sync": capacity });
      expect(result).toHaveSucceeded();
      const attempts = result.states["TrainModel"]?.visits[0]?.attempts ?? [];
      expect(attempts.map((a) => a.outcome)).toEqual(["failed", "succeeded"]);
      expect(minutes(attempts[0]?.startedAt, attempts[1]?.startedAt)).toBe(1);
    });
  });
}
