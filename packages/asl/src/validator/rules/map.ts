// Map state: ItemProcessor xor Iterator, ItemSelector xor Parameters, Items xor ItemsPath,
// ProcessorConfig, ItemReader, ItemBatcher, ResultWriter, Label; Express restrictions.
import type { QueryLanguage } from "../../types.ts";
import { childPointer } from "../../json-pointer.ts";
import { report, type StateScope, type ValidationContext } from "../context.ts";
import { containsPlaceholder, describeType, isJsonataExpression, isObject, quote } from "../values.ts";
import type { FieldCheck } from "./common-fields.ts";
import { checkJsonataTemplate, NO_EXTRA_STATES_ACCESS } from "./jsonata-template.ts";
import { checkNumber } from "./numbers.ts";
import { checkPathField } from "./paths.ts";
import { checkPayloadTemplate } from "./payload-template.ts";
import { checkExclusive, checkTransition } from "./state-shape.ts";

const MAX_LABEL_LENGTH = 40;
// Characters AWS forbids in names and Map Run labels (whitespace, brackets, wildcards, punctuation, controls).
const FORBIDDEN_LABEL_CHARACTERS = /[\s?*<>{}[\]"#%\\^|~`$&,;:/\u0000-\u001f\u007f-\u009f]/u;

/** Cross-field rules of a Map state; validates the item processor graph. */
export function checkMapState(context: ValidationContext, scope: StateScope): void {
  const { state, pointer } = scope;
  checkTransition(context, scope);
  checkExclusive(context, scope, "ItemProcessor", "Iterator");
  checkExclusive(context, scope, "ItemSelector", "Parameters");
  checkExclusive(context, scope, "Items", "ItemsPath");
  checkExclusive(context, scope, "MaxConcurrency", "MaxConcurrencyPath");
  checkExclusive(context, scope, "ToleratedFailureCount", "ToleratedFailureCountPath");
  checkExclusive(context, scope, "ToleratedFailurePercentage", "ToleratedFailurePercentagePath");
  if (!("ItemProcessor" in state) && !("Iterator" in state)) {
    report(context, "SCHEMA_VALIDATION_FAILED", pointer, `These fields are required: [ItemProcessor]. Add the per-item graph {"StartAt": "...", "States": {...}} to Map state '${scope.name}'.`);
  }
  const processorKey = "ItemProcessor" in state ? "ItemProcessor" : "Iterator";
  const processor = state[processorKey];
  if (processor === undefined) return;
  const processorPointer = childPointer(pointer, processorKey);
  if (!isObject(processor)) {
    report(context, "SCHEMA_VALIDATION_FAILED", processorPointer, `The field '${processorKey}' must be an object {"StartAt": "...", "States": {...}}, but it is ${describeType(processor)}.`);
    return;
  }
  const distributed = checkProcessorConfig(context, processor["ProcessorConfig"], childPointer(processorPointer, "ProcessorConfig"));
  // A Distributed Map's children are separate executions: they neither see nor collide with outer variables.
  context.validateNestedGraph(processor, processorPointer, distributed ? new Set() : scope.visibleVariables);
}

/** Returns whether the Map is distributed. */
function checkProcessorConfig(context: ValidationContext, config: unknown, pointer: string): boolean {
  if (config === undefined) return false;
  if (!isObject(config)) {
    report(context, "SCHEMA_VALIDATION_FAILED", pointer, `The field 'ProcessorConfig' must be an object, but it is ${describeType(config)}.`);
    return false;
  }
  for (const key of Object.keys(config)) {
    if (key !== "Mode" && key !== "ExecutionType") report(context, "SCHEMA_VALIDATION_FAILED", pointer, `Field '${key}' is not supported in 'ProcessorConfig'. Allowed fields: Mode, ExecutionType.`);
  }
  const mode = config["Mode"];
  if (mode !== undefined && mode !== "INLINE" && mode !== "DISTRIBUTED") {
    report(context, "SCHEMA_VALIDATION_FAILED", childPointer(pointer, "Mode"), `The field 'Mode' should have one of these values: [INLINE, DISTRIBUTED].`);
  }
  const executionType = config["ExecutionType"];
  if (executionType !== undefined && executionType !== "STANDARD" && executionType !== "EXPRESS") {
    report(context, "SCHEMA_VALIDATION_FAILED", childPointer(pointer, "ExecutionType"), `The field 'ExecutionType' should have one of these values: [STANDARD, EXPRESS].`);
  }
  if (mode !== "DISTRIBUTED") return false;
  if (executionType === undefined) {
    report(context, "SCHEMA_VALIDATION_FAILED", pointer, `These fields are required: [ExecutionType]. A DISTRIBUTED Map must say whether its child executions are STANDARD or EXPRESS.`);
  }
  if (context.stateMachineType === "EXPRESS") {
    report(context, "SCHEMA_VALIDATION_FAILED", childPointer(pointer, "Mode"), `Express state machine does not support Distributed Map. Use a Standard state machine, or an INLINE Map.`);
  }
  return true;
}

/** `Label`: ≤40 characters, no forbidden characters, unique in the definition. */
export const labelField: FieldCheck = (context, value, pointer) => {
  if (typeof value !== "string") {
    report(context, "SCHEMA_VALIDATION_FAILED", pointer, `The field 'Label' must be a string, but it is ${describeType(value)}.`);
    return;
  }
  const invalid = value.length === 0 || value.length > MAX_LABEL_LENGTH || FORBIDDEN_LABEL_CHARACTERS.test(value);
  if (invalid && !containsPlaceholder(value)) {
    report(
      context,
      "INVALID_LABEL_NAME",
      pointer,
      `The Map Run label ${quote(value)} is invalid: a label is 1 to ${MAX_LABEL_LENGTH} characters without whitespace, wildcards, brackets or the characters " # % \\ ^ | ~ \` $ & , ; : /. Shorten or rename it.`,
    );
  }
  const first = context.labels.get(value);
  if (first !== undefined) {
    report(context, "DUPLICATE_LABEL_NAME", pointer, `The Map Run label ${quote(value)} is already used at ${first}. Labels must be unique in the definition; rename one of them.`);
  } else {
    context.labels.set(value, pointer);
  }
};

/** `Items` (JSONata): an array, an object, or an expression. */
export const itemsField: FieldCheck = (context, value, pointer) => {
  if (typeof value === "string" && !isJsonataExpression(value)) {
    report(context, "SCHEMA_VALIDATION_FAILED", pointer, `The field 'Items' must be an array, an object or a JSONata expression '{% ... %}', but it is the string ${quote(value)}.`);
    return;
  }
  if (value !== null && typeof value !== "object" && typeof value !== "string") {
    report(context, "SCHEMA_VALIDATION_FAILED", pointer, `The field 'Items' must be an array, an object or a JSONata expression, but it is ${describeType(value)}.`);
    return;
  }
  checkJsonataTemplate(context, value, pointer, NO_EXTRA_STATES_ACCESS);
};

/** `ItemReader`: where a Distributed Map reads its items. */
export const itemReaderField: FieldCheck = (context, value, pointer, _field, scope) => {
  if (!isObject(value)) {
    report(context, "SCHEMA_VALIDATION_FAILED", pointer, `The field 'ItemReader' must be an object, but it is ${describeType(value)}.`);
    return;
  }
  const allowed = ["Resource", "ReaderConfig", scope.queryLanguage === "JSONata" ? "Arguments" : "Parameters"];
  checkKeys(context, value, pointer, allowed, "ItemReader", scope.queryLanguage);
  if (!("Resource" in value)) report(context, "SCHEMA_VALIDATION_FAILED", pointer, `These fields are required: [Resource]. Use 'arn:aws:states:::s3:getObject' or 'arn:aws:states:::s3:listObjectsV2'.`);
  else checkS3Resource(context, value["Resource"], childPointer(pointer, "Resource"), ["getObject", "listObjectsV2"]);
  checkTemplateBody(context, value, pointer, scope.queryLanguage);
  const config = value["ReaderConfig"];
  if (config !== undefined) checkReaderConfig(context, config, childPointer(pointer, "ReaderConfig"), scope.queryLanguage);
};

const READER_ENUMS: ReadonlyMap<string, readonly string[]> = new Map([
  ["InputType", ["CSV", "JSON", "JSONL", "PARQUET", "MANIFEST"]],
  ["Transformation", ["NONE", "LOAD_AND_FLATTEN"]],
  ["ManifestType", ["ATHENA_DATA", "S3_INVENTORY"]],
  ["CSVDelimiter", ["COMMA", "PIPE", "SEMICOLON", "SPACE", "TAB"]],
  ["CSVHeaderLocation", ["FIRST_ROW", "GIVEN"]],
]);

function checkReaderConfig(context: ValidationContext, config: unknown, pointer: string, queryLanguage: QueryLanguage): void {
  if (!isObject(config)) {
    report(context, "SCHEMA_VALIDATION_FAILED", pointer, `The field 'ReaderConfig' must be an object, but it is ${describeType(config)}.`);
    return;
  }
  checkKeys(context, config, pointer, [...READER_ENUMS.keys(), "CSVHeaders", "ItemsPointer", "MaxItems", "MaxItemsPath"], "ReaderConfig", queryLanguage);
  for (const [field, values] of READER_ENUMS) {
    const value = config[field];
    if (value !== undefined && (typeof value !== "string" || !values.includes(value))) {
      report(context, "SCHEMA_VALIDATION_FAILED", childPointer(pointer, field), `The field '${field}' should have one of these values: [${values.join(", ")}].`);
    }
  }
  if (config["CSVHeaderLocation"] === "GIVEN" && !("CSVHeaders" in config)) {
    report(context, "SCHEMA_VALIDATION_FAILED", pointer, `These fields are required: [CSVHeaders]. With "CSVHeaderLocation": "GIVEN", list the column names in 'CSVHeaders'.`);
  }
  if (config["Transformation"] === "LOAD_AND_FLATTEN" && !("InputType" in config)) {
    report(context, "SCHEMA_VALIDATION_FAILED", pointer, `These fields are required: [InputType]. "Transformation": "LOAD_AND_FLATTEN" needs the InputType of the files it loads.`);
  }
  const headers = config["CSVHeaders"];
  if (headers !== undefined && (!Array.isArray(headers) || !headers.every((header) => typeof header === "string"))) {
    report(context, "SCHEMA_VALIDATION_FAILED", childPointer(pointer, "CSVHeaders"), `The field 'CSVHeaders' must be an array of strings.`);
  }
  if ("MaxItems" in config && "MaxItemsPath" in config) {
    report(context, "SCHEMA_VALIDATION_FAILED", pointer, `The fields 'MaxItems' and 'MaxItemsPath' are mutually exclusive. Keep only one of them.`);
  }
  if ("MaxItems" in config) checkNumber(context, config["MaxItems"], childPointer(pointer, "MaxItems"), "MaxItems", { integer: true, min: 0, max: 100_000_000, jsonata: queryLanguage === "JSONata" });
  if ("MaxItemsPath" in config) checkPathField(context, config["MaxItemsPath"], childPointer(pointer, "MaxItemsPath"), "MaxItemsPath", "reference", false);
}

/** `ItemBatcher`: at least one batch limit. */
export const itemBatcherField: FieldCheck = (context, value, pointer, _field, scope) => {
  if (!isObject(value)) {
    report(context, "SCHEMA_VALIDATION_FAILED", pointer, `The field 'ItemBatcher' must be an object, but it is ${describeType(value)}.`);
    return;
  }
  const jsonata = scope.queryLanguage === "JSONata";
  const allowed = jsonata ? ["MaxItemsPerBatch", "MaxInputBytesPerBatch", "BatchInput"] : ["MaxItemsPerBatch", "MaxItemsPerBatchPath", "MaxInputBytesPerBatch", "MaxInputBytesPerBatchPath", "BatchInput"];
  checkKeys(context, value, pointer, allowed, "ItemBatcher", scope.queryLanguage);
  const limits = ["MaxItemsPerBatch", "MaxItemsPerBatchPath", "MaxInputBytesPerBatch", "MaxInputBytesPerBatchPath"].filter((field) => field in value);
  if (limits.length === 0) {
    report(context, "SCHEMA_VALIDATION_FAILED", pointer, `'ItemBatcher' needs at least one of MaxItemsPerBatch or MaxInputBytesPerBatch${jsonata ? "" : " (or their Path variants)"}.`);
  }
  for (const [field, max] of [["MaxItemsPerBatch", 100_000_000], ["MaxInputBytesPerBatch", 262_144]] as const) {
    if (field in value && `${field}Path` in value) report(context, "SCHEMA_VALIDATION_FAILED", pointer, `The fields '${field}' and '${field}Path' are mutually exclusive. Keep only one of them.`);
    if (field in value) checkNumber(context, value[field], childPointer(pointer, field), field, { integer: true, min: 1, max, jsonata });
    if (`${field}Path` in value) checkPathField(context, value[`${field}Path`], childPointer(pointer, `${field}Path`), `${field}Path`, "reference", false);
  }
  if ("BatchInput" in value) {
    if (jsonata) checkJsonataTemplate(context, value["BatchInput"], childPointer(pointer, "BatchInput"), NO_EXTRA_STATES_ACCESS);
    else checkPayloadTemplate(context, value["BatchInput"], childPointer(pointer, "BatchInput"));
  }
};

/** `ResultWriter`: where a Distributed Map writes its results. */
export const resultWriterField: FieldCheck = (context, value, pointer, _field, scope) => {
  if (!isObject(value)) {
    report(context, "SCHEMA_VALIDATION_FAILED", pointer, `The field 'ResultWriter' must be an object, but it is ${describeType(value)}.`);
    return;
  }
  checkKeys(context, value, pointer, ["Resource", "WriterConfig", scope.queryLanguage === "JSONata" ? "Arguments" : "Parameters"], "ResultWriter", scope.queryLanguage);
  if ("Resource" in value) checkS3Resource(context, value["Resource"], childPointer(pointer, "Resource"), ["putObject"]);
  else if (!("WriterConfig" in value)) report(context, "SCHEMA_VALIDATION_FAILED", pointer, `These fields are required: [Resource]. Use 'arn:aws:states:::s3:putObject' (or give only 'WriterConfig').`);
  checkTemplateBody(context, value, pointer, scope.queryLanguage);
  const config = value["WriterConfig"];
  if (config === undefined) return;
  const at = childPointer(pointer, "WriterConfig");
  if (!isObject(config)) {
    report(context, "SCHEMA_VALIDATION_FAILED", at, `The field 'WriterConfig' must be an object, but it is ${describeType(config)}.`);
    return;
  }
  for (const [field, values] of [["Transformation", ["NONE", "COMPACT", "FLATTEN"]], ["OutputType", ["JSON", "JSONL"]]] as const) {
    const fieldValue = config[field];
    if (fieldValue !== undefined && (typeof fieldValue !== "string" || !(values as readonly string[]).includes(fieldValue))) {
      report(context, "SCHEMA_VALIDATION_FAILED", childPointer(at, field), `The field '${field}' should have one of these values: [${values.join(", ")}].`);
    }
  }
};

function checkKeys(context: ValidationContext, object: Record<string, unknown>, pointer: string, allowed: readonly string[], where: string, queryLanguage: QueryLanguage): void {
  for (const key of Object.keys(object)) {
    if (!allowed.includes(key)) report(context, "SCHEMA_VALIDATION_FAILED", pointer, `Field '${key}' is not supported in '${where}' of a ${queryLanguage} state. Allowed fields: ${allowed.join(", ")}.`);
  }
}

function checkTemplateBody(context: ValidationContext, object: Record<string, unknown>, pointer: string, queryLanguage: QueryLanguage): void {
  if (queryLanguage === "JSONata" && "Arguments" in object) checkJsonataTemplate(context, object["Arguments"], childPointer(pointer, "Arguments"), NO_EXTRA_STATES_ACCESS);
  if (queryLanguage === "JSONPath" && "Parameters" in object) {
    const parameters = object["Parameters"];
    if (isObject(parameters)) checkPayloadTemplate(context, parameters, childPointer(pointer, "Parameters"));
    else report(context, "SCHEMA_VALIDATION_FAILED", childPointer(pointer, "Parameters"), `The field 'Parameters' must be an object, but it is ${describeType(parameters)}.`);
  }
}

function checkS3Resource(context: ValidationContext, value: unknown, pointer: string, actions: readonly string[]): void {
  if (typeof value !== "string") {
    report(context, "SCHEMA_VALIDATION_FAILED", pointer, `The field 'Resource' must be an ARN string, but it is ${describeType(value)}.`);
    return;
  }
  if (containsPlaceholder(value)) return;
  const match = /^arn:[^:]+:states:[^:]*:[^:]*:s3:([A-Za-z0-9]+)$/.exec(value);
  if (!match || !actions.includes(match[1] ?? "")) {
    report(
      context,
      "SCHEMA_VALIDATION_FAILED",
      pointer,
      `The resource provided ${value} is not recognized. The value is not a valid resource ARN, or the resource is not available in this region. Use ${actions.map((action) => `'arn:aws:states:::s3:${action}'`).join(" or ")}.`,
    );
  }
}
