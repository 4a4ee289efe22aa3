import type { QueryLanguage } from "../engine/compile.ts";
import type { Frame } from "../engine/frame.ts";
import { compileItemBatcher } from "../states/item-batcher.ts";
import { compileJsonataMapInputs, compileJsonPathMapInputs, itemKeys } from "../states/map-inputs.ts";
import type { StateDefinition } from "../states/context.ts";
import { isJsonObject } from "../data/json-values.ts";
import { jsonItems } from "../object-store/file-items.ts";

/** A Map's item stages as TestState shows them: every iteration's input, and the batches. */
export interface MapItemStages {
  /** With an ItemSelector (or JSONPath's legacy Parameters): the input of each iteration. */
  afterItemSelector?: unknown[];
  /** With an ItemBatcher: the batches the children get (`{ Items, BatchInput? }`). */
  afterItemBatcher?: unknown[];
  /** With a JSON ItemReader's ItemsPointer and `mapItemReaderData`: the items it points to. */
  afterItemsPointer?: unknown[];
}

/**
 * Computes a Map's item stages from its effective input, with the Map's own item and batch
 * compilers (so they cannot disagree with what the Map does), in the frame the Map runs in.
 * A Map whose items come from an ItemReader reads them while it runs: not computed here. A
 * failure is the Map's own to report (it evaluates the same fields): the stages are then left out.
 */
export async function mapItemStages(def: StateDefinition, language: QueryLanguage, effective: unknown, frame: Frame): Promise<MapItemStages> {
  if (def["ItemReader"] !== undefined) return {};
  const ctx = { def, language };
  const inputs = language === "JSONata" ? compileJsonataMapInputs(ctx) : compileJsonPathMapInputs(ctx);
  const batcher = compileItemBatcher(ctx);
  try {
    const items = await inputs.items(effective, frame);
    const keys = itemKeys(items);
    const selected = await Promise.all(items.map((item, i) => inputs.itemInput(effective, item, i, frame, keys === undefined ? undefined : { key: keys[i], source: undefined })));
    // Recorded on AWS: a Map without ItemSelector shows no afterItemSelector (its inputs are the items).
    const stages: MapItemStages = hasSelector(def, language) ? { afterItemSelector: selected } : {};
    if (batcher !== undefined) stages.afterItemBatcher = await batcher(selected, effective, frame);
    return stages;
  } catch {
    return {};
  }
}

function hasSelector(def: StateDefinition, language: QueryLanguage): boolean {
  return Object.hasOwn(def, "ItemSelector") || (language === "JSONPath" && Object.hasOwn(def, "Parameters"));
}

/**
 * `afterItemsPointer`: the items a JSON ItemReader's `ReaderConfig.ItemsPointer` selects from what
 * it reads (`stateConfiguration.mapItemReaderData`), by the reader's own JSON parsing. Undefined
 * without a pointer or data, or when they do not give items (the Map reports that itself).
 */
export function itemsAfterPointer(def: StateDefinition, data: string | undefined): unknown[] | undefined {
  const reader = def["ItemReader"];
  const config = isJsonObject(reader) ? reader["ReaderConfig"] : undefined;
  const pointer = isJsonObject(config) ? config["ItemsPointer"] : undefined;
  if (typeof pointer !== "string" || data === undefined) return undefined;
  try {
    return jsonItems(data, pointer, "mapItemReaderData");
  } catch {
    return undefined;
  }
}
