// Which kept literal (data/number-text.ts) a number selected by a path had: the text lives with
// the number's container, so a path that picks a number out of the input (a payload template's
// `"total.$": "$.order.total"`) finds it from the container one step up.
import { parseReferencePath } from "@stepcraft/asl";
import { numberTextAt } from "./number-text.ts";

/** Finds the kept literal of the number a path selected from `input`. */
export type NumberTextFinder = (input: unknown, selected: number) => string | undefined;

/**
 * A finder for `pathText` when it is a plain path on the input (member and index steps, at least
 * one), else undefined: filters, wildcards and slices select numbers that lose their text, as a
 * computed value does.
 */
export function numberTextFinder(pathText: string): NumberTextFinder | undefined {
  const parsed = parseReferencePath(pathText);
  if (!parsed.ok || parsed.value.root.kind !== "input" || parsed.value.segments.length === 0) return undefined;
  const steps: Array<string | number> = [];
  for (const segment of parsed.value.segments) {
    if (segment.kind !== "child") return undefined;
    if (segment.selector.kind === "member") steps.push(segment.selector.name);
    else if (segment.selector.kind === "index") steps.push(segment.selector.index);
    else return undefined;
  }
  const last = steps.length - 1;
  return (input, selected) => {
    let holder: unknown = input;
    for (let i = 0; i < last; i++) holder = member(holder, steps[i]!);
    if (holder === null || typeof holder !== "object") return undefined;
    const key = steps[last]!;
    return numberTextAt(holder, typeof key === "number" && key < 0 && Array.isArray(holder) ? holder.length + key : key, selected);
  };
}

function member(holder: unknown, step: string | number): unknown {
  if (holder === null || typeof holder !== "object") return undefined;
  if (typeof step === "number") return Array.isArray(holder) ? holder[step < 0 ? holder.length + step : step] : undefined;
  return Object.hasOwn(holder, step) ? (holder as Record<string, unknown>)[step] : undefined;
}
