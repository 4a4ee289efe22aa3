// The deployable stack: the artifact bucket, the role SageMaker runs jobs and models as, the
// nested DeployModel machine and the MlTraining machine that starts it. Their ARNs and names reach
// the definitions through DefinitionSubstitutions, from which the construct derives the IAM
// (start and watch DeployModel through the managed `.sync` rule, the training job, the model).
import { fileURLToPath } from "node:url";
import { Annotations, RemovalPolicy, Stack } from "aws-cdk-lib";
import type { StackProps } from "aws-cdk-lib";
import { ManagedPolicy, PolicyStatement, Role, ServicePrincipal } from "aws-cdk-lib/aws-iam";
import { LogLevel } from "aws-cdk-lib/aws-lambda-nodejs";
import { BlockPublicAccess, Bucket, BucketEncryption } from "aws-cdk-lib/aws-s3";
import { WorkflowStateMachine } from "@stepcraft/cdk";
import type { Construct } from "constructs";
import { deployModel } from "../src/deploy-model.ts";
import { mlTraining } from "../src/workflow.ts";

export class MlTrainingStack extends Stack {
  readonly training: WorkflowStateMachine;
  readonly deployment: WorkflowStateMachine;

  constructor(scope: Construct, id: string, props: StackProps = {}) {
    super(scope, id, props);
    const entryRoot = fileURLToPath(new URL("../src", import.meta.url));
    const functionDefaults = { bundling: { logLevel: LogLevel.WARNING } };

    const artifacts = new Bucket(this, "Artifacts", {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const sagemakerRole = new Role(this, "SageMakerExecutionRole", {
      assumedBy: new ServicePrincipal("sagemaker.amazonaws.com"),
      managedPolicies: [ManagedPolicy.fromAwsManagedPolicyName("AmazonSageMakerFullAccess")],
    });
    artifacts.grantReadWrite(sagemakerRole);
    // The state machines hand this role to SageMaker; nothing in the ASL says so in IAM terms.
    const passRole = new PolicyStatement({ actions: ["iam:PassRole"], resources: [sagemakerRole.roleArn], conditions: { StringEquals: { "iam:PassedToService": "sagemaker.amazonaws.com" } } });

    // @stepcraft/cdk derives no IAM for SageMaker integrations yet (it warns IAM_NOT_DERIVED):
    // these statements are what AWS documents for them, scoped to this account and region.
    const sagemakerArn = (resource: string) => this.formatArn({ service: "sagemaker", resource, resourceName: "*" });
    const createModel = new PolicyStatement({ actions: ["sagemaker:CreateModel"], resources: [sagemakerArn("model")] });
    const trainingJobs = new PolicyStatement({
      actions: ["sagemaker:CreateTrainingJob", "sagemaker:DescribeTrainingJob", "sagemaker:StopTrainingJob", "sagemaker:AddTags"],
      resources: [sagemakerArn("training-job")],
    });
    // `.sync` watches the job through a rule Step Functions manages in the account.
    const trainingJobEvents = new PolicyStatement({
      actions: ["events:PutTargets", "events:PutRule", "events:DescribeRule"],
      resources: [this.formatArn({ service: "events", resource: "rule", resourceName: "StepFunctionsGetEventsForSageMakerTrainingJobsRule" })],
    });

    this.deployment = new WorkflowStateMachine(this, "DeployModel", {
      definition: deployModel,
      lambdas: deployModel.lambdas,
      entryRoot,
      functionDefaults,
      definitionSubstitutions: { SageMakerRoleArn: sagemakerRole.roleArn },
      policyStatements: [passRole, createModel],
    });

    this.training = new WorkflowStateMachine(this, "MlTraining", {
      definition: mlTraining,
      lambdas: mlTraining.lambdas,
      entryRoot,
      functionDefaults,
      definitionSubstitutions: {
        DeployModelArn: this.deployment.stateMachineArn,
        SageMakerRoleArn: sagemakerRole.roleArn,
        ArtifactBucket: artifacts.bucketName,
      },
      policyStatements: [passRole, trainingJobs, trainingJobEvents],
    });
    for (const machine of [this.deployment, this.training]) {
      Annotations.of(machine).acknowledgeWarning("@stepcraft/cdk:IAM_NOT_DERIVED", "SageMaker permissions are granted with policyStatements above");
    }
  }
}

/** Builds the stack in `scope`; `npm run example` and cdk/app.ts both go through here. */
export function createStack(scope: Construct): Stack {
  // Environment-agnostic on purpose: synth needs no account, no region and no lookups.
  return new MlTrainingStack(scope, "MlTraining");
}
