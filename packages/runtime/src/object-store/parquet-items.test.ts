import { parquetWriteBuffer } from "hyparquet-writer";
import { describe, expect, test } from "vitest";
import { StatesError } from "../errors.ts";
import { readItems } from "./item-reader.ts";
import { InMemoryObjectStore } from "./memory-object-store.ts";

const GET = "arn:aws:states:::s3:getObject";
const LIST = "arn:aws:states:::s3:listObjectsV2";

/** A real Parquet file (written by hyparquet-writer, Snappy-compressed by default). */
function parquet(rows: number): Uint8Array {
  const ids = Array.from({ length: rows }, (_, i) => i + 1);
  const buffer = parquetWriteBuffer({
    columnData: [
      { name: "id", data: ids.map((i) => BigInt(i)), type: "INT64" },
      { name: "name", data: ids.map((i) => `item-${i}`), type: "STRING" },
      { name: "price", data: ids.map((i) => i * 1.5), type: "DOUBLE" },
      { name: "active", data: ids.map((i) => i % 2 === 0), type: "BOOLEAN" },
      { name: "seen", data: ids.map((i) => new Date(Date.UTC(2025, 0, i))), type: "TIMESTAMP" },
      { name: "note", data: ids.map((i) => (i === 1 ? null : "n")), type: "STRING", nullable: true },
    ],
  });
  return new Uint8Array(buffer);
}

const store = (objects: Record<string, string | Uint8Array>) => new InMemoryObjectStore({ objects: { "data-bucket": objects } });

describe("ItemReader InputType PARQUET", () => {
  test("each row is an item, with JSON types: 64-bit integers as numbers, timestamps as epoch milliseconds, nulls kept", async () => {
    const items = await readItems({ Resource: GET, ReaderConfig: { InputType: "PARQUET" } }, { Bucket: "data-bucket", Key: "rows.parquet" }, store({ "rows.parquet": parquet(3) }));
    expect(items).toEqual([
      { id: 1, name: "item-1", price: 1.5, active: false, seen: Date.UTC(2025, 0, 1), note: null },
      { id: 2, name: "item-2", price: 3, active: true, seen: Date.UTC(2025, 0, 2), note: "n" },
      { id: 3, name: "item-3", price: 4.5, active: false, seen: Date.UTC(2025, 0, 3), note: "n" },
    ]);
  });

  test("MaxItems and listObjectsV2 LOAD_AND_FLATTEN read Parquet files too", async () => {
    const s = store({ "p/a.parquet": parquet(2), "p/b.parquet": parquet(3) });
    expect(await readItems({ Resource: GET, ReaderConfig: { InputType: "PARQUET", MaxItems: 2 } }, { Bucket: "data-bucket", Key: "p/b.parquet" }, s)).toHaveLength(2);
    const flattened = await readItems({ Resource: LIST, ReaderConfig: { InputType: "PARQUET", Transformation: "LOAD_AND_FLATTEN" } }, { Bucket: "data-bucket", Prefix: "p/" }, s);
    expect(flattened.map((item) => (item as { id: number }).id)).toEqual([1, 2, 1, 2, 3]);
  });

  test.each([
    ["text", "id,name\n1,a\n"],
    ["a truncated file", parquet(2).slice(0, 40)],
    ["an empty object", ""],
  ])("%s fails with States.ItemReaderFailed naming the object", async (_what, body) => {
    const read = readItems({ Resource: GET, ReaderConfig: { InputType: "PARQUET" } }, { Bucket: "data-bucket", Key: "bad.parquet" }, store({ "bad.parquet": body }));
    await expect(read).rejects.toBeInstanceOf(StatesError);
    await expect(read).rejects.toMatchObject({ error: "States.ItemReaderFailed", cause: expect.stringMatching(/^The object s3:\/\/data-bucket\/bad\.parquet could not be read as Parquet: /) });
  });
});
