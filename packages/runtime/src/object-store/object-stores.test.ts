import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { DirectoryObjectStore } from "./directory-object-store.ts";
import { InMemoryObjectStore } from "./memory-object-store.ts";
import { ObjectStoreError } from "./object-store.ts";
import type { ObjectStore } from "./object-store.ts";

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

const stores: [string, () => Promise<ObjectStore>][] = [
  ["in memory", () => Promise.resolve(new InMemoryObjectStore({ now: () => Date.UTC(2025, 0, 1) }))],
  [
    "directory",
    async () => {
      const dir = await mkdtemp(join(tmpdir(), "stepcraft-store-"));
      dirs.push(dir);
      return new DirectoryObjectStore(dir);
    },
  ],
];

describe.each(stores)("%s object store", (_name, make) => {
  test("stores, reads and lists objects in key order with S3 metadata", async () => {
    const store = await make();
    await store.putObject("data-bucket", "in/b.json", "[1]");
    await store.putObject("data-bucket", "in/a.json", new TextEncoder().encode("[2,3]"));
    await store.putObject("data-bucket", "other.txt", "x");
    expect(new TextDecoder().decode(await store.getObject("data-bucket", "in/a.json"))).toBe("[2,3]");
    const listed = await store.listObjectsV2("data-bucket", "in/");
    expect(listed.map((o) => o.Key)).toEqual(["in/a.json", "in/b.json"]);
    expect(listed[0]).toMatchObject({ Etag: expect.stringMatching(/^"[0-9a-f]{32}"$/), Size: 5, StorageClass: "STANDARD" });
    expect(Number.isInteger(listed[0]!.LastModified)).toBe(true);
    expect((await store.listObjectsV2("data-bucket")).length).toBe(3);
  });

  test("a missing key and a missing bucket fail with S3's codes", async () => {
    const store = await make();
    await store.putObject("data-bucket", "a", "1");
    await expect(store.getObject("data-bucket", "nope")).rejects.toMatchObject({ code: "NoSuchKey" });
    await expect(store.getObject("no-bucket", "a")).rejects.toMatchObject({ code: "NoSuchBucket" });
    await expect(store.listObjectsV2("no-bucket")).rejects.toBeInstanceOf(ObjectStoreError);
  });

  test("invalid bucket names and keys are refused", async () => {
    const store = await make();
    await expect(store.putObject("Bad_Bucket", "a", "1")).rejects.toMatchObject({ code: "InvalidBucketName" });
    await expect(store.putObject("data-bucket", "", "1")).rejects.toMatchObject({ code: "InvalidKey" });
  });
});

describe("directory object store", () => {
  test("keys cannot escape the bucket directory", async () => {
    const dir = await mkdtemp(join(tmpdir(), "stepcraft-store-"));
    dirs.push(dir);
    const store = new DirectoryObjectStore(dir);
    await expect(store.putObject("data-bucket", "../../etc/passwd", "x")).rejects.toMatchObject({ code: "InvalidKey" });
    await expect(store.getObject("data-bucket", "dir/")).rejects.toMatchObject({ code: "InvalidKey" });
  });

  test("a key naming a folder is NoSuchKey", async () => {
    const dir = await mkdtemp(join(tmpdir(), "stepcraft-store-"));
    dirs.push(dir);
    const store = new DirectoryObjectStore(dir);
    await store.putObject("data-bucket", "folder/file.json", "[]");
    await expect(store.getObject("data-bucket", "folder")).rejects.toMatchObject({ code: "NoSuchKey" });
  });
});

describe("in-memory object store", () => {
  test("seeded objects are listed; an empty created bucket lists nothing", async () => {
    const store = new InMemoryObjectStore({ objects: { "seed-bucket": { "k.txt": "hello" } } });
    store.createBucket("empty-bucket");
    expect((await store.listObjectsV2("seed-bucket"))[0]).toMatchObject({ Key: "k.txt", Size: 5 });
    expect(await store.listObjectsV2("empty-bucket")).toEqual([]);
    expect(() => store.createBucket("x")).toThrow(ObjectStoreError);
  });

  test("callers cannot change stored bytes", async () => {
    const store = new InMemoryObjectStore();
    await store.putObject("data-bucket", "k", "abc");
    const bytes = await store.getObject("data-bucket", "k");
    bytes[0] = 0;
    expect(new TextDecoder().decode(await store.getObject("data-bucket", "k"))).toBe("abc");
    expect((await store.listObjectsV2("data-bucket"))[0]!.Etag).toBe('"900150983cd24fb0d6963f7d28e17f72"');
  });
});
