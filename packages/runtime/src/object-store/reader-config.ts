import { itemReaderFailed } from "./map-data-errors.ts";

/** `ReaderConfig.InputType` values. */
export type ItemInputType = "CSV" | "JSON" | "JSONL" | "PARQUET" | "MANIFEST";

/** A checked `ReaderConfig`. */
export interface ReaderConfig {
  readonly inputType: ItemInputType | undefined;
  readonly transformation: "NONE" | "LOAD_AND_FLATTEN";
  readonly manifestType: "S3_INVENTORY" | "ATHENA_DATA" | undefined;
  /** The delimiter character. */
  readonly delimiter: string;
  readonly headerLocation: "FIRST_ROW" | "GIVEN";
  readonly headers: readonly string[] | undefined;
  readonly itemsPointer: string | undefined;
  readonly maxItems: number | undefined;
}

const DELIMITERS: Readonly<Record<string, string>> = { COMMA: ",", PIPE: "|", SEMICOLON: ";", SPACE: " ", TAB: "\t" };
const INPUT_TYPES = new Set(["CSV", "JSON", "JSONL", "PARQUET", "MANIFEST"]);
/** AWS's cap on MaxItems. */
const MAX_ITEMS_LIMIT = 100_000_000;

/**
 * Reads `ReaderConfig`, failing with States.ItemReaderFailed as AWS does at run time.
 * `maxItems` overrides `MaxItems` (the engine's evaluation of `MaxItemsPath`).
 */
export function readerConfig(raw: unknown, maxItems?: number): ReaderConfig {
  const config = raw === undefined ? {} : raw;
  if (config === null || typeof config !== "object" || Array.isArray(config)) throw itemReaderFailed("ReaderConfig must be an object.");
  const c = config as Record<string, unknown>;
  const inputType = c["InputType"];
  if (inputType !== undefined && (typeof inputType !== "string" || !INPUT_TYPES.has(inputType))) {
    throw itemReaderFailed(`InputType must be one of CSV, JSON, JSONL, PARQUET, MANIFEST; got ${JSON.stringify(inputType)}.`);
  }
  const transformation = c["Transformation"] ?? "NONE";
  if (transformation !== "NONE" && transformation !== "LOAD_AND_FLATTEN") {
    throw itemReaderFailed(`Transformation must be NONE or LOAD_AND_FLATTEN; got ${JSON.stringify(transformation)}.`);
  }
  const manifestType = c["ManifestType"];
  if (manifestType !== undefined && manifestType !== "S3_INVENTORY" && manifestType !== "ATHENA_DATA") {
    throw itemReaderFailed(`ManifestType must be S3_INVENTORY or ATHENA_DATA; got ${JSON.stringify(manifestType)}.`);
  }
  const delimiterName = c["CSVDelimiter"] ?? "COMMA";
  const delimiter = typeof delimiterName === "string" ? DELIMITERS[delimiterName] : undefined;
  if (delimiter === undefined) {
    throw itemReaderFailed(`CSVDelimiter must be one of COMMA, PIPE, SEMICOLON, SPACE, TAB; got ${JSON.stringify(delimiterName)}.`);
  }
  const headerLocation = c["CSVHeaderLocation"] ?? "FIRST_ROW";
  if (headerLocation !== "FIRST_ROW" && headerLocation !== "GIVEN") {
    throw itemReaderFailed(`CSVHeaderLocation must be FIRST_ROW or GIVEN; got ${JSON.stringify(headerLocation)}.`);
  }
  const headers = readHeaders(c["CSVHeaders"], headerLocation);
  const pointer = c["ItemsPointer"];
  if (pointer !== undefined && (typeof pointer !== "string" || (pointer !== "" && !pointer.startsWith("/")))) {
    throw itemReaderFailed(`ItemsPointer must be a JSON Pointer such as "/data/items"; got ${JSON.stringify(pointer)}.`);
  }
  return {
    inputType: inputType as ItemInputType | undefined,
    transformation,
    manifestType,
    delimiter,
    headerLocation,
    headers,
    itemsPointer: pointer,
    maxItems: readMaxItems(maxItems ?? c["MaxItems"]),
  };
}

function readHeaders(raw: unknown, location: "FIRST_ROW" | "GIVEN"): readonly string[] | undefined {
  if (location === "FIRST_ROW") {
    if (raw !== undefined) throw itemReaderFailed("CSVHeaders can only be given when CSVHeaderLocation is GIVEN.");
    return undefined;
  }
  if (!Array.isArray(raw) || raw.length === 0 || raw.some((h) => typeof h !== "string")) {
    throw itemReaderFailed("CSVHeaders must be a non-empty array of strings when CSVHeaderLocation is GIVEN.");
  }
  return checkHeaders(raw as string[]);
}

/** Header names must be unique. */
export function checkHeaders(headers: readonly string[]): readonly string[] {
  if (new Set(headers).size !== headers.length) throw itemReaderFailed("CSV headers cannot contain duplicates.");
  return headers;
}

function readMaxItems(raw: unknown): number | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw !== "number" || !Number.isInteger(raw)) throw itemReaderFailed(`field MaxItems must be an integer; got ${JSON.stringify(raw)}`);
  if (raw <= 0) throw itemReaderFailed("field MaxItems must be positive");
  if (raw > MAX_ITEMS_LIMIT) throw itemReaderFailed(`field MaxItems must be at most ${MAX_ITEMS_LIMIT}`);
  return raw;
}
