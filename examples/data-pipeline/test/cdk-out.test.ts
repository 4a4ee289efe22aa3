// The deployed form of SalesPipeline: synthesize the CDK app into a cloud assembly (as `npm run
// synth` does into cdk.out), then run the machine it holds through the same cases as the compiled
// workflow (pipeline-cases.ts). The buckets are the stack's (their placeholder names, substituted
// as CloudFormation would), the two functions run their esbuild bundles in-process, and an
// in-memory S3 stands behind the ItemReader, the ResultWriter and the `aws-sdk:s3:getObject` tasks.
import { afterAll, describe, expect, it } from "vitest";
import { fromCdkOut, synthesizeCdkOut } from "@stepcraft/cdk/testing";
import { InMemoryObjectStore, s3SdkTasks } from "@stepcraft/runtime";
import { testExecution } from "@stepcraft/runtime/testing";
import { createStack } from "../cdk/stack.ts";
import { describePipelineRuns, input, START } from "./pipeline-cases.ts";

// One synthesis for the file, into a directory of its own (no dependency on an earlier synth).
const cdkOut = synthesizeCdkOut(createStack);
afterAll(() => cdkOut.dispose());

const machine = fromCdkOut(cdkOut.directory);
const exportsBucket = machine.constructAt("DataPipeline/Exports").ref;
const batchFunction = machine.constructAt("LoadSalesBatch");

describe("SalesPipeline from its cloud assembly", () => {
  it("names the stack's buckets and functions by construct", () => {
    expect(batchFunction.path).toBe("DataPipeline/SalesPipeline/Functions/LoadSalesBatch");
    expect(JSON.stringify(machine.toAsl())).toContain(exportsBucket);
  });
});

describePipelineRuns({
  // The ResultWriter writes to the Results bucket CloudFormation would create, not a local stand-in.
  resultsBucket: machine.constructAt("DataPipeline/Results").ref,
  async run(csv, loadBatch) {
    const store = new InMemoryObjectStore();
    if (csv !== undefined) await store.putObject(exportsBucket, input.key, csv);
    // A replacement batch function is bound by its construct path; otherwise the bundle runs.
    const tasks = { ...s3SdkTasks(store), ...(loadBatch === undefined ? {} : { [batchFunction.path!]: loadBatch }) };
    const result = await testExecution(machine, input, { tasks, objectStore: store, startTime: START, random: 3 });
    return { result, store };
  },
});
