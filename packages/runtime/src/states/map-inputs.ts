import { StatesError } from "../errors.ts";
import { compilePayloadTemplate, compileReferencePath, noResultsForPath, NOT_FOUND } from "../engine/data-bridge.ts";
import type { Frame, MapItemContext } from "../engine/frame.ts";
import type { StateCompileContext } from "./context.ts";
import { compileJsonataField, compileJsonataFieldNow } from "./jsonata-field.ts";
import { compileNumberField } from "./map-config.ts";

/** What a Map state reads from its input, per query language; any of these may be asynchronous. */
export interface MapInputs {
  /** The items to iterate over (an array, or the state fails). */
  items(effective: unknown, frame: Frame): unknown[] | Promise<unknown[]>;
  /** The input of one iteration (ItemSelector / legacy Parameters, default the item itself). */
  itemInput(effective: unknown, item: unknown, index: number, frame: Frame, meta?: ItemMeta): unknown;
  maxConcurrency(effective: unknown, frame: Frame): number | undefined | Promise<number | undefined>;
  toleratedCount(effective: unknown, frame: Frame): number | undefined | Promise<number | undefined>;
  toleratedPercentage(effective: unknown, frame: Frame): number | undefined | Promise<number | undefined>;
}

/** `$$.Map.Item.Key` (Map over an object) and `$$.Map.Item.Source` (items read by an ItemReader). */
export interface ItemMeta {
  readonly key: string | undefined;
  readonly source: string | undefined;
}

/** Keys of items that came from a JSON object (by the values array the Map iterates). */
const ITEM_KEYS = new WeakMap<unknown[], string[]>();

/** The keys of `items` when they are an object's values (Map over a JSON object). */
export function itemKeys(items: unknown[]): string[] | undefined {
  return ITEM_KEYS.get(items);
}

/** Map over a JSON object iterates its values in key order; each one's key is `$$.Map.Item.Key`. */
function objectValues(value: Record<string, unknown>): unknown[] {
  const keys = Object.keys(value);
  const items = keys.map((k) => value[k]);
  ITEM_KEYS.set(items, keys);
  return items;
}

function isJsonObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/**
 * AWS's failure for a Map whose items are not an array (recorded for JSONata with
 * States.QueryEvaluationError; JSONPath states fail with States.Runtime and the same sentence).
 */
function notAnArray(error: "States.Runtime" | "States.QueryEvaluationError", items: unknown): StatesError {
  return new StatesError(error, `Map state input must be an array but was: ${JSON.stringify(items)}`);
}

/** Evaluates a selector with `$$.Map.Item` set for the item, and only for it. */
function withMapItem<T>(frame: Frame, item: unknown, index: number, evaluate: () => T, meta?: ItemMeta): T {
  if (meta === undefined) {
    frame.mapItem = { Index: index, Value: item };
  } else {
    // Key only for objects, Source only for read items: the context shows what applies.
    const mapItem: MapItemContext = meta.key === undefined ? { Index: index, Value: item } : { Index: index, Key: meta.key, Value: item };
    if (meta.source === undefined) {
      frame.mapItem = mapItem;
    } else {
      const withSource: MapItemContext & { readonly Source: string } = { ...mapItem, Source: meta.source };
      frame.mapItem = withSource;
    }
  }
  frame.invalidateContext();
  try {
    return evaluate();
  } finally {
    frame.mapItem = undefined;
    frame.invalidateContext();
  }
}

/** JSONPath mode: ItemsPath, ItemSelector/Parameters, and the `…Path` variants of the numbers. */
export function compileJsonPathMapInputs(ctx: Pick<StateCompileContext, "def">): MapInputs {
  const def = ctx.def;
  const itemsPathText = typeof def["ItemsPath"] === "string" && def["ItemsPath"] !== "$" ? def["ItemsPath"] : undefined;
  const itemsPath = itemsPathText === undefined ? undefined : compileReferencePath(itemsPathText);
  const selectorField = Object.hasOwn(def, "ItemSelector") ? "ItemSelector" : Object.hasOwn(def, "Parameters") ? "Parameters" : undefined;
  const selector = selectorField === undefined ? undefined : compilePayloadTemplate(def[selectorField], selectorField);
  return {
    items(effective, frame) {
      const items = itemsPath === undefined ? effective : itemsPath.evaluate(effective, frame);
      if (items === NOT_FOUND) {
        throw noResultsForPath(itemsPathText ?? "$", effective);
      }
      // ItemsPath may select an object (AWS iterates its values, input-output-itemspath.html).
      if (isJsonObject(items)) return objectValues(items);
      if (!Array.isArray(items)) throw notAnArray("States.Runtime", items);
      return items;
    },
    itemInput(effective, item, index, frame, meta) {
      if (selector === undefined) return item;
      return withMapItem(frame, item, index, () => selector.evaluate(effective, frame), meta);
    },
    maxConcurrency: compileNumberField(def, "MaxConcurrency", "integer"),
    toleratedCount: compileNumberField(def, "ToleratedFailureCount", "integer"),
    toleratedPercentage: compileNumberField(def, "ToleratedFailurePercentage", "float"),
  };
}

/** JSONata mode: Items, ItemSelector and the numeric fields, each a literal or an expression. */
export function compileJsonataMapInputs(ctx: Pick<StateCompileContext, "def">): MapInputs {
  const def = ctx.def;
  // Items and the per-item ItemSelector answer synchronously when fast (no promise per item).
  const items = def["Items"] === undefined ? undefined : compileJsonataFieldNow(def["Items"], "Items", "array");
  const selector = def["ItemSelector"] === undefined ? undefined : compileJsonataFieldNow(def["ItemSelector"], "ItemSelector");
  const number = (field: string, expect: "nonNegativeInteger" | "number") => {
    if (def[field] === undefined) return () => undefined;
    const compiled = compileJsonataField(def[field], field, expect);
    return (effective: unknown, frame: Frame) => compiled(effective, frame) as Promise<number>;
  };
  return {
    items(effective, frame) {
      if (items !== undefined) return items(effective, frame) as unknown[] | Promise<unknown[]>;
      // Without Items, a JSONata Map iterates its input, which must be an array: an object fails
      // too (recorded on AWS: test_map_state_items_input_types[object]).
      if (!Array.isArray(effective)) throw notAnArray("States.QueryEvaluationError", effective);
      return effective;
    },
    itemInput(effective, item, index, frame, meta) {
      if (selector === undefined) return item;
      // The bindings (context included) are read synchronously, so Map.Item can be cleared after.
      return withMapItem(frame, item, index, () => selector(effective, frame), meta);
    },
    maxConcurrency: number("MaxConcurrency", "nonNegativeInteger"),
    toleratedCount: number("ToleratedFailureCount", "nonNegativeInteger"),
    toleratedPercentage: number("ToleratedFailurePercentage", "number"),
  };
}

/** Resolves three possibly-asynchronous numbers together. */
export function resolveNumbers(
  a: number | undefined | Promise<number | undefined>,
  b: number | undefined | Promise<number | undefined>,
  c: number | undefined | Promise<number | undefined>,
): [number | undefined, number | undefined, number | undefined] | Promise<[number | undefined, number | undefined, number | undefined]> {
  if (a instanceof Promise || b instanceof Promise || c instanceof Promise) return Promise.all([a, b, c]);
  return [a, b, c];
}
