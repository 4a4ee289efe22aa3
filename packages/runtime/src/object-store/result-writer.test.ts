import { describe, expect, test } from "vitest";
import { StatesError } from "../errors.ts";
import { InMemoryObjectStore } from "./memory-object-store.ts";
import { ObjectStoreError } from "./object-store.ts";
import type { ObjectStore } from "./object-store.ts";
import { writeResults } from "./result-writer.ts";
import type { MapChildResult } from "./result-writer.ts";

const RUN = "arn:aws:states:us-east-1:123456789012:mapRun:orders/Fan:0b1d2c3e-1111-2222-3333-444455556666";
const PUT = "arn:aws:states:::s3:putObject";
const T0 = Date.UTC(2025, 0, 1);

const results: MapChildResult[] = [
  { status: "SUCCEEDED", input: { id: 1 }, output: [1, 2], startDate: T0, stopDate: T0 + 1000, name: "c-1" },
  { status: "FAILED", input: { id: 2 }, error: "Boom", cause: "bad", startDate: T0, stopDate: T0 + 2000, name: "c-2" },
  { status: "PENDING", input: { id: 3 } },
];

async function text(store: ObjectStore, key: string): Promise<string> {
  return new TextDecoder().decode(await store.getObject("results-bucket", key));
}

describe("writeResults", () => {
  test("writes manifest.json and one file per outcome under Prefix/<map run id>/", async () => {
    const store = new InMemoryObjectStore();
    const out = await writeResults({ Resource: PUT, Parameters: { Bucket: "results-bucket", Prefix: "runs" } }, results, store, RUN);
    const dir = "runs/0b1d2c3e-1111-2222-3333-444455556666/";
    expect(out).toEqual({ MapRunArn: RUN, ResultWriterDetails: { Bucket: "results-bucket", Key: `${dir}manifest.json` } });
    const manifest = JSON.parse(await text(store, `${dir}manifest.json`)) as Record<string, unknown>;
    const succeeded = await text(store, `${dir}SUCCEEDED_0.json`);
    expect(manifest).toEqual({
      DestinationBucket: "results-bucket",
      MapRunArn: RUN,
      ResultFiles: {
        FAILED: [{ Key: `${dir}FAILED_0.json`, Size: expect.any(Number) }],
        PENDING: [{ Key: `${dir}PENDING_0.json`, Size: expect.any(Number) }],
        SUCCEEDED: [{ Key: `${dir}SUCCEEDED_0.json`, Size: Buffer.byteLength(succeeded) }],
      },
    });
    expect(JSON.parse(succeeded)).toEqual([
      {
        ExecutionArn: "arn:aws:states:us-east-1:123456789012:execution:orders/Fan:c-1",
        Input: '{"id":1}',
        InputDetails: { Included: true },
        Name: "c-1",
        Output: "[1,2]",
        OutputDetails: { Included: true },
        RedriveCount: 0,
        RedriveStatus: "NOT_REDRIVABLE",
        RedriveStatusReason: "Execution is SUCCEEDED and cannot be redriven",
        StartDate: "2025-01-01T00:00:00.000Z",
        StateMachineArn: "arn:aws:states:us-east-1:123456789012:stateMachine:orders/Fan",
        Status: "SUCCEEDED",
        StopDate: "2025-01-01T00:00:01.000Z",
      },
    ]);
    expect(JSON.parse(await text(store, `${dir}FAILED_0.json`))).toEqual([expect.objectContaining({ Cause: "bad", Error: "Boom", Status: "FAILED", RedriveStatus: "REDRIVABLE" })]);
    expect(JSON.parse(await text(store, `${dir}PENDING_0.json`))).toEqual([expect.objectContaining({ Status: "PENDING", Input: '{"id":3}' })]);
  });

  test("only outcomes with entries get a file; a prefix ending in / is not doubled", async () => {
    const store = new InMemoryObjectStore();
    await writeResults({ Resource: PUT, Arguments: { Bucket: "results-bucket", Prefix: "p/" } }, [results[0]!], store, RUN);
    const keys = (await store.listObjectsV2("results-bucket")).map((o) => o.Key);
    expect(keys).toEqual(["p/0b1d2c3e-1111-2222-3333-444455556666/SUCCEEDED_0.json", "p/0b1d2c3e-1111-2222-3333-444455556666/manifest.json"]);
  });

  test("COMPACT and FLATTEN write outputs (failures stay whole); JSONL writes lines", async () => {
    const store = new InMemoryObjectStore();
    const dir = "0b1d2c3e-1111-2222-3333-444455556666/";
    await writeResults({ Resource: PUT, Parameters: { Bucket: "results-bucket" }, WriterConfig: { Transformation: "COMPACT" } }, results, store, RUN);
    expect(JSON.parse(await text(store, `${dir}SUCCEEDED_0.json`))).toEqual([[1, 2]]);
    await writeResults({ Resource: PUT, Parameters: { Bucket: "results-bucket" }, WriterConfig: { Transformation: "FLATTEN", OutputType: "JSONL" } }, results, store, RUN);
    expect(await text(store, `${dir}SUCCEEDED_0.jsonl`)).toBe("1\n2\n");
    expect(JSON.parse((await text(store, `${dir}FAILED_0.jsonl`)).trim())).toMatchObject({ Error: "Boom" });
  });

  test("WriterConfig alone returns the transformed results without writing", async () => {
    const store = new InMemoryObjectStore();
    expect(await writeResults({ WriterConfig: { Transformation: "FLATTEN" } }, [results[0]!, { status: "SUCCEEDED", input: {}, output: "x" }], store, RUN)).toEqual([1, 2, "x"]);
    expect(await writeResults({ WriterConfig: {} }, [results[0]!], store, RUN)).toEqual([[1, 2]]);
    expect(await writeResults({ WriterConfig: { Transformation: "NONE" } }, [results[0]!], store, RUN)).toEqual([expect.objectContaining({ Output: "[1,2]" })]);
  });

  test.each([
    ["a bad Transformation", { Resource: PUT, Parameters: { Bucket: "results-bucket" }, WriterConfig: { Transformation: "X" } }, 'WriterConfig.Transformation must be NONE, COMPACT or FLATTEN; got "X".'],
    ["a bad OutputType", { WriterConfig: { OutputType: "CSV" } }, 'WriterConfig.OutputType must be JSON or JSONL; got "CSV".'],
    ["a WriterConfig that is not an object", { WriterConfig: 1 }, "WriterConfig must be an object."],
    ["another resource", { Resource: "arn:aws:states:::s3:getObject", Parameters: { Bucket: "results-bucket" } }, "The ResultWriter resource 'arn:aws:states:::s3:getObject' is not supported: use arn:aws:states:::s3:putObject."],
    ["no Bucket", { Resource: PUT, Parameters: {} }, "The ResultWriter Parameters must contain a 'Bucket' string."],
    ["a bad Prefix", { Resource: PUT, Parameters: { Bucket: "results-bucket", Prefix: 3 } }, "The ResultWriter Parameters 'Prefix' must be a string."],
    ["an invalid bucket", { Resource: PUT, Parameters: { Bucket: "Bad_Bucket" } }, "S3 PutObject failed for bucket 'Bad_Bucket' and key '0b1d2c3e-1111-2222-3333-444455556666/SUCCEEDED_0.json': InvalidBucketName: The specified bucket is not valid: 'Bad_Bucket'"],
  ])("%s fails with States.ResultWriterFailed", async (_name, writer, cause) => {
    const err = await writeResults(writer, [results[0]!], new InMemoryObjectStore(), RUN).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(StatesError);
    expect(err).toMatchObject({ error: "States.ResultWriterFailed", cause });
  });

  test("a store that throws something other than an ObjectStoreError", async () => {
    const store: ObjectStore = {
      getObject: () => Promise.reject(new ObjectStoreError("NoSuchKey", "x")),
      listObjectsV2: () => Promise.resolve([]),
      putObject: () => Promise.reject(new Error("disk full")),
    };
    await expect(writeResults({ Resource: PUT, Parameters: { Bucket: "results-bucket" } }, [results[0]!], store, RUN)).rejects.toMatchObject({
      error: "States.ResultWriterFailed",
      cause: "S3 PutObject failed for bucket 'results-bucket' and key '0b1d2c3e-1111-2222-3333-444455556666/SUCCEEDED_0.json': disk full",
    });
  });
});
