// MlTraining: preprocess a dataset in parallel, train on SageMaker and wait for the job
// (`.sync`), then deploy through a nested state machine only if the model beats the bar.
// JSONata, with variables carrying what later states need.
import { jsonata, lambda, serviceIntegration, states, typeOnly, workflow } from "@stepcraft/core";
import type { ErrorOutput } from "@stepcraft/core";
import type { DeployRequest } from "./deploy-model.ts";
import type { CreateTrainingJobRequest, TrainingJobDescription } from "./sagemaker.ts";

export interface TrainingRequest {
  /** `s3://<bucket>/raw/<dataset>/<date>.csv` */
  readonly datasetUri: string;
  readonly modelName: string;
  /** Deploy only when validation AUC reaches this. */
  readonly minAuc: number;
  readonly maxDepth: number;
}

/** What DeployModel ends with (its output), as the `.sync:2` integration hands it back parsed. */
export interface DeployOutput {
  readonly registered: { readonly registeredName: string; readonly version: string };
  readonly model: { readonly modelArn: string };
}

export const cleanData = lambda("CleanData", {
  entry: "./handlers/clean-data.ts",
  handler: () => import("./handlers/clean-data.ts").then((m) => m.handler),
  errors: ["EmptyDataset"],
});
export const computeFeatures = lambda("ComputeFeatures", {
  entry: "./handlers/compute-features.ts",
  handler: () => import("./handlers/compute-features.ts").then((m) => m.handler),
});

/** `.sync`: Step Functions starts the job and waits for it to end, then returns DescribeTrainingJob. */
export const trainingJob = serviceIntegration("sagemaker", "createTrainingJob", {
  pattern: "sync",
  input: typeOnly<CreateTrainingJobRequest>(),
  output: typeOnly<TrainingJobDescription>(),
  errors: ["SageMaker.AmazonSageMakerException"],
});

/** `.sync:2`: start the nested machine, wait for it, get its output as JSON. */
export const startDeployment = serviceIntegration("states", "startExecution", {
  pattern: "sync:2",
  input: typeOnly<{ readonly StateMachineArn: string; readonly Input: DeployRequest & { readonly AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID: string } }>(),
  output: typeOnly<{ readonly ExecutionArn: string; readonly Status: string; readonly Output: DeployOutput }>(),
});

// Filled in by CloudFormation (DefinitionSubstitutions); local runs substitute them the same way.
export const DEPLOY_MODEL_ARN = "${DeployModelArn}";
export const SAGEMAKER_ROLE = "${SageMakerRoleArn}";
export const ARTIFACT_BUCKET = "${ArtifactBucket}";
/** SageMaker's built-in XGBoost image (us-east-1). */
export const XGBOOST_IMAGE = "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1";

const flow = workflow("MlTraining", {
  input: typeOnly<TrainingRequest>(),
  queryLanguage: "JSONata",
  timeoutSeconds: 6 * 3600,
  comment: "preprocess in parallel, train (.sync), deploy through a nested machine if the metric is good enough",
});

const preprocess = flow
  .parallel("Preprocess", {
    branches: [
      (b) => b.task("CleanData", cleanData, { arguments: ($) => ({ datasetUri: $.input.datasetUri }) }),
      (b) => b.task("ComputeFeatures", computeFeatures, { arguments: ($) => ({ datasetUri: $.input.datasetUri }) }),
    ],
    // The branches' outputs arrive as a tuple: [CleanedData, FeatureSet].
    assign: ($) => ({
      modelName: $.input.modelName,
      minAuc: $.input.minAuc,
      cleanUri: $.result[0].cleanUri,
      featuresUri: $.result[1].featuresUri,
    }),
    output: ($) => ({ rows: $.result[0].rows, featureCount: $.result[1].featureCount, maxDepth: $.input.maxDepth }),
  })
  // Retrying cannot fix an empty export: stop before paying for a training instance.
  .catch({ errors: ["EmptyDataset"], next: states<ErrorOutput>().fail("NoTrainingData", { error: "NoTrainingData", cause: ($) => $.input.Cause }) });

const train = preprocess
  .task("TrainModel", trainingJob, {
    arguments: ($) => ({
      TrainingJobName: jsonata<string>`${$.vars.modelName} & "-" & ${$.context.Execution.Name}`,
      RoleArn: SAGEMAKER_ROLE,
      AlgorithmSpecification: { TrainingImage: XGBOOST_IMAGE, TrainingInputMode: "File" },
      HyperParameters: { objective: "binary:logistic", eval_metric: "auc", num_round: "100", max_depth: jsonata<string>`$string(${$.input.maxDepth})` },
      InputDataConfig: [
        { ChannelName: "train", DataSource: { S3DataSource: { S3Uri: $.vars.cleanUri, S3DataType: "S3Prefix", S3DataDistributionType: "FullyReplicated" } } },
        { ChannelName: "features", DataSource: { S3DataSource: { S3Uri: $.vars.featuresUri, S3DataType: "S3Prefix", S3DataDistributionType: "FullyReplicated" } } },
      ],
      OutputDataConfig: { S3OutputPath: `s3://${ARTIFACT_BUCKET}/models` },
      ResourceConfig: { InstanceType: "ml.m5.xlarge", InstanceCount: 1, VolumeSizeInGB: 30 },
      StoppingCondition: { MaxRuntimeInSeconds: 3 * 3600 },
    }),
    // The job's own limit is 3h; the task gives up a little later.
    timeoutSeconds: 4 * 3600,
    // CreateTrainingJob is throttled or out of capacity now and then: 60s, 120s.
    retry: [{ errors: ["SageMaker.AmazonSageMakerException"], intervalSeconds: 60, maxAttempts: 2, backoffRate: 2 }],
    assign: ($) => ({
      auc: jsonata<number>`${$.result.FinalMetricDataList}[MetricName = "validation:auc"].Value`,
      modelDataUrl: $.result.ModelArtifacts.S3ModelArtifacts,
    }),
    output: ($) => ({ trainingJob: $.result.TrainingJobName }),
  })
  // A job that ends Failed or Stopped fails the task with States.TaskFailed (its description as
  // Cause). A States.Timeout has no Cause at all (AWS gives none), so the Fail says why itself.
  .catch({
    errors: ["States.TaskFailed", "States.Timeout"],
    next: states<ErrorOutput>().fail("TrainingFailed", {
      error: "TrainingFailed",
      cause: ($) => jsonata<string>`$exists(${$.input.Cause}) ? ${$.input.Cause} : "the training job ran past the task's 4-hour timeout"`,
    }),
  });

export const mlTraining = flow.startWith(
  train
    .choice("GoodEnough?")
    .when(
      ($) => $.vars.auc.gte($.vars.minAuc),
      (s) =>
        s
          .task("DeployModel", startDeployment, {
            arguments: ($) => ({
              StateMachineArn: DEPLOY_MODEL_ARN,
              Input: {
                modelName: $.vars.modelName,
                modelDataUrl: $.vars.modelDataUrl,
                auc: $.vars.auc,
                image: XGBOOST_IMAGE,
                // Links the child execution to this one in the console.
                AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID: $.context.Execution.Id,
              },
            }),
            output: ($) => ({ modelName: $.vars.modelName, auc: $.vars.auc, modelArn: $.result.Output.model.modelArn, version: $.result.Output.registered.version }),
          })
          .succeed("Deployed"),
    )
    .otherwise((s) => s.fail("BelowThreshold", { error: "BelowThreshold", cause: ($) => jsonata<string>`"validation AUC " & ${$.vars.auc} & " is below " & ${$.vars.minAuc}` })),
);
