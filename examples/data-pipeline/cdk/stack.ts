// The deployable stack: the bucket exports land in and the one the Map Run writes results to,
// and the state machine. The construct derives the Distributed Map's IAM from the ASL: starting
// and redriving its own child executions, reading the exports bucket, writing results under the
// prefix, reading them back (aws-sdk:s3:getObject on the results bucket).
import { fileURLToPath } from "node:url";
import { Duration, RemovalPolicy, Stack } from "aws-cdk-lib";
import type { StackProps } from "aws-cdk-lib";
import { LogLevel } from "aws-cdk-lib/aws-lambda-nodejs";
import { BlockPublicAccess, Bucket, BucketEncryption } from "aws-cdk-lib/aws-s3";
import { WorkflowStateMachine } from "@stepcraft/cdk";
import type { Construct } from "constructs";
import { salesPipeline } from "../src/workflow.ts";

export class DataPipelineStack extends Stack {
  readonly machine: WorkflowStateMachine;

  constructor(scope: Construct, id: string, props: StackProps = {}) {
    super(scope, id, props);
    const bucketDefaults = { encryption: BucketEncryption.S3_MANAGED, blockPublicAccess: BlockPublicAccess.BLOCK_ALL, enforceSSL: true };
    const exports = new Bucket(this, "Exports", { ...bucketDefaults, removalPolicy: RemovalPolicy.RETAIN });
    const results = new Bucket(this, "Results", {
      ...bucketDefaults,
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: false,
      lifecycleRules: [{ expiration: Duration.days(30) }],
    });

    this.machine = new WorkflowStateMachine(this, "SalesPipeline", {
      definition: salesPipeline,
      lambdas: salesPipeline.lambdas,
      entryRoot: fileURLToPath(new URL("../src", import.meta.url)),
      functionDefaults: { memorySize: 512, timeout: Duration.minutes(1), bundling: { logLevel: LogLevel.WARNING } },
      definitionSubstitutions: { ExportsBucket: exports.bucketName, ResultsBucket: results.bucketName },
    });
  }
}

/** Builds the stack in `scope`; `npm run example` and cdk/app.ts both go through here. */
export function createStack(scope: Construct): Stack {
  // Environment-agnostic on purpose: synth needs no account, no region and no lookups.
  return new DataPipelineStack(scope, "DataPipeline");
}
