// The deployable stack: the artifact bucket, the role SageMaker runs jobs and models as, the
// nested DeployModel machine and the MlTraining machine that starts it. Their ARNs and names reach
// the definitions through DefinitionSubstitutions, from which the construct derives the IAM
// (start and watch DeployModel through the managed `.sync` rule, the training job and its rule, the
// model, and iam:PassRole on the SageMaker role, narrowed to that role and to SageMaker).
import { fileURLToPath } from "node:url";
import { RemovalPolicy, Stack } from "aws-cdk-lib";
import type { StackProps } from "aws-cdk-lib";
import { ManagedPolicy, Role, ServicePrincipal } from "aws-cdk-lib/aws-iam";
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
    // No SageMaker statements here: the construct derives them from the ASL (the training job and
    // its `.sync` rule, the model, iam:PassRole on this role, which both definitions substitute).

    this.deployment = new WorkflowStateMachine(this, "DeployModel", {
      definition: deployModel,
      lambdas: deployModel.lambdas,
      entryRoot,
      functionDefaults,
      definitionSubstitutions: { SageMakerRoleArn: sagemakerRole.roleArn },
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
    });
  }
}

/** Builds the stack in `scope`; `npm run example` and cdk/app.ts both go through here. */
export function createStack(scope: Construct): Stack {
  // Environment-agnostic on purpose: synth needs no account, no region and no lookups.
  return new MlTrainingStack(scope, "MlTraining");
}
