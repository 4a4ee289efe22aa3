import { gunzipSync } from "node:zlib";
import { CsvSyntaxError, parseCsv } from "./csv.ts";
import { checkHeaders } from "./reader-config.ts";
import type { ReaderConfig } from "./reader-config.ts";
import { itemReaderFailed } from "./map-data-errors.ts";
import { parquetItems } from "./parquet-items.ts";

/** Text of an object, gunzipped when it is gzip data (S3 inventory files are). */
export function objectText(bytes: Uint8Array): string {
  const data = bytes.length > 2 && bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
  return new TextDecoder("utf-8").decode(data);
}

/** A JSON file: the whole document (or the node `ItemsPointer` names) must be an array. */
export function jsonItems(text: string, pointer: string | undefined, where: string): unknown[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text) as unknown;
  } catch (e) {
    throw itemReaderFailed(`The object ${where} is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  const node = pointer === undefined ? doc : resolvePointer(doc, pointer, where);
  if (!Array.isArray(node)) throw itemReaderFailed("Attempting to map over non-iterable node.");
  return node;
}

/** A JSON Lines file: one JSON value per non-blank line. */
export function jsonlItems(text: string, where: string): unknown[] {
  const items: unknown[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === "") continue;
    try {
      items.push(JSON.parse(line) as unknown);
    } catch (e) {
      throw itemReaderFailed(`Line ${i + 1} of ${where} is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return items;
}

/** A CSV file: one object per row, keyed by the header row or by `CSVHeaders`; values stay strings. */
export function csvItems(text: string, config: Pick<ReaderConfig, "delimiter" | "headerLocation" | "headers">, where: string): Record<string, string>[] {
  let rows: string[][];
  try {
    rows = parseCsv(text, config.delimiter);
  } catch (e) {
    if (e instanceof CsvSyntaxError) throw itemReaderFailed(`The CSV object ${where} could not be parsed: ${e.message}`);
    throw e;
  }
  let headers = config.headers;
  if (config.headerLocation === "FIRST_ROW") {
    const first = rows.shift();
    if (first === undefined) throw itemReaderFailed(`The CSV object ${where} has no header row.`);
    headers = checkHeaders(first);
  }
  const names = headers ?? [];
  return rows.map((row, i) => {
    if (row.length > names.length) {
      throw itemReaderFailed(`Row ${i + 1} of the CSV object ${where} has ${row.length} fields but there are ${names.length} headers.`);
    }
    const item: Record<string, string> = {};
    // A short row leaves its missing columns empty rather than dropping them.
    names.forEach((name, j) => (item[name] = row[j] ?? ""));
    return item;
  });
}

/** Items of one file (its bytes as stored) by `InputType`. */
export async function fileItems(bytes: Uint8Array, inputType: string | undefined, config: ReaderConfig, where: string): Promise<unknown[]> {
  switch (inputType) {
    case "JSON":
      return jsonItems(objectText(bytes), config.itemsPointer, where);
    case "JSONL":
      return jsonlItems(objectText(bytes), where);
    case "CSV":
      return csvItems(objectText(bytes), config, where);
    case "PARQUET":
      return parquetItems(bytes, where);
    case "MANIFEST":
      throw itemReaderFailed(`${where} is a data file, not a manifest: give its InputType (CSV, JSON, JSONL or PARQUET).`);
    default:
      throw itemReaderFailed(`ReaderConfig.InputType is required to read ${where} (CSV, JSON, JSONL, PARQUET or MANIFEST).`);
  }
}

/** RFC 6901 JSON Pointer lookup. */
function resolvePointer(doc: unknown, pointer: string, where: string): unknown {
  if (pointer === "") return doc;
  let node = doc;
  for (const raw of pointer.slice(1).split("/")) {
    const token = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (Array.isArray(node) && /^(0|[1-9]\d*)$/.test(token) && Number(token) < node.length) {
      node = node[Number(token)];
    } else if (node !== null && typeof node === "object" && !Array.isArray(node) && Object.hasOwn(node, token)) {
      node = (node as Record<string, unknown>)[token];
    } else {
      throw itemReaderFailed(`ItemsPointer '${pointer}' does not point to a node in ${where}.`);
    }
  }
  return node;
}
