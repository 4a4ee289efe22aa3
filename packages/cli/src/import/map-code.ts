/**
 * A distributed Map's ItemReader, ItemBatcher and ResultWriter as the builder's `itemReader`,
 * `itemBatcher` and `resultWriter` options. A field whose shape the option's type does not take
 * (a nested request value, an unknown key) stays raw, as a whole field.
 */
import { isRecord, type ImportSet } from "./condition-code.ts";
import { jsonCode, objectCode } from "./json-code.ts";
import { jsonataSelectorCode, jsonataExpression } from "./jsonata-code.ts";
import { templateSelectorCode } from "./template-code.ts";

type Props = [string, string | undefined][];

const READER_CONFIG: Record<string, string> = {
  InputType: "inputType",
  Transformation: "transformation",
  ManifestType: "manifestType",
  CSVDelimiter: "csvDelimiter",
  CSVHeaderLocation: "csvHeaderLocation",
  CSVHeaders: "csvHeaders",
  ItemsPointer: "itemsPointer",
  MaxItems: "maxItems",
};
const WRITER_CONFIG: Record<string, string> = { Transformation: "transformation", OutputType: "outputType" };
const BATCHER: Record<string, string> = { MaxItemsPerBatch: "maxItemsPerBatch", MaxInputBytesPerBatch: "maxInputBytesPerBatch", BatchInput: "batchInput" };

const isScalar = (v: unknown): boolean => typeof v === "string" || typeof v === "number" || typeof v === "boolean";

/**
 * A reader's or writer's request (`Parameters` in JSONPath, `Arguments` in JSONata) as a selector
 * over the Map's input, when every value is a scalar or a reference (what the options' types take).
 */
function requestCode(request: unknown, language: "JSONPath" | "JSONata", imports: ImportSet): string | undefined {
  if (!isRecord(request)) return undefined;
  if (language === "JSONata") {
    if (!Object.values(request).every((v) => isScalar(v))) return undefined;
    return jsonataSelectorCode(request, ["input", "context"], imports);
  }
  if (!Object.entries(request).every(([k, v]) => (k.endsWith(".$") ? typeof v === "string" : isScalar(v)))) return undefined;
  return templateSelectorCode(request, "input", imports);
}

/** An object of known keys, each renamed to its option, or undefined when a key or value does not fit. */
function configCode(config: unknown, names: Record<string, string>): string | undefined {
  if (!isRecord(config) || !Object.entries(config).every(([k, v]) => k in names && (isScalar(v) || (Array.isArray(v) && v.every((x) => typeof x === "string"))))) return undefined;
  return objectCode(Object.entries(config).map(([k, v]) => [names[k] ?? k, jsonCode(v)]));
}

function itemReaderCode(reader: unknown, language: "JSONPath" | "JSONata", imports: ImportSet): string | undefined {
  if (!isRecord(reader) || typeof reader["Resource"] !== "string") return undefined;
  const requestKey = language === "JSONata" ? "Arguments" : "Parameters";
  if (!Object.keys(reader).every((k) => k === "Resource" || k === "ReaderConfig" || k === requestKey)) return undefined;
  const config = reader["ReaderConfig"] === undefined ? undefined : configCode(reader["ReaderConfig"], READER_CONFIG);
  const request = reader[requestKey] === undefined ? undefined : requestCode(reader[requestKey], language, imports);
  if ((reader["ReaderConfig"] !== undefined && config === undefined) || (reader[requestKey] !== undefined && request === undefined)) return undefined;
  return objectCode([["resource", JSON.stringify(reader["Resource"])], ["arguments", request], ["readerConfig", config]]);
}

function itemBatcherCode(batcher: unknown): string | undefined {
  if (!isRecord(batcher) || !Object.keys(batcher).every((k) => k in BATCHER)) return undefined;
  const batchInput = batcher["BatchInput"];
  // BatchInput is a value, not a selector: only literal JSON (no `.$` key, no expression) is said by the option.
  if (batchInput !== undefined && (!isRecord(batchInput) || JSON.stringify(batchInput).includes('.$"') || JSON.stringify(batchInput).includes("{%"))) return undefined;
  if (!["MaxItemsPerBatch", "MaxInputBytesPerBatch"].every((k) => batcher[k] === undefined || typeof batcher[k] === "number")) return undefined;
  return objectCode(Object.entries(batcher).map(([k, v]) => [BATCHER[k] ?? k, jsonCode(v)]));
}

function resultWriterCode(writer: unknown, language: "JSONPath" | "JSONata"): string | undefined {
  if (!isRecord(writer)) return undefined;
  const requestKey = language === "JSONata" ? "Arguments" : "Parameters";
  if (!Object.keys(writer).every((k) => k === "Resource" || k === "WriterConfig" || k === requestKey)) return undefined;
  const request = writer[requestKey];
  // The option's arguments are values (Bucket, Prefix), not a selector: literal strings only.
  if (request !== undefined && !(isRecord(request) && typeof request["Bucket"] === "string" && Object.entries(request).every(([k, v]) => (k === "Bucket" || k === "Prefix") && typeof v === "string" && jsonataExpression(v) === undefined))) return undefined;
  const config = writer["WriterConfig"] === undefined ? undefined : configCode(writer["WriterConfig"], WRITER_CONFIG);
  if (writer["WriterConfig"] !== undefined && config === undefined) return undefined;
  return objectCode([
    ["resource", typeof writer["Resource"] === "string" ? JSON.stringify(writer["Resource"]) : undefined],
    ["arguments", request === undefined ? undefined : jsonCode(request)],
    ["writerConfig", config],
  ]);
}

/** `itemReader` (before the processor: the item type is read from it), taken out of `rest`. */
export function itemReaderOption(rest: Record<string, unknown>, props: Props, language: "JSONPath" | "JSONata", imports: ImportSet): void {
  const code = itemReaderCode(rest["ItemReader"], language, imports);
  if (code === undefined) return;
  delete rest["ItemReader"];
  props.push(["itemReader", code]);
}

/** `itemBatcher` (before the processor: its input is the batch), taken out of `rest`. */
export function itemBatcherOption(rest: Record<string, unknown>, props: Props): void {
  const code = itemBatcherCode(rest["ItemBatcher"]);
  if (code === undefined) return;
  delete rest["ItemBatcher"];
  props.push(["itemBatcher", code]);
}

/** `resultWriter` and `label`, taken out of `rest`. */
export function resultWriterAndLabelOptions(rest: Record<string, unknown>, props: Props, language: "JSONPath" | "JSONata"): void {
  const writer = resultWriterCode(rest["ResultWriter"], language);
  if (writer !== undefined) {
    delete rest["ResultWriter"];
    props.push(["resultWriter", writer]);
  }
  if (typeof rest["Label"] === "string") {
    props.push(["label", JSON.stringify(rest["Label"])]);
    delete rest["Label"];
  }
}
