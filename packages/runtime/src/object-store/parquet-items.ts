import { itemReaderFailed } from "./map-data-errors.ts";

/**
 * A Parquet file's rows as items: one JSON object per row, columns by name, with JSON's types for
 * Parquet's: 64-bit integers as numbers, timestamps and dates as epoch milliseconds (as AWS gives
 * them), lists as arrays, structs and maps as objects, binary data as base64 text. Read with
 * hyparquet (a pure-JavaScript reader): uncompressed and Snappy files; other codecs fail.
 */
export async function parquetItems(bytes: Uint8Array, where: string): Promise<unknown[]> {
  // hyparquet reads from an ArrayBuffer (its AsyncBuffer interface): give it exactly these bytes.
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  // hyparquet is an ES module only: imported when a Parquet file is read, so that the CommonJS
  // build of the runtime loads under runners without require(esm) (jest on Node 20) unless a test
  // reads Parquet.
  const { parquetReadObjects } = await import("hyparquet");
  let rows: Record<string, unknown>[];
  try {
    rows = await parquetReadObjects({ file: buffer });
  } catch (e) {
    throw itemReaderFailed(`The object ${where} could not be read as Parquet: ${e instanceof Error ? e.message : String(e)}`);
  }
  return rows.map((row) => toItem(row));
}

function toItem(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (typeof value === "bigint") return Number(value);
  if (value instanceof Date) return value.getTime();
  if (value instanceof Uint8Array) return Buffer.from(value).toString("base64");
  if (Array.isArray(value)) return value.map(toItem);
  if (typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) Object.defineProperty(out, key, { value: toItem(v), enumerable: true, writable: true, configurable: true });
    return out;
  }
  return value;
}
