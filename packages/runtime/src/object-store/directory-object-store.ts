import { mkdir, readFile, readdir, stat, writeFile } from "node:fs/promises";
import { dirname, join, relative, resolve, sep } from "node:path";
import { bodyBytes, checkBucketName, checkKey, noSuchBucket, noSuchKey, ObjectStoreError } from "./object-store.ts";
import type { ObjectStore, StoredObjectInfo } from "./object-store.ts";
import { compareKeys, objectInfo } from "./memory-object-store.ts";

/**
 * An object store on disk: `<root>/<bucket>/<key>`, a key's slashes becoming directories. Lets
 * fixtures live as plain files (CSV, JSONL, manifests) and keeps what a ResultWriter wrote.
 */
export class DirectoryObjectStore implements ObjectStore {
  private readonly root: string;

  /** @param root the directory holding one subdirectory per bucket */
  constructor(root: string) {
    this.root = resolve(root);
  }

  async getObject(bucket: string, key: string): Promise<Uint8Array> {
    const file = this.fileOf(bucket, key);
    try {
      return new Uint8Array(await readFile(file));
    } catch (e) {
      if (isMissing(e) || isDirectory(e)) {
        throw (await this.bucketExists(bucket)) ? noSuchKey(bucket, key) : noSuchBucket(bucket);
      }
      throw e;
    }
  }

  async putObject(bucket: string, key: string, body: Uint8Array | string): Promise<void> {
    const file = this.fileOf(bucket, key);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, bodyBytes(body));
  }

  async listObjectsV2(bucket: string, prefix = ""): Promise<StoredObjectInfo[]> {
    checkBucketName(bucket);
    const dir = join(this.root, bucket);
    if (!(await this.bucketExists(bucket))) throw noSuchBucket(bucket);
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    const out: StoredObjectInfo[] = [];
    for (const entry of entries) {
      if (!entry.isFile()) continue;
      const file = join(entry.parentPath, entry.name);
      const key = relative(dir, file).split(sep).join("/");
      if (!key.startsWith(prefix)) continue;
      const [bytes, info] = await Promise.all([readFile(file), stat(file)]);
      out.push(objectInfo(key, new Uint8Array(bytes), info.mtimeMs));
    }
    return out.sort((a, b) => compareKeys(a.Key, b.Key));
  }

  private async bucketExists(bucket: string): Promise<boolean> {
    try {
      return (await stat(join(this.root, bucket))).isDirectory();
    } catch {
      return false;
    }
  }

  /** The file for a key, refusing keys that would leave the bucket's directory. */
  private fileOf(bucket: string, key: string): string {
    checkBucketName(bucket);
    checkKey(key);
    const dir = join(this.root, bucket);
    const file = resolve(dir, key);
    if (!file.startsWith(dir + sep) || key.endsWith("/")) {
      throw new ObjectStoreError("InvalidKey", `The key '${key}' cannot be stored in a directory-backed store`);
    }
    return file;
  }
}

function isMissing(e: unknown): boolean {
  return e instanceof Error && (e as NodeJS.ErrnoException).code === "ENOENT";
}

function isDirectory(e: unknown): boolean {
  return e instanceof Error && (e as NodeJS.ErrnoException).code === "EISDIR";
}
