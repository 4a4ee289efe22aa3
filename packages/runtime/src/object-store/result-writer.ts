import { isStatesError } from "../errors.ts";
import type { ObjectStore } from "./object-store.ts";
import { resultWriterFailed, storeFailureCause } from "./map-data-errors.ts";

/** How one child workflow execution of a Map Run ended (PENDING: never started). */
export interface MapChildResult {
  readonly status: "SUCCEEDED" | "FAILED" | "TIMED_OUT" | "ABORTED" | "PENDING";
  readonly input: unknown;
  /** The output (SUCCEEDED). */
  readonly output?: unknown;
  readonly error?: string;
  readonly cause?: string;
  /** Epoch milliseconds. */
  readonly startDate?: number;
  readonly stopDate?: number;
  /** Child execution name. @default a name derived from the map run and the index */
  readonly name?: string;
}

/** A Map state's `ResultWriter`, its `Parameters`/`Arguments` evaluated by the engine. */
export interface ResultWriterDefinition {
  readonly Resource?: string;
  readonly Parameters?: unknown;
  readonly Arguments?: unknown;
  readonly WriterConfig?: unknown;
}

/** What the Map state outputs when results went to S3. */
export interface ResultWriterOutput {
  readonly MapRunArn: string;
  readonly ResultWriterDetails: { readonly Bucket: string; readonly Key: string };
}

type Transformation = "NONE" | "COMPACT" | "FLATTEN";
type OutputType = "JSON" | "JSONL";

const PUT_OBJECT = /^arn:aws[a-zA-Z-]*:states:::s3:putObject$/;

/**
 * Applies a Map state's ResultWriter to its children's results: with `Resource` it writes
 * `<Prefix>/<map run id>/manifest.json` and `SUCCEEDED_0.json` / `FAILED_0.json` / `PENDING_0.json`
 * (only those with entries) and returns `{ MapRunArn, ResultWriterDetails }`; with only
 * `WriterConfig` it returns the transformed results (AWS's preview form). Failures are
 * States.ResultWriterFailed.
 */
export async function writeResults(
  resultWriter: ResultWriterDefinition,
  results: readonly MapChildResult[],
  store: ObjectStore,
  mapRunArn: string,
): Promise<ResultWriterOutput | unknown[]> {
  const config = writerConfig(resultWriter.WriterConfig, resultWriter.Resource !== undefined);
  const records = results.map((r, i) => childRecord(r, i, mapRunArn));
  if (resultWriter.Resource === undefined) {
    return results.map((r, i) => transform(r, records[i]!, config.transformation)).flatMap((x) => x);
  }
  if (!PUT_OBJECT.test(resultWriter.Resource)) {
    throw resultWriterFailed(`The ResultWriter resource '${resultWriter.Resource}' is not supported: use arn:aws:states:::s3:putObject.`);
  }
  const params = (resultWriter.Arguments ?? resultWriter.Parameters ?? {}) as Record<string, unknown>;
  const bucket = params["Bucket"];
  const prefix = params["Prefix"] ?? "";
  if (typeof bucket !== "string" || bucket === "") throw resultWriterFailed("The ResultWriter Parameters must contain a 'Bucket' string.");
  if (typeof prefix !== "string") throw resultWriterFailed("The ResultWriter Parameters 'Prefix' must be a string.");
  const runId = mapRunArn.slice(mapRunArn.lastIndexOf(":") + 1);
  const base = `${prefix === "" || prefix.endsWith("/") ? prefix : `${prefix}/`}${runId}/`;
  const extension = config.outputType === "JSONL" ? "jsonl" : "json";
  const resultFiles: Record<string, { Key: string; Size: number }[]> = { FAILED: [], PENDING: [], SUCCEEDED: [] };
  for (const group of ["SUCCEEDED", "FAILED", "PENDING"] as const) {
    const entries: unknown[] = [];
    results.forEach((r, i) => {
      if (groupOf(r.status) === group) entries.push(...transform(r, records[i]!, config.transformation));
    });
    if (entries.length === 0) continue;
    const body = config.outputType === "JSONL" ? entries.map((e) => JSON.stringify(e)).join("\n") + "\n" : JSON.stringify(entries);
    const key = `${base}${group}_0.${extension}`;
    await put(store, bucket, key, body);
    resultFiles[group]!.push({ Key: key, Size: Buffer.byteLength(body, "utf8") });
  }
  const manifestKey = `${base}manifest.json`;
  const manifest = { DestinationBucket: bucket, MapRunArn: mapRunArn, ResultFiles: resultFiles };
  await put(store, bucket, manifestKey, JSON.stringify(manifest));
  return { MapRunArn: mapRunArn, ResultWriterDetails: { Bucket: bucket, Key: manifestKey } };
}

