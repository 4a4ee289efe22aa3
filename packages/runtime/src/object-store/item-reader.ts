import { isStatesError } from "../errors.ts";
import { csvItems, fileItems, objectText } from "./file-items.ts";
import type { ObjectStore } from "./object-store.ts";
import { readerConfig } from "./reader-config.ts";
import type { ReaderConfig } from "./reader-config.ts";
import { itemReaderFailed, storeFailureCause } from "./map-data-errors.ts";

/** A Map state's `ItemReader` as written in the definition. */
export interface ItemReaderDefinition {
  readonly Resource: string;
  readonly ReaderConfig?: unknown;
}

/** Per-read choices the engine makes. */
export interface ReadItemsOptions {
  /** `MaxItemsPath`, evaluated by the engine; replaces `ReaderConfig.MaxItems`. */
  readonly maxItems?: number;
}

const GET_OBJECT = /^arn:aws[a-zA-Z-]*:states:::s3:getObject$/;
const LIST_OBJECTS = /^arn:aws[a-zA-Z-]*:states:::s3:listObjectsV2$/;

/**
 * Reads a Distributed Map's items: `itemReader` is the definition's ItemReader, `parameters` its
 * `Parameters`/`Arguments` already evaluated (`Bucket`, `Key` or `Prefix`). Every failure is
 * States.ItemReaderFailed, which the Map state's Retry/Catch see.
 */
export async function readItems(
  itemReader: ItemReaderDefinition,
  parameters: unknown,
  store: ObjectStore,
  options: ReadItemsOptions = {},
): Promise<unknown[]> {
  const config = readerConfig(itemReader.ReaderConfig, options.maxItems);
  const params = objectParameters(parameters);
  const bucket = params["Bucket"];
  if (typeof bucket !== "string" || bucket === "") throw itemReaderFailed("The ItemReader Parameters must contain a 'Bucket' string.");
  let items: unknown[];
  if (LIST_OBJECTS.test(itemReader.Resource)) {
    const prefix = params["Prefix"] ?? "";
    if (typeof prefix !== "string") throw itemReaderFailed("The ItemReader Parameters 'Prefix' must be a string.");
    items = await listed(store, bucket, prefix, config);
  } else if (GET_OBJECT.test(itemReader.Resource)) {
    const key = params["Key"];
    if (typeof key !== "string" || key === "") throw itemReaderFailed("The ItemReader Parameters must contain a 'Key' string.");
    items = await fromObject(store, bucket, key, config);
  } else {
    throw itemReaderFailed(
      `The ItemReader resource '${itemReader.Resource}' is not supported: use arn:aws:states:::s3:getObject or arn:aws:states:::s3:listObjectsV2.`,
    );
  }
  return config.maxItems === undefined ? items : items.slice(0, config.maxItems);
}

function objectParameters(parameters: unknown): Record<string, unknown> {
  if (parameters === null || typeof parameters !== "object" || Array.isArray(parameters)) {
    throw itemReaderFailed("The ItemReader Parameters must be an object with 'Bucket' and 'Key' or 'Prefix'.");
  }
  return parameters as Record<string, unknown>;
}

async function get(store: ObjectStore, bucket: string, key: string): Promise<string> {
  return objectText(await getBytes(store, bucket, key));
}

async function getBytes(store: ObjectStore, bucket: string, key: string): Promise<Uint8Array> {
  try {
    return await store.getObject(bucket, key);
  } catch (e) {
    if (isStatesError(e)) throw e;
    throw itemReaderFailed(storeFailureCause(e, "GetObject", bucket, key));
  }
}

