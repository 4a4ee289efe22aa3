import { createHash } from "node:crypto";
import { bodyBytes, checkBucketName, checkKey, noSuchBucket, noSuchKey } from "./object-store.ts";
import type { ObjectStore, StoredObjectInfo } from "./object-store.ts";

interface Entry {
  readonly body: Uint8Array;
  readonly info: StoredObjectInfo;
}

/** Options of an {@link InMemoryObjectStore}. */
export interface InMemoryObjectStoreOptions {
  /** Objects to start with: bucket → key → body. @default {} */
  readonly objects?: Readonly<Record<string, Readonly<Record<string, Uint8Array | string>>>>;
  /** Milliseconds since the epoch stamped as LastModified (a virtual clock's `now`). @default Date.now */
  readonly now?: () => number;
}

/** An object store held in memory: buckets exist once something is put into them (or seeded). */
export class InMemoryObjectStore implements ObjectStore {
  private readonly buckets = new Map<string, Map<string, Entry>>();
  private readonly now: () => number;

  constructor(options: InMemoryObjectStoreOptions = {}) {
    this.now = options.now ?? Date.now;
    for (const [bucket, objects] of Object.entries(options.objects ?? {})) {
      checkBucketName(bucket);
      const map = new Map<string, Entry>();
      this.buckets.set(bucket, map);
      for (const [key, body] of Object.entries(objects)) this.store(map, key, body);
    }
  }

  /** Creates an empty bucket (listing a bucket that was never created fails, as in S3). */
  createBucket(bucket: string): void {
    checkBucketName(bucket);
    if (!this.buckets.has(bucket)) this.buckets.set(bucket, new Map());
  }

  getObject(bucket: string, key: string): Promise<Uint8Array> {
    const map = this.buckets.get(bucket);
    if (map === undefined) return Promise.reject(noSuchBucket(bucket));
    const entry = map.get(key);
    // A copy: callers must not change what is stored.
    return entry === undefined ? Promise.reject(noSuchKey(bucket, key)) : Promise.resolve(entry.body.slice());
  }

  putObject(bucket: string, key: string, body: Uint8Array | string): Promise<void> {
    try {
      checkBucketName(bucket);
      let map = this.buckets.get(bucket);
      if (map === undefined) {
        map = new Map();
        this.buckets.set(bucket, map);
      }
      this.store(map, key, body);
      return Promise.resolve();
    } catch (e) {
      return Promise.reject(e);
    }
  }

  listObjectsV2(bucket: string, prefix = ""): Promise<StoredObjectInfo[]> {
    const map = this.buckets.get(bucket);
    if (map === undefined) return Promise.reject(noSuchBucket(bucket));
    const keys = [...map.keys()].filter((k) => k.startsWith(prefix)).sort(compareKeys);
    return Promise.resolve(keys.map((k) => map.get(k)!.info));
  }

  private store(map: Map<string, Entry>, key: string, body: Uint8Array | string): void {
    checkKey(key);
    const bytes = bodyBytes(body).slice();
    map.set(key, { body: bytes, info: objectInfo(key, bytes, this.now()) });
  }
}

/** Listing metadata of one object. */
export function objectInfo(key: string, bytes: Uint8Array, modifiedMs: number): StoredObjectInfo {
  return {
    Key: key,
    Etag: `"${createHash("md5").update(bytes).digest("hex")}"`,
    LastModified: Math.floor(modifiedMs / 1000),
    Size: bytes.byteLength,
    StorageClass: "STANDARD",
  };
}

/** S3 lists keys in UTF-8 binary order, which is not JavaScript's UTF-16 order. */
export function compareKeys(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
}
