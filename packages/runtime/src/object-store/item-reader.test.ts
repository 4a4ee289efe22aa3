import { gzipSync } from "node:zlib";
import { describe, expect, test } from "vitest";
import { StatesError } from "../errors.ts";
import { readItems } from "./item-reader.ts";
import { InMemoryObjectStore } from "./memory-object-store.ts";

const GET = "arn:aws:states:::s3:getObject";
const LIST = "arn:aws:states:::s3:listObjectsV2";

function store(objects: Record<string, string | Uint8Array>): InMemoryObjectStore {
  return new InMemoryObjectStore({ objects: { "data-bucket": objects }, now: () => Date.UTC(2025, 0, 1, 0, 0, 0) });
}

async function failure(p: Promise<unknown>): Promise<{ error: string; cause: string }> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(StatesError);
    const err = e as StatesError;
    return { error: err.error, cause: err.cause };
  }
  throw new Error("expected a failure");
}

describe("CSV", () => {
  const csv = 'id,name,note\n1,Ann,"likes, commas"\n2,Bob,\n';
  test("FIRST_ROW headers key every row; values stay strings", async () => {
    const items = await readItems({ Resource: GET, ReaderConfig: { InputType: "CSV", CSVHeaderLocation: "FIRST_ROW" } }, { Bucket: "data-bucket", Key: "a.csv" }, store({ "a.csv": csv }));
    expect(items).toEqual([
      { id: "1", name: "Ann", note: "likes, commas" },
      { id: "2", name: "Bob", note: "" },
    ]);
  });

  test("GIVEN headers read the first row as data", async () => {
    const items = await readItems(
      { Resource: GET, ReaderConfig: { InputType: "CSV", CSVHeaderLocation: "GIVEN", CSVHeaders: ["a", "b", "c"] } },
      { Bucket: "data-bucket", Key: "a.csv" },
      store({ "a.csv": csv }),
    );
    expect(items[0]).toEqual({ a: "id", b: "name", c: "note" });
    expect(items).toHaveLength(3);
  });

  test.each([
    ["PIPE", "a|b\n1|2\n"],
    ["SEMICOLON", "a;b\n1;2\n"],
    ["SPACE", "a b\n1 2\n"],
    ["TAB", "a\tb\n1\t2\n"],
  ])("CSVDelimiter %s", async (delimiter, text) => {
    const items = await readItems({ Resource: GET, ReaderConfig: { InputType: "CSV", CSVDelimiter: delimiter } }, { Bucket: "data-bucket", Key: "d.csv" }, store({ "d.csv": text }));
    expect(items).toEqual([{ a: "1", b: "2" }]);
  });

  test.each([
    ["duplicate header row", {}, "a,a\n1,2\n", "CSV headers cannot contain duplicates."],
    ["duplicate given headers", { CSVHeaderLocation: "GIVEN", CSVHeaders: ["x", "x"] }, "1,2\n", "CSV headers cannot contain duplicates."],
    ["GIVEN without headers", { CSVHeaderLocation: "GIVEN" }, "1\n", "CSVHeaders must be a non-empty array of strings when CSVHeaderLocation is GIVEN."],
    ["headers with FIRST_ROW", { CSVHeaders: ["x"] }, "1\n", "CSVHeaders can only be given when CSVHeaderLocation is GIVEN."],
    ["bad header location", { CSVHeaderLocation: "LAST_ROW" }, "1\n", 'CSVHeaderLocation must be FIRST_ROW or GIVEN; got "LAST_ROW".'],
    ["bad delimiter", { CSVDelimiter: "COLON" }, "1\n", 'CSVDelimiter must be one of COMMA, PIPE, SEMICOLON, SPACE, TAB; got "COLON".'],
    ["empty file", {}, "", "The CSV object s3://data-bucket/f.csv has no header row."],
    ["a row longer than the header", {}, "a\n1,2\n", "Row 1 of the CSV object s3://data-bucket/f.csv has 2 fields but there are 1 headers."],
    ["an unclosed quote", {}, 'a\n"1\n', "The CSV object s3://data-bucket/f.csv could not be parsed: A quoted field is not closed (line 3)"],
  ])("%s fails with States.ItemReaderFailed", async (_name, config, text, cause) => {
    const f = await failure(readItems({ Resource: GET, ReaderConfig: { InputType: "CSV", ...config } }, { Bucket: "data-bucket", Key: "f.csv" }, store({ "f.csv": text })));
    expect(f).toEqual({ error: "States.ItemReaderFailed", cause });
  });
});

