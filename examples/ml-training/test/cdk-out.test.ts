// The deployed form of MlTraining and its nested DeployModel: synthesize the CDK app into a cloud
// assembly, then run the MlTraining machine it holds through the same cases as the compiled
// workflow (training-cases.ts). Its `states:startExecution.sync:2` of the stack's DeployModel
// machine runs that machine locally; the preprocessing and registration functions run their
// esbuild bundles in-process; SageMaker is the local stand-in, and it sees the stack's own bucket
// and role (their placeholders, substituted as CloudFormation would).
import { afterAll, describe, expect, it } from "vitest";
import { fromCdkOut, synthesizeCdkOut } from "@stepcraft/cdk/testing";
import { testExecution } from "@stepcraft/runtime/testing";
import { createStack } from "../cdk/stack.ts";
import { LocalSageMaker } from "../src/local-sagemaker.ts";
import { describeTrainingRuns, request, START } from "./training-cases.ts";

// One synthesis for the file, into a directory of its own (no dependency on an earlier synth).
const cdkOut = synthesizeCdkOut(createStack);
afterAll(() => cdkOut.dispose());

const training = fromCdkOut(cdkOut.directory, { stateMachine: "MlTraining/MlTraining" });

describeTrainingRuns({
  artifactBucket: training.constructAt("MlTraining/Artifacts").ref,
  async run(input, sagemaker = new LocalSageMaker(), overrides = {}) {
    const result = await testExecution(training, input, { tasks: { ...sagemaker.tasks(), ...overrides }, startTime: START });
    return { result, sagemaker };
  },
});

describe("MlTraining from its cloud assembly", () => {
  it("trains as the stack's SageMaker role", async () => {
    const sagemaker = new LocalSageMaker();
    await testExecution(training, request, { tasks: sagemaker.tasks(), startTime: START });
    expect(sagemaker.trainingJobs[0]?.RoleArn).toBe(training.constructAt("MlTraining/SageMakerExecutionRole").arn);
  });
});
