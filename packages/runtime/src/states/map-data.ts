import { randomUUID } from "node:crypto";
import { StatesError } from "../errors.ts";
import { compilePayloadTemplate } from "../engine/data-bridge.ts";
import type { Frame } from "../engine/frame.ts";
import { formatContextTimestamp } from "../engine/timestamps.ts";
import type { ExecutionRuntime } from "../engine/types.ts";
import { readItems } from "../object-store/item-reader.ts";
import type { ItemReaderDefinition } from "../object-store/item-reader.ts";
import type { ObjectStore } from "../object-store/object-store.ts";
import { writeResults } from "../object-store/result-writer.ts";
import type { MapChildResult, ResultWriterDefinition } from "../object-store/result-writer.ts";
import type { StateCompileContext } from "./context.ts";
import { compileJsonataField } from "./jsonata-field.ts";
import { compileNumberField } from "./map-config.ts";

/** Items read by an ItemReader, with where they came from (`$$.Map.Item.Source`). */
export interface ReadMapItems {
  readonly items: unknown[];
  readonly source: string;
}

/** Reads a Distributed Map's items from the object store (undefined: the state has no ItemReader). */
export type CompiledItemReader = (effective: unknown, frame: Frame) => Promise<ReadMapItems>;

/** Writes a Map Run's child results; its value replaces the Map's results. */
export type CompiledResultWriter = (results: readonly MapChildResult[], mapRunArn: string, effective: unknown, frame: Frame) => Promise<unknown>;

type Def = Readonly<Record<string, unknown>>;

/** Evaluates `Parameters` (JSONPath) or `Arguments` (JSONata) of an ItemReader / ResultWriter. */
function compileArguments(ctx: StateCompileContext, def: Def): (effective: unknown, frame: Frame) => unknown {
  if (ctx.language === "JSONata") {
    if (def["Arguments"] === undefined) return () => ({});
    const args = compileJsonataField(def["Arguments"], "Arguments");
    return (effective, frame) => args(effective, frame);
  }
  if (def["Parameters"] === undefined) return () => ({});
  const template = compilePayloadTemplate(def["Parameters"], "Parameters");
  return (effective, frame) => template.evaluate(effective, frame);
}

function storeOf(ctx: StateCompileContext, field: string): () => ObjectStore {
  return () => {
    if (ctx.objectStore !== undefined) return ctx.objectStore;
    throw new StatesError(
      "States.Runtime",
      `The Map state '${ctx.name}' has a${field === "ItemReader" ? "n" : ""} ${field}, which needs an object store: prepareStateMachine(definition, { objectStore: new InMemoryObjectStore() }).`,
    );
  };
}

/**
 * Holds the clock while the store works: a directory store does real I/O, and virtual time must
 * not jump meanwhile.
 */
function holding<T>(frame: Frame, work: () => Promise<T>): Promise<T> {
  const clock = frame.exec.clock;
  clock.hold();
  let pending: Promise<T>;
  try {
    pending = work();
  } catch (e) {
    clock.release();
    return Promise.reject(e);
  }
  return pending.finally(() => clock.release());
}

/** ItemReader: Parameters/Arguments evaluated, ReaderConfig.MaxItems(Path) read, then `readItems`. */
export function compileItemReader(ctx: StateCompileContext): CompiledItemReader | undefined {
  const reader = ctx.def["ItemReader"] as Def | undefined;
  if (reader === undefined) return undefined;
  const args = compileArguments(ctx, reader);
  const config = (reader["ReaderConfig"] ?? {}) as Def;
  const store = storeOf(ctx, "ItemReader");
  const maxItems =
    ctx.language === "JSONata" && typeof config["MaxItems"] === "string"
      ? compileJsonataField(config["MaxItems"], "MaxItems", "positiveInteger")
      : compileNumberField(config, "MaxItems", "integer");
  return (effective, frame) =>
    holding(frame, async () => {
      const parameters = await args(effective, frame);
      const max = (await maxItems(effective, frame)) as number | undefined;
      const items = await readItems(reader as unknown as ItemReaderDefinition, parameters, store(), max === undefined ? {} : { maxItems: max });
      return { items, source: sourceOf(parameters) };
    });
}

/** `$$.Map.Item.Source` of items read from S3: `s3://bucket/key` (or the listed prefix). */
function sourceOf(parameters: unknown): string {
  const p = (parameters ?? {}) as Record<string, unknown>;
  const where = typeof p["Key"] === "string" ? p["Key"] : typeof p["Prefix"] === "string" ? p["Prefix"] : "";
  return `s3://${String(p["Bucket"])}${where === "" ? "" : `/${where}`}`;
}

/** ResultWriter: Parameters/Arguments evaluated, then `writeResults`. */
export function compileResultWriter(ctx: StateCompileContext): CompiledResultWriter | undefined {
  const writer = ctx.def["ResultWriter"] as Def | undefined;
  if (writer === undefined) return undefined;
  const args = writer["Resource"] === undefined ? undefined : compileArguments(ctx, writer);
  const store = storeOf(ctx, "ResultWriter");
  return (results, mapRunArn, effective, frame) =>
    holding(frame, async () => {
      const definition: ResultWriterDefinition =
        args === undefined
          ? { WriterConfig: writer["WriterConfig"] }
          : { Resource: String(writer["Resource"]), Parameters: await args(effective, frame), WriterConfig: writer["WriterConfig"] };
      return writeResults(definition, results, args === undefined ? NO_STORE : store(), mapRunArn);
    });
}

/** WriterConfig alone transforms results in place: no store is touched. */
const NO_STORE: ObjectStore = {
  getObject: () => Promise.reject(new Error("no object store")),
  putObject: () => Promise.reject(new Error("no object store")),
  listObjectsV2: () => Promise.reject(new Error("no object store")),
};

/** Map over a JSON object: its values, in key order, with their keys for `$$.Map.Item.Key`. */
export function objectItems(value: Record<string, unknown>): { items: unknown[]; keys: string[] } {
  const keys = Object.keys(value);
  return { items: keys.map((k) => value[k]), keys };
}

/**
 * A Distributed Map child is an execution of its own: `$$.Execution` and `$$.StateMachine` name
 * it under the Map Run (`…:execution:<machine>/<label>:<name>`, `…:stateMachine:<machine>/<label>`),
 * with the item as its input. Everything else (clock, history, halt) is the parent's runtime.
 */
export function distributedChildRuntime(exec: ExecutionRuntime, mapRunArn: string, input: unknown): { runtime: ExecutionRuntime; name: string } {
  const base = mapRunArn.slice(0, mapRunArn.lastIndexOf(":"));
  const name = randomUUID();
  const machineArn = base.replace(":mapRun:", ":stateMachine:");
  const contextExecution = Object.freeze({
    Id: `${base.replace(":mapRun:", ":execution:")}:${name}`,
    Input: input,
    StartTime: formatContextTimestamp(exec.clock.now()),
    Name: name,
    RoleArn: exec.contextExecution["RoleArn"],
    RedriveCount: 0,
  });
  const contextStateMachine = Object.freeze({ Id: machineArn, Name: machineArn.slice(machineArn.indexOf(":stateMachine:") + ":stateMachine:".length) });
  const runtime = Object.create(exec, { contextExecution: { value: contextExecution }, contextStateMachine: { value: contextStateMachine } }) as ExecutionRuntime;
  return { runtime, name };
}
