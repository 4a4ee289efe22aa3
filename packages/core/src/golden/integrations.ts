// Distributed Map over S3, callbacks, `.sync` jobs, credentials, timeouts and raw escape hatches.
import { fn, jsonata, jsonPath, lambda, resource, sdkIntegration, serviceIntegration, succeed, typeOnly, workflow } from "../index.ts";
import type { QueryLanguage } from "../index.ts";

export interface Row {
  readonly id: string;
  readonly amount: number;
}

const approve = lambda("RequestApproval", {
  entry: "./test-fixtures/order-handlers.ts",
  handler: () => import("../test-fixtures/order-handlers.ts").then((m) => m.review),
  pattern: "waitForTaskToken",
});

const runJob = serviceIntegration("ecs", "runTask", {
  pattern: "sync",
  input: typeOnly<{ readonly Cluster: string; readonly TaskDefinition: string }>(),
  output: typeOnly<{ readonly Tasks: readonly { readonly TaskArn: string }[] }>(),
  errors: ["ECS.AmazonECSException"] as const,
});

const putItem = sdkIntegration("dynamodb", "putItem", {
  input: typeOnly<{ readonly TableName: string; readonly Item: { readonly [key: string]: unknown } }>(),
  errors: ["DynamoDb.ConditionalCheckFailedException"] as const,
});

const activity = resource<{ readonly batch: number }, { readonly ok: boolean }>("arn:aws:states:eu-west-1:123456789012:activity:Settle");

/** Import: a distributed Map over a CSV in S3, then a callback approval, a job and a write. */
export function importRows(queryLanguage: QueryLanguage) {
  const flow = workflow("ImportRows", { input: typeOnly<{ readonly bucket: string; readonly key: string; readonly orderId: string; readonly total: number }>(), queryLanguage });

  const load = flow.map("LoadRows", {
    itemReader: {
      resource: "arn:aws:states:::s3:getObject",
      readerConfig: { inputType: "CSV", csvHeaderLocation: "FIRST_ROW", maxItems: 1000 },
      arguments: { Bucket: "imports", Key: "rows.csv" },
    } as const satisfies import("../index.ts").ItemReaderSpec<Row>,
    itemBatcher: { maxItemsPerBatch: 100, batchInput: { source: "csv" } },
    processor: (batch) => batch.task("Settle", activity, { arguments: ($) => ({ batch: fn.arrayLength($.input.Items) }), heartbeatSeconds: 60 }),
    mode: "distributed",
    executionType: "EXPRESS",
    maxConcurrency: 50,
    toleratedFailurePercentage: 5,
    label: "rows",
    resultWriter: { arguments: { Bucket: "imports", Prefix: "results" }, writerConfig: { outputType: "JSONL", transformation: "COMPACT" } },
    resultField: "load",
  });

  const approval = load.task("Approve", approve, {
    arguments: ($) => ({ orderId: $.input.orderId, total: $.input.total, token: $.context.Task.Token }),
    timeoutSeconds: 86400,
    resultField: "approval",
  });

  const job = approval.task("RunJob", runJob, {
    arguments: () => ({ Cluster: "imports", TaskDefinition: "settle:3" }),
    credentials: { roleArn: "arn:aws:iam::123456789012:role/Importer" },
    retry: [{ errors: ["ECS.AmazonECSException", "States.Timeout"], intervalSeconds: 5, maxDelaySeconds: 60 }],
    output: ($) => ({ taskArn: fn.arrayGetItem($.result.Tasks, 0) }),
  });

  const save = job.task("Save", putItem, {
    arguments: ($) => ({ TableName: "runs", Item: { id: { S: fn.uuid() }, task: { S: fn.jsonToString($.input.taskArn) } } }),
    catch: [{ errors: ["DynamoDb.ConditionalCheckFailedException"], next: succeed("AlreadySaved") }],
    raw: { Comment: "raw fields are merged last" },
  });

  return flow.startWith(save);
}

/** The escape hatches: raw expressions of the workflow's own language with declared result types. */
export function escapeHatch(queryLanguage: QueryLanguage) {
  const flow = workflow("EscapeHatch", { input: typeOnly<{ readonly a: readonly number[]; readonly name: string }>(), queryLanguage });
  const first = queryLanguage === "JSONata" ? jsonata<number>("$states.input.a[0]") : jsonPath<number>("$.a[0]");
  const pick = flow.pass("Pick", {
    output: ($) => ({ first, name: queryLanguage === "JSONata" ? jsonata<string>`$uppercase(${$.input.name})` : $.input.name }),
  });
  return flow.startWith(flow.choice("Big?").when(() => first.gt(10), pick).otherwise(succeed("Small")));
}
