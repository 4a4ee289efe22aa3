// The SageMaker calls the workflows make, typed as the integrations send and return them
// (only the fields the examples use).

export interface CreateTrainingJobRequest {
  readonly TrainingJobName: string;
  readonly RoleArn: string;
  readonly AlgorithmSpecification: { readonly TrainingImage: string; readonly TrainingInputMode: "File" | "Pipe" };
  readonly HyperParameters: Readonly<Record<string, string>>;
  readonly InputDataConfig: readonly { readonly ChannelName: string; readonly DataSource: { readonly S3DataSource: { readonly S3Uri: string; readonly S3DataType: "S3Prefix"; readonly S3DataDistributionType: "FullyReplicated" } } }[];
  readonly OutputDataConfig: { readonly S3OutputPath: string };
  readonly ResourceConfig: { readonly InstanceType: string; readonly InstanceCount: number; readonly VolumeSizeInGB: number };
  readonly StoppingCondition: { readonly MaxRuntimeInSeconds: number };
}

/** DescribeTrainingJob, which `.sync` returns once the job has ended. */
export interface TrainingJobDescription {
  readonly TrainingJobName: string;
  readonly TrainingJobStatus: "Completed" | "Failed" | "Stopped";
  readonly ModelArtifacts: { readonly S3ModelArtifacts: string };
  readonly FinalMetricDataList: readonly { readonly MetricName: string; readonly Value: number }[];
  readonly FailureReason?: string;
}

export interface CreateModelRequest {
  readonly ModelName: string;
  readonly ExecutionRoleArn: string;
  readonly PrimaryContainer: { readonly Image: string; readonly ModelDataUrl: string };
}

export interface CreateModelResponse {
  readonly ModelArn: string;
}