describe("JSON and JSONL", () => {
  test("a JSON array, and ItemsPointer into a document", async () => {
    const s = store({ "a.json": "[1,{\"x\":2}]", "doc.json": JSON.stringify({ data: { "a/b": [[0], ["deep"]] } }) });
    expect(await readItems({ Resource: GET, ReaderConfig: { InputType: "JSON" } }, { Bucket: "data-bucket", Key: "a.json" }, s)).toEqual([1, { x: 2 }]);
    expect(await readItems({ Resource: GET, ReaderConfig: { InputType: "JSON", ItemsPointer: "/data/a~1b/1" } }, { Bucket: "data-bucket", Key: "doc.json" }, s)).toEqual(["deep"]);
  });

  test("JSONL: one value per line, blank lines skipped, MaxItems caps", async () => {
    const s = store({ "a.jsonl": '{"a":1}\r\n\n{"a":2}\n{"a":3}\n' });
    expect(await readItems({ Resource: GET, ReaderConfig: { InputType: "JSONL" } }, { Bucket: "data-bucket", Key: "a.jsonl" }, s)).toEqual([{ a: 1 }, { a: 2 }, { a: 3 }]);
    expect(await readItems({ Resource: GET, ReaderConfig: { InputType: "JSONL", MaxItems: 2 } }, { Bucket: "data-bucket", Key: "a.jsonl" }, s)).toHaveLength(2);
    expect(await readItems({ Resource: GET, ReaderConfig: { InputType: "JSONL", MaxItems: 2 } }, { Bucket: "data-bucket", Key: "a.jsonl" }, s, { maxItems: 1 })).toHaveLength(1);
  });

  test.each([
    ["not an array", { InputType: "JSON" }, "o.json", "Attempting to map over non-iterable node."],
    ["pointer to an object", { InputType: "JSON", ItemsPointer: "/o" }, "o.json", "Attempting to map over non-iterable node."],
    ["pointer to nothing", { InputType: "JSON", ItemsPointer: "/missing" }, "o.json", "ItemsPointer '/missing' does not point to a node in s3://data-bucket/o.json."],
    ["bad pointer syntax", { InputType: "JSON", ItemsPointer: "o" }, "o.json", 'ItemsPointer must be a JSON Pointer such as "/data/items"; got "o".'],
    ["broken JSON", { InputType: "JSON" }, "bad.txt", "The object s3://data-bucket/bad.txt is not valid JSON: "],
    ["broken JSONL line", { InputType: "JSONL" }, "bad.txt", "Line 2 of s3://data-bucket/bad.txt is not valid JSON: "],
    ["zero MaxItems", { InputType: "JSON", MaxItems: 0 }, "o.json", "field MaxItems must be positive"],
    ["fractional MaxItems", { InputType: "JSON", MaxItems: 1.5 }, "o.json", "field MaxItems must be an integer; got 1.5"],
    ["huge MaxItems", { InputType: "JSON", MaxItems: 100_000_001 }, "o.json", "field MaxItems must be at most 100000000"],
    ["no InputType", {}, "o.json", "ReaderConfig.InputType is required to read s3://data-bucket/o.json (CSV, JSON, JSONL, PARQUET or MANIFEST)."],
    ["unknown InputType", { InputType: "XML" }, "o.json", 'InputType must be one of CSV, JSON, JSONL, PARQUET, MANIFEST; got "XML".'],
    ["PARQUET that is not Parquet", { InputType: "PARQUET" }, "o.json", "The object s3://data-bucket/o.json could not be read as Parquet: "],
    ["bad Transformation", { InputType: "JSON", Transformation: "FLAT" }, "o.json", 'Transformation must be NONE or LOAD_AND_FLATTEN; got "FLAT".'],
    ["bad ManifestType", { InputType: "MANIFEST", ManifestType: "X" }, "o.json", 'ManifestType must be S3_INVENTORY or ATHENA_DATA; got "X".'],
  ])("%s fails with States.ItemReaderFailed", async (_name, config, key, cause) => {
    const s = store({ "o.json": '{"o":{}}', "bad.txt": "1\n{" });
    const f = await failure(readItems({ Resource: GET, ReaderConfig: config }, { Bucket: "data-bucket", Key: key }, s));
    expect(f.error).toBe("States.ItemReaderFailed");
    expect(f.cause.startsWith(cause)).toBe(true);
  });

  test("a ReaderConfig that is not an object", async () => {
    expect(await failure(readItems({ Resource: GET, ReaderConfig: [] }, { Bucket: "data-bucket", Key: "k" }, store({})))).toEqual({ error: "States.ItemReaderFailed", cause: "ReaderConfig must be an object." });
  });
});

