import { StatesError } from "../errors.ts";
import type { TaskHandler } from "../tasks/types.ts";
import { ObjectStoreError } from "./object-store.ts";
import type { ObjectStore } from "./object-store.ts";

/**
 * Task handlers for the S3 SDK integrations a workflow uses around a Distributed Map
 * (`arn:aws:states:::aws-sdk:s3:getObject`, `putObject`, `listObjectsV2`) on a local store, so
 * a Task can write the data an ItemReader reads, or read what a ResultWriter wrote. Spread them
 * into `tasks`. Results carry the fields workflows use, not every S3 response header.
 */
export function s3SdkTasks(store: ObjectStore): Record<string, TaskHandler> {
  return {
    "arn:aws:states:::aws-sdk:s3:getObject": async (input) => {
      const p = params(input);
      const bytes = await call(() => store.getObject(str(p, "Bucket"), str(p, "Key")));
      return { Body: new TextDecoder().decode(bytes), ContentLength: bytes.byteLength };
    },
    "arn:aws:states:::aws-sdk:s3:putObject": async (input) => {
      const p = params(input);
      const body = p["Body"] ?? "";
      const text = typeof body === "string" ? body : JSON.stringify(body);
      const bucket = str(p, "Bucket");
      const key = str(p, "Key");
      await call(() => store.putObject(bucket, key, text));
      const info = (await call(() => store.listObjectsV2(bucket, key))).find((o) => o.Key === key);
      return { ETag: info?.Etag ?? "" };
    },
    "arn:aws:states:::aws-sdk:s3:listObjectsV2": async (input) => {
      const p = params(input);
      const bucket = str(p, "Bucket");
      const prefix = p["Prefix"] === undefined ? "" : str(p, "Prefix");
      const objects = await call(() => store.listObjectsV2(bucket, prefix));
      return {
        Contents: objects.map((o) => ({ ETag: o.Etag, Key: o.Key, LastModified: new Date(o.LastModified * 1000).toISOString(), Size: o.Size, StorageClass: o.StorageClass })),
        IsTruncated: false,
        KeyCount: objects.length,
        MaxKeys: 1000,
        Name: bucket,
        Prefix: prefix,
      };
    },
  };
}

function params(input: unknown): Record<string, unknown> {
  return (input !== null && typeof input === "object" && !Array.isArray(input) ? input : {}) as Record<string, unknown>;
}

function str(p: Record<string, unknown>, key: string): string {
  const v = p[key];
  if (typeof v !== "string") throw new StatesError("States.Runtime", `The S3 call needs '${key}' (a string)`);
  return v;
}

/** SDK integrations name S3 errors `S3.<Code>Exception` (e.g. `S3.NoSuchKeyException`). */
async function call<T>(f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (e) {
    if (e instanceof ObjectStoreError) throw new StatesError(`S3.${e.code}Exception`, e.message);
    throw e;
  }
}
