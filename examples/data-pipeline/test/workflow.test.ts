// SalesPipeline end to end on the local runtime: the Distributed Map reads the CSV from an
// in-memory S3 with its ItemReader, batches it, runs each batch as a child execution with the
// real handler, writes the results with its ResultWriter; the aggregation reads them back with
// `aws-sdk:s3:getObject` tasks on the same store. The run cases are in pipeline-cases.ts.
import { describe, expect, it } from "vitest";
import { testExecution } from "@stepcraft/runtime/testing";
import { LOCAL_EXPORTS_BUCKET, LOCAL_RESULTS_BUCKET, localSetup } from "../src/local-run.ts";
import { salesPipeline } from "../src/workflow.ts";
import { describePipelineRuns, input, START } from "./pipeline-cases.ts";

describe("SalesPipeline compiles", () => {
  it("to a Distributed Map reading CSV rows, batching 100, tolerating 10% failures, writing results to S3", () => {
    const { asl, diagnostics } = salesPipeline.compile();
    expect(diagnostics).toEqual([]);
    expect(asl.States["LoadSales"]).toMatchObject({
      ItemReader: { Resource: "arn:aws:states:::s3:getObject", ReaderConfig: { InputType: "CSV", CSVHeaderLocation: "FIRST_ROW" } },
      ItemBatcher: { MaxItemsPerBatch: 100 },
      ItemProcessor: { ProcessorConfig: { Mode: "DISTRIBUTED", ExecutionType: "EXPRESS" } },
      ToleratedFailurePercentage: 10,
      ResultWriter: { Resource: "arn:aws:states:::s3:putObject", WriterConfig: { Transformation: "COMPACT", OutputType: "JSON" } },
    });
  });
});

describePipelineRuns({
  resultsBucket: LOCAL_RESULTS_BUCKET,
  async run(csv, loadBatch) {
    const local = await localSetup(loadBatch === undefined ? {} : { LoadSalesBatch: loadBatch });
    if (csv !== undefined) await local.store.putObject(LOCAL_EXPORTS_BUCKET, input.key, csv);
    const result = await testExecution(local.pipeline, input, { tasks: local.tasks, objectStore: local.store, startTime: START, random: 3 });
    return { result, store: local.store };
  },
});