describe("parameters, resources and the store", () => {
  test.each([
    ["no Bucket", { Key: "k" }, GET, "The ItemReader Parameters must contain a 'Bucket' string."],
    ["no Key", { Bucket: "data-bucket" }, GET, "The ItemReader Parameters must contain a 'Key' string."],
    ["a bad Prefix", { Bucket: "data-bucket", Prefix: 1 }, LIST, "The ItemReader Parameters 'Prefix' must be a string."],
    ["not an object", "x", GET, "The ItemReader Parameters must be an object with 'Bucket' and 'Key' or 'Prefix'."],
    ["another resource", { Bucket: "data-bucket", Key: "k" }, "arn:aws:states:::dynamodb:scan", "The ItemReader resource 'arn:aws:states:::dynamodb:scan' is not supported: use arn:aws:states:::s3:getObject or arn:aws:states:::s3:listObjectsV2."],
    ["a missing key", { Bucket: "data-bucket", Key: "nope" }, GET, "S3 GetObject failed for bucket 'data-bucket' and key 'nope': NoSuchKey: The specified key does not exist. (Bucket: data-bucket, Key: nope)"],
    ["a missing bucket", { Bucket: "other-bucket", Prefix: "" }, LIST, "S3 ListObjectsV2 failed for bucket 'other-bucket': NoSuchBucket: The specified bucket does not exist. (Bucket: other-bucket)"],
  ])("%s", async (_name, params, resource, cause) => {
    expect(await failure(readItems({ Resource: resource, ReaderConfig: { InputType: "JSON" } }, params, store({})))).toEqual({ error: "States.ItemReaderFailed", cause });
  });
});

describe("listObjectsV2", () => {
  test("items are { Etag, Key, LastModified, Size, StorageClass } under the prefix", async () => {
    const s = store({ "in/a.json": "[1]", "in/b.json": "[2,3]", "out/c": "" });
    const items = await readItems({ Resource: LIST }, { Bucket: "data-bucket", Prefix: "in/" }, s);
    expect(items).toEqual([
      { Etag: expect.stringMatching(/^"[0-9a-f]{32}"$/), Key: "in/a.json", LastModified: 1735689600, Size: 3, StorageClass: "STANDARD" },
      { Etag: expect.stringMatching(/^"[0-9a-f]{32}"$/), Key: "in/b.json", LastModified: 1735689600, Size: 5, StorageClass: "STANDARD" },
    ]);
  });

  test("LOAD_AND_FLATTEN reads every listed object", async () => {
    const s = store({ "in/": "", "in/a.json": "[1]", "in/b.json": "[2,3]" });
    expect(await readItems({ Resource: LIST, ReaderConfig: { InputType: "JSON", Transformation: "LOAD_AND_FLATTEN" } }, { Bucket: "data-bucket", Prefix: "in/" }, s)).toEqual([1, 2, 3]);
    expect(await readItems({ Resource: LIST, ReaderConfig: { InputType: "JSON", Transformation: "LOAD_AND_FLATTEN", MaxItems: 2 } }, { Bucket: "data-bucket", Prefix: "in/" }, s)).toEqual([1, 2]);
    expect(await failure(readItems({ Resource: LIST, ReaderConfig: { Transformation: "LOAD_AND_FLATTEN" } }, { Bucket: "data-bucket" }, s))).toEqual({
      error: "States.ItemReaderFailed",
      cause: "Transformation LOAD_AND_FLATTEN needs ReaderConfig.InputType.",
    });
  });
});