/** listObjectsV2: one item per object, or (LOAD_AND_FLATTEN) the items inside every object. */
async function listed(store: ObjectStore, bucket: string, prefix: string, config: ReaderConfig): Promise<unknown[]> {
  let objects;
  try {
    objects = await store.listObjectsV2(bucket, prefix);
  } catch (e) {
    throw itemReaderFailed(storeFailureCause(e, "ListObjectsV2", bucket, ""));
  }
  if (config.transformation === "NONE") return objects.map((o) => ({ Etag: o.Etag, Key: o.Key, LastModified: o.LastModified, Size: o.Size, StorageClass: o.StorageClass }));
  if (config.inputType === undefined) throw itemReaderFailed("Transformation LOAD_AND_FLATTEN needs ReaderConfig.InputType.");
  const out: unknown[] = [];
  for (const o of objects) {
    // Folder markers hold no data.
    if (o.Key.endsWith("/") && o.Size === 0) continue;
    out.push(...(await fileItems(await getBytes(store, bucket, o.Key), config.inputType, config, where(bucket, o.Key))));
    if (config.maxItems !== undefined && out.length >= config.maxItems) break;
  }
  return out;
}

async function fromObject(store: ObjectStore, bucket: string, key: string, config: ReaderConfig): Promise<unknown[]> {
  if (config.manifestType === "ATHENA_DATA") return athenaItems(store, bucket, key, config);
  const bytes = await getBytes(store, bucket, key);
  if (config.inputType === "MANIFEST") return inventoryItems(store, objectText(bytes), where(bucket, key), config);
  return fileItems(bytes, config.inputType, config, where(bucket, key));
}

/**
 * An S3 Inventory manifest.json: its `files` are CSV (optionally gzipped) in the destination
 * bucket, their columns named by `fileSchema`; each row becomes an item.
 */
async function inventoryItems(store: ObjectStore, text: string, at: string, config: ReaderConfig): Promise<unknown[]> {
  let manifest: unknown;
  try {
    manifest = JSON.parse(text) as unknown;
  } catch {
    throw itemReaderFailed(`The S3 inventory manifest ${at} is not valid JSON.`);
  }
  const m = (manifest ?? {}) as Record<string, unknown>;
  if (m["fileFormat"] !== "CSV") {
    throw itemReaderFailed(`The S3 inventory manifest ${at} has fileFormat ${JSON.stringify(m["fileFormat"])}; only CSV inventories are supported.`);
  }
  const schema = m["fileSchema"];
  const files = m["files"];
  const destination = m["destinationBucket"];
  if (typeof schema !== "string" || !Array.isArray(files) || typeof destination !== "string") {
    throw itemReaderFailed(`The S3 inventory manifest ${at} needs 'destinationBucket', 'fileSchema' and 'files'.`);
  }
  const bucket = destination.replace(/^arn:aws[a-zA-Z-]*:s3:::/, "");
  const headers = schema.split(",").map((h) => h.trim());
  const out: unknown[] = [];
  for (const file of files) {
    const key = (file as Record<string, unknown> | null)?.["key"];
    if (typeof key !== "string") throw itemReaderFailed(`Every file of the S3 inventory manifest ${at} needs a 'key'.`);
    out.push(...csvItems(await get(store, bucket, key), { delimiter: ",", headerLocation: "GIVEN", headers }, where(bucket, key)));
    if (config.maxItems !== undefined && out.length >= config.maxItems) break;
  }
  return out;
}

/** An Athena manifest: one `s3://bucket/key` per line, each a data file of `InputType`. */
async function athenaItems(store: ObjectStore, bucket: string, key: string, config: ReaderConfig): Promise<unknown[]> {
  const text = await get(store, bucket, key);
  const out: unknown[] = [];
  for (const line of text.split(/\r?\n/)) {
    const uri = line.trim();
    if (uri === "") continue;
    const m = /^s3:\/\/([^/]+)\/(.+)$/.exec(uri);
    if (!m) throw itemReaderFailed(`The Athena manifest ${where(bucket, key)} lists '${uri}', which is not an s3://bucket/key URI.`);
    out.push(...(await fileItems(await getBytes(store, m[1]!, m[2]!), config.inputType, config, uri)));
    if (config.maxItems !== undefined && out.length >= config.maxItems) break;
  }
  return out;
}

function where(bucket: string, key: string): string {
  return `s3://${bucket}/${key}`;
}
