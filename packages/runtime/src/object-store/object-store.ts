/** One stored object as listObjectsV2 and a Distributed Map's S3 listing see it. */
export interface StoredObjectInfo {
  readonly Key: string;
  /** Quoted hex MD5 of the body, as S3 reports an unencrypted single-part upload. */
  readonly Etag: string;
  /** Epoch seconds (what the Map state's listObjectsV2 items carry). */
  readonly LastModified: number;
  readonly Size: number;
  readonly StorageClass: string;
}

/**
 * The few S3 calls the runtime makes (ItemReader, ResultWriter): a local stand-in for a bucket
 * tree, so Distributed Map data can come from memory or a directory instead of AWS.
 */
export interface ObjectStore {
  /** The object's bytes; rejects with an {@link ObjectStoreError} (`NoSuchKey`, `NoSuchBucket`). */
  getObject(bucket: string, key: string): Promise<Uint8Array>;
  /** Creates or replaces an object (creating the bucket in local stores). */
  putObject(bucket: string, key: string, body: Uint8Array | string): Promise<void>;
  /** Every object whose key starts with `prefix`, in key order (no paging: local data is small). */
  listObjectsV2(bucket: string, prefix?: string): Promise<StoredObjectInfo[]>;
}

/** S3's error codes for the calls above. */
export type ObjectStoreErrorCode = "NoSuchKey" | "NoSuchBucket" | "InvalidBucketName" | "InvalidKey";

/** A failed store call, named like the S3 error (`S3.NoSuchKeyException` in SDK integrations). */
export class ObjectStoreError extends Error {
  override readonly name = "ObjectStoreError";

  constructor(
    readonly code: ObjectStoreErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** S3's rule of thumb for names a local store can map safely: 3–63 lowercase letters, digits, dots, hyphens. */
const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/** Throws `InvalidBucketName` for names S3 would refuse (and that could escape a directory store). */
export function checkBucketName(bucket: string): void {
  if (!BUCKET_NAME.test(bucket) || bucket.includes("..")) {
    throw new ObjectStoreError("InvalidBucketName", `The specified bucket is not valid: '${bucket}'`);
  }
}

/** Throws `InvalidKey` for an empty key or one over S3's 1,024-byte limit. */
export function checkKey(key: string): void {
  if (key === "" || Buffer.byteLength(key, "utf8") > 1024) {
    throw new ObjectStoreError("InvalidKey", `The specified key is not valid: '${key}'`);
  }
}

export function noSuchKey(bucket: string, key: string): ObjectStoreError {
  return new ObjectStoreError("NoSuchKey", `The specified key does not exist. (Bucket: ${bucket}, Key: ${key})`);
}

export function noSuchBucket(bucket: string): ObjectStoreError {
  return new ObjectStoreError("NoSuchBucket", `The specified bucket does not exist. (Bucket: ${bucket})`);
}

/** Bytes of a body given as text or bytes. */
export function bodyBytes(body: Uint8Array | string): Uint8Array {
  return typeof body === "string" ? new TextEncoder().encode(body) : body;
}