describe("manifests", () => {
  const manifest = {
    sourceBucket: "source-bucket",
    destinationBucket: "arn:aws:s3:::data-bucket",
    fileFormat: "CSV",
    fileSchema: "Bucket, Key, Size",
    files: [{ key: "inv/data/1.csv.gz", size: 1, MD5checksum: "x" }, { key: "inv/data/2.csv", size: 1, MD5checksum: "y" }],
  };

  test("S3 inventory: gzipped and plain CSV files keyed by fileSchema", async () => {
    const s = store({
      "inv/manifest.json": JSON.stringify(manifest),
      "inv/data/1.csv.gz": gzipSync('"source-bucket","a.jpg","10"\n'),
      "inv/data/2.csv": '"source-bucket","b.jpg","20"\n',
    });
    const items = await readItems({ Resource: GET, ReaderConfig: { InputType: "MANIFEST" } }, { Bucket: "data-bucket", Key: "inv/manifest.json" }, s);
    expect(items).toEqual([
      { Bucket: "source-bucket", Key: "a.jpg", Size: "10" },
      { Bucket: "source-bucket", Key: "b.jpg", Size: "20" },
    ]);
  });

  test.each([
    ["not JSON", "{", "The S3 inventory manifest s3://data-bucket/m.json is not valid JSON."],
    ["ORC", JSON.stringify({ ...manifest, fileFormat: "ORC" }), 'The S3 inventory manifest s3://data-bucket/m.json has fileFormat "ORC"; only CSV inventories are supported.'],
    ["no files", JSON.stringify({ ...manifest, files: undefined }), "The S3 inventory manifest s3://data-bucket/m.json needs 'destinationBucket', 'fileSchema' and 'files'."],
    ["a file without key", JSON.stringify({ ...manifest, files: [{}] }), "Every file of the S3 inventory manifest s3://data-bucket/m.json needs a 'key'."],
  ])("a bad inventory manifest (%s)", async (_name, text, cause) => {
    expect(await failure(readItems({ Resource: GET, ReaderConfig: { InputType: "MANIFEST" } }, { Bucket: "data-bucket", Key: "m.json" }, store({ "m.json": text })))).toEqual({ error: "States.ItemReaderFailed", cause });
  });

  test("Athena: each listed data file is read with InputType", async () => {
    const s = store({ "athena/manifest.csv": "s3://data-bucket/athena/1.csv\n\ns3://data-bucket/athena/2.csv\n", "athena/1.csv": "id\n1\n", "athena/2.csv": "id\n2\n" });
    const items = await readItems({ Resource: GET, ReaderConfig: { InputType: "CSV", ManifestType: "ATHENA_DATA" } }, { Bucket: "data-bucket", Key: "athena/manifest.csv" }, s);
    expect(items).toEqual([{ id: "1" }, { id: "2" }]);
    expect(await failure(readItems({ Resource: GET, ReaderConfig: { InputType: "MANIFEST", ManifestType: "ATHENA_DATA" } }, { Bucket: "data-bucket", Key: "athena/manifest.csv" }, s))).toEqual({
      error: "States.ItemReaderFailed",
      cause: "s3://data-bucket/athena/1.csv is a data file, not a manifest: give its InputType (CSV, JSON, JSONL or PARQUET).",
    });
    const bad = store({ "m.csv": "https://example.com/x\n" });
    expect(await failure(readItems({ Resource: GET, ReaderConfig: { InputType: "CSV", ManifestType: "ATHENA_DATA" } }, { Bucket: "data-bucket", Key: "m.csv" }, bad))).toEqual({
      error: "States.ItemReaderFailed",
      cause: "The Athena manifest s3://data-bucket/m.csv lists 'https://example.com/x', which is not an s3://bucket/key URI.",
    });
  });
});
