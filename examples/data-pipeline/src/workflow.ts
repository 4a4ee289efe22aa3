// SalesPipeline: a day's sales export (one CSV object, up to millions of rows) is processed by a
// Distributed Map: the ItemReader streams the rows from S3, the ItemBatcher groups them 100 at a
// time, each batch runs as its own Express child execution, a few bad batches are tolerated, and
// the results go to S3 through a ResultWriter (they would not fit in the state's payload). The
// aggregation step reads them back with AWS SDK integrations and a Lambda adds them up.
import { jsonata, lambda, sdkIntegration, states, typeOnly, workflow } from "@stepcraft/core";
import type { ErrorOutput, ItemReaderSpec } from "@stepcraft/core";
import type { BatchSummary, SalesRow } from "./sales.ts";

export interface PipelineInput {
  /** `exports/<date>/sales.csv` in the exports bucket */
  readonly key: string;
  readonly runDate: string;
}

export const loadBatch = lambda("LoadSalesBatch", {
  entry: "./handlers/load-batch.ts",
  handler: () => import("./handlers/load-batch.ts").then((m) => m.handler),
  errors: ["BatchRejected"] as const,
});
export const summarize = lambda("SummarizeSales", {
  entry: "./handlers/summarize.ts",
  handler: () => import("./handlers/summarize.ts").then((m) => m.handler),
});

/** AWS SDK integration: any S3 API call, no Lambda in between. */
export const getObject = sdkIntegration("s3", "getObject", {
  input: typeOnly<{ readonly Bucket: string; readonly Key: string }>(),
  output: typeOnly<{ readonly Body: string; readonly ContentLength: number }>(),
  errors: ["S3.NoSuchKeyException", "S3.S3Exception"] as const,
});

// The buckets are the stack's; CloudFormation fills them in (DefinitionSubstitutions). Naming them
// in the ASL, rather than taking them from the input, lets the construct grant S3 access on
// exactly these buckets.
export const EXPORTS_BUCKET = "${ExportsBucket}";
export const RESULTS_BUCKET = "${ResultsBucket}";
export const RESULTS_PREFIX = "sales-pipeline";
/** Rows per child execution: big enough to amortize a start, small enough for one Lambda call. */
export const BATCH_SIZE = 100;
/** Share of failed batches the run absorbs before failing as a whole. */
export const TOLERATED_FAILURE_PERCENTAGE = 10;

/** The manifest a ResultWriter leaves beside the result files. */
interface Manifest {
  readonly DestinationBucket: string;
  readonly MapRunArn: string;
  readonly ResultFiles: { readonly SUCCEEDED: readonly { readonly Key: string; readonly Size: number }[]; readonly FAILED: readonly { readonly Key: string }[] };
}

const flow = workflow("SalesPipeline", {
  input: typeOnly<PipelineInput>(),
  queryLanguage: "JSONata",
  timeoutSeconds: 2 * 3600,
  comment: "distributed Map over a CSV export, batched, failure-tolerant, results in S3, then a report",
});

/** The export's rows, one item per CSV row, keyed by the header row. Typed here: a CSV has no schema. */
const salesCsv = {
  resource: "arn:aws:states:::s3:getObject",
  itemSchema: typeOnly<SalesRow>(),
  readerConfig: { inputType: "CSV", csvHeaderLocation: "FIRST_ROW" },
  arguments: ($) => ({ Bucket: EXPORTS_BUCKET, Key: $.input.key }),
} satisfies ItemReaderSpec<SalesRow, PipelineInput>;

const load = flow
  .map("LoadSales", {
    mode: "distributed",
    // Children are short and numerous: Express is cheaper and has no history limit to worry about.
    executionType: "EXPRESS",
    label: "sales",
    itemReader: salesCsv,
    itemBatcher: { maxItemsPerBatch: BATCH_SIZE, batchInput: { runDate: jsonata<string>("$states.input.runDate") } },
    maxConcurrency: 20,
    toleratedFailurePercentage: TOLERATED_FAILURE_PERCENTAGE,
    processor: (batch) =>
      batch.task("LoadBatch", loadBatch, {
        arguments: ($) => ({ Items: $.input.Items, BatchInput: $.input.BatchInput }),
        // Lambda throttles under a burst of children: back off, then give up on that batch.
        retry: [{ errors: ["Lambda.TooManyRequestsException", "Lambda.ServiceException"], intervalSeconds: 2, maxAttempts: 3, backoffRate: 2, jitter: "FULL" }],
      }),
    resultWriter: {
      resource: "arn:aws:states:::s3:putObject",
      arguments: { Bucket: RESULTS_BUCKET, Prefix: RESULTS_PREFIX },
      // COMPACT: each result file holds the batches' outputs, not whole execution descriptions.
      writerConfig: { outputType: "JSON", transformation: "COMPACT" },
    },
    assign: ($) => ({ runDate: $.input.runDate }),
  })
  // More than 10% of the batches failed: the export itself is bad.
  .catch({ errors: ["States.ExceedToleratedFailureThreshold"], next: states<ErrorOutput>().fail("TooManyBadBatches", { error: "TooManyBadBatches", cause: ($) => $.input.Cause }) })
  .catch({ errors: ["States.ItemReaderFailed"], next: states<ErrorOutput>().fail("ExportUnreadable", { error: "ExportUnreadable", cause: ($) => $.input.Cause }) });

export const salesPipeline = flow.startWith(
  load
    .task("ReadManifest", getObject, {
      arguments: ($) => ({ Bucket: RESULTS_BUCKET, Key: $.input.ResultWriterDetails.Key }),
      output: ($) => jsonata<Manifest>`$parse(${$.result.Body})`,
    })
    .map("ReadResults", {
      items: ($) => $.input.ResultFiles.SUCCEEDED,
      itemSelector: ($) => ({ Key: $.item.Key }),
      maxConcurrency: 5,
      processor: (file) =>
        file.task("ReadResultFile", getObject, {
          arguments: ($) => ({ Bucket: RESULTS_BUCKET, Key: $.input.Key }),
          output: ($) => jsonata<BatchSummary[]>`$parse(${$.result.Body})`,
          retry: [{ errors: ["S3.S3Exception"], intervalSeconds: 1, maxAttempts: 3, backoffRate: 2 }],
        }),
      // One list of batch summaries, however many result files the run wrote.
      output: ($) => jsonata<BatchSummary[]>`[$reduce(${$.result}, $append, [])]`,
    })
    .task("Summarize", summarize, {
      arguments: ($) => ({ runDate: $.vars.runDate, batches: $.input }),
    })
    .succeed("ReportReady"),
);