async function put(store: ObjectStore, bucket: string, key: string, body: string): Promise<void> {
  try {
    await store.putObject(bucket, key, body);
  } catch (e) {
    if (isStatesError(e)) throw e;
    throw resultWriterFailed(storeFailureCause(e, "PutObject", bucket, key));
  }
}

function groupOf(status: MapChildResult["status"]): "SUCCEEDED" | "FAILED" | "PENDING" {
  return status === "SUCCEEDED" ? "SUCCEEDED" : status === "PENDING" ? "PENDING" : "FAILED";
}

function writerConfig(raw: unknown, exporting: boolean): { transformation: Transformation; outputType: OutputType } {
  // Exporting without WriterConfig keeps the whole record (NONE); a preview defaults to COMPACT.
  if (raw === undefined) return { transformation: exporting ? "NONE" : "COMPACT", outputType: "JSON" };
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) throw resultWriterFailed("WriterConfig must be an object.");
  const c = raw as Record<string, unknown>;
  const transformation = c["Transformation"] ?? (exporting ? "NONE" : "COMPACT");
  if (transformation !== "NONE" && transformation !== "COMPACT" && transformation !== "FLATTEN") {
    throw resultWriterFailed(`WriterConfig.Transformation must be NONE, COMPACT or FLATTEN; got ${JSON.stringify(transformation)}.`);
  }
  const outputType = c["OutputType"] ?? "JSON";
  if (outputType !== "JSON" && outputType !== "JSONL") {
    throw resultWriterFailed(`WriterConfig.OutputType must be JSON or JSONL; got ${JSON.stringify(outputType)}.`);
  }
  return { transformation, outputType };
}

/** A child's entry: its record (NONE, and always for failures), its output, or its output's elements. */
function transform(result: MapChildResult, record: Record<string, unknown>, transformation: Transformation): unknown[] {
  if (transformation === "NONE" || result.status !== "SUCCEEDED") return [record];
  const output = result.output ?? null;
  return transformation === "FLATTEN" && Array.isArray(output) ? output : [output];
}

/** The DescribeExecution-shaped record AWS writes for one child execution. */
function childRecord(r: MapChildResult, index: number, mapRunArn: string): Record<string, unknown> {
  const executionBase = mapRunArn.replace(":mapRun:", ":execution:");
  const runId = mapRunArn.slice(mapRunArn.lastIndexOf(":") + 1);
  const name = r.name ?? `${runId.slice(0, 8)}-${String(index).padStart(4, "0")}`;
  const record: Record<string, unknown> = {};
  if (r.cause !== undefined) record["Cause"] = r.cause;
  if (r.error !== undefined) record["Error"] = r.error;
  record["ExecutionArn"] = `${executionBase.slice(0, executionBase.lastIndexOf(":"))}:${name}`;
  record["Input"] = JSON.stringify(r.input ?? {});
  record["InputDetails"] = { Included: true };
  record["Name"] = name;
  if (r.status === "SUCCEEDED") {
    record["Output"] = JSON.stringify(r.output ?? null);
    record["OutputDetails"] = { Included: true };
  }
  record["RedriveCount"] = 0;
  record["RedriveStatus"] = r.status === "SUCCEEDED" ? "NOT_REDRIVABLE" : "REDRIVABLE";
  if (r.status === "SUCCEEDED") record["RedriveStatusReason"] = "Execution is SUCCEEDED and cannot be redriven";
  if (r.startDate !== undefined) record["StartDate"] = new Date(r.startDate).toISOString();
  record["StateMachineArn"] = mapRunArn.slice(0, mapRunArn.lastIndexOf(":")).replace(":mapRun:", ":stateMachine:");
  record["Status"] = r.status;
  if (r.stopDate !== undefined) record["StopDate"] = new Date(r.stopDate).toISOString();
  return record;
}
