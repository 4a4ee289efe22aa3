import { compilePayloadTemplate } from "../engine/data-bridge.ts";
import type { Frame } from "../engine/frame.ts";
import { andThen } from "../engine/run-block.ts";
import { jsonByteSize } from "../tasks/payload-size.ts";
import type { StateCompileContext } from "./context.ts";
import { compileJsonataField } from "./jsonata-field.ts";
import { compileNumberField } from "./map-config.ts";

/** Groups a Map's item inputs into batches: each child gets `{BatchInput?, Items}`. */
export type ItemBatcher = (itemInputs: readonly unknown[], effective: unknown, frame: Frame) => unknown[] | Promise<unknown[]>;

type NumberReader = (effective: unknown, frame: Frame) => number | undefined | Promise<number | undefined>;

/** Compiles `ItemBatcher` (absent: undefined), in the state's query language. */
export function compileItemBatcher(ctx: Pick<StateCompileContext, "def" | "language">): ItemBatcher | undefined {
  const def = ctx.def["ItemBatcher"];
  if (def === null || typeof def !== "object") return undefined;
  const batcher = def as Readonly<Record<string, unknown>>;
  let maxItems: NumberReader;
  let maxBytes: NumberReader;
  let batchInput: ((effective: unknown, frame: Frame) => unknown) | undefined;
  if (ctx.language === "JSONata") {
    const field = (name: string): NumberReader => {
      if (batcher[name] === undefined) return () => undefined;
      const compiled = compileJsonataField(batcher[name], `ItemBatcher/${name}`, "positiveInteger");
      return (effective, frame) => compiled(effective, frame) as Promise<number>;
    };
    maxItems = field("MaxItemsPerBatch");
    maxBytes = field("MaxInputBytesPerBatch");
    if (batcher["BatchInput"] !== undefined) {
      const compiled = compileJsonataField(batcher["BatchInput"], "ItemBatcher/BatchInput");
      batchInput = (effective, frame) => compiled(effective, frame);
    }
  } else {
    maxItems = compileNumberField(batcher, "MaxItemsPerBatch", "integer");
    maxBytes = compileNumberField(batcher, "MaxInputBytesPerBatch", "integer");
    if (batcher["BatchInput"] !== undefined) {
      const template = compilePayloadTemplate(batcher["BatchInput"], "BatchInput");
      batchInput = (effective, frame) => template.evaluate(effective, frame);
    }
  }
  return (itemInputs, effective, frame) => {
    const settings = [maxItems(effective, frame), maxBytes(effective, frame), batchInput?.(effective, frame)];
    const resolved = settings.some((s) => s instanceof Promise) ? Promise.all(settings) : settings;
    return andThen(resolved, ([items, bytes, shared]) =>
      batch(itemInputs, items as number | undefined, bytes as number | undefined, shared, batchInput !== undefined),
    );
  };
}

/** Consecutive items, at most `maxItems` per batch and `maxBytes` of item JSON (a lone item always fits). */
function batch(itemInputs: readonly unknown[], maxItems: number | undefined, maxBytes: number | undefined, shared: unknown, hasShared: boolean): unknown[] {
  const batches: unknown[] = [];
  let current: unknown[] = [];
  let bytes = 0;
  const close = () => {
    if (current.length === 0) return;
    batches.push(hasShared ? { BatchInput: shared, Items: current } : { Items: current });
    current = [];
    bytes = 0;
  };
  for (const item of itemInputs) {
    const size = maxBytes === undefined ? 0 : jsonByteSize(item);
    if (current.length > 0 && ((maxItems !== undefined && current.length >= maxItems) || (maxBytes !== undefined && bytes + size > maxBytes))) close();
    current.push(item);
    bytes += size;
  }
  close();
  return batches;
}
