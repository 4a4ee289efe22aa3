// A local stand-in for the two SageMaker calls, bound by Resource for the local runtime. The
// `.sync` training job behaves as Step Functions sees it: the request is accepted (TaskSubmitted),
// the job runs for a while on the execution's virtual clock, then DescribeTrainingJob comes back;
// a job that ends Failed fails the task with States.TaskFailed and the description as Cause.
import { StatesError } from "@stepcraft/runtime";
import type { TaskHandler } from "@stepcraft/runtime";
import type { CreateModelRequest, CreateTrainingJobRequest, TrainingJobDescription } from "./sagemaker.ts";

/** How a local training job ends. */
export interface JobOutcome {
  readonly status: "Completed" | "Failed";
  readonly auc: number;
  /** Virtual seconds the job runs. */
  readonly seconds: number;
  readonly failureReason?: string;
}

/**
 * The default trainer: deeper trees score better on this dataset, up to a point. Deterministic,
 * so tests pick a `maxDepth` to land on either side of `minAuc`.
 */
export function xgboostLike(request: CreateTrainingJobRequest): JobOutcome {
  const depth = Number(request.HyperParameters["max_depth"] ?? "6");
  return { status: "Completed", auc: Math.min(0.95, Math.round((0.78 + 0.03 * depth) * 100) / 100), seconds: 40 * 60 };
}

export class LocalSageMaker {
  readonly trainingJobs: CreateTrainingJobRequest[] = [];
  readonly models: CreateModelRequest[] = [];

  constructor(private readonly train: (request: CreateTrainingJobRequest) => JobOutcome = xgboostLike) {}

  tasks(): Record<string, TaskHandler> {
    return {
      "arn:aws:states:::sagemaker:createTrainingJob.sync": async (input, ctx) => {
        const request = input as CreateTrainingJobRequest;
        this.trainingJobs.push(request);
        const outcome = this.train(request);
        ctx.submitted?.({ TrainingJobArn: `arn:aws:sagemaker:us-east-1:123456789012:training-job/${request.TrainingJobName.toLowerCase()}` });
        // The job runs outside Step Functions: let virtual time pass while it does.
        ctx.awaitingExternal?.();
        await ctx.clock?.sleep(outcome.seconds * 1000).done;
        const description: TrainingJobDescription = {
          TrainingJobName: request.TrainingJobName,
          TrainingJobStatus: outcome.status,
          ModelArtifacts: { S3ModelArtifacts: `${request.OutputDataConfig.S3OutputPath}/${request.TrainingJobName}/output/model.tar.gz` },
          FinalMetricDataList: [
            { MetricName: "train:auc", Value: Math.min(0.99, outcome.auc + 0.04) },
            { MetricName: "validation:auc", Value: outcome.auc },
          ],
          ...(outcome.failureReason === undefined ? {} : { FailureReason: outcome.failureReason }),
        };
        if (outcome.status !== "Completed") throw new StatesError("States.TaskFailed", JSON.stringify(description));
        return description;
      },
      "arn:aws:states:::sagemaker:createModel": (input) => {
        const request = input as CreateModelRequest;
        this.models.push(request);
        return { ModelArn: `arn:aws:sagemaker:us-east-1:123456789012:model/${request.ModelName.toLowerCase()}` };
      },
    };
  }
}
