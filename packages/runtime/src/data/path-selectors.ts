import type { JsonPathSelector } from "@stepcraft/asl";
import { isJsonObject, setOwn } from "./json-values.ts";
import type { EvaluationScope } from "./scope.ts";

/** What a filter can see besides the node it tests: the path's input (`$`) and the scope. */
export interface PathContext {
  readonly root: unknown;
  readonly scope: EvaluationScope;
}

/** Tests one node against a filter. */
export type NodePredicate = (node: unknown, context: PathContext) => boolean;

/** Appends what a selector picks from `node` to `out` (Jayway semantics for indefinite paths). */
export type SelectorFunction = (node: unknown, context: PathContext, out: unknown[], isLeaf: boolean) => void;

/** Compile a selector for use in indefinite paths; `filter` compiles filter expressions. */
export function compileSelector(selector: JsonPathSelector, filter: (selector: JsonPathSelector & { kind: "filter" }) => NodePredicate): SelectorFunction {
  switch (selector.kind) {
    case "member": {
      const { name } = selector;
      return (node, _context, out) => {
        if (isJsonObject(node) && Object.hasOwn(node, name)) out.push(node[name]);
      };
    }
    case "index": {
      const { index } = selector;
      return (node, _context, out) => {
        if (!Array.isArray(node)) return;
        const at = index < 0 ? node.length + index : index;
        if (at >= 0 && at < node.length) out.push(node[at]);
      };
    }
    case "wildcard":
      return (node, _context, out) => {
        if (Array.isArray(node)) for (const item of node) out.push(item);
        else if (isJsonObject(node)) for (const key of Object.keys(node)) out.push(node[key]);
      };
    case "slice": {
      const { start, end, step } = selector;
      return (node, _context, out) => {
        if (Array.isArray(node)) pushSlice(node, start, end, step ?? 1, out);
      };
    }
    case "member-union": {
      const { names } = selector;
      return (node, _context, out, isLeaf) => {
        if (!isJsonObject(node)) return;
        if (isLeaf) {
          // Jayway gathers several properties of one object into a new object with those present.
          const picked: Record<string, unknown> = {};
          for (const name of names) if (Object.hasOwn(node, name)) setOwn(picked, name, node[name]);
          out.push(picked);
        } else {
          for (const name of names) if (Object.hasOwn(node, name)) out.push(node[name]);
        }
      };
    }
    case "index-union": {
      const { indexes } = selector;
      return (node, _context, out) => {
        if (!Array.isArray(node)) return;
        for (const index of indexes) {
          const at = index < 0 ? node.length + index : index;
          if (at >= 0 && at < node.length) out.push(node[at]);
        }
      };
    }
    case "filter": {
      const matches = filter(selector);
      return (node, context, out) => {
        if (Array.isArray(node)) {
          for (const item of node) if (matches(item, context)) out.push(item);
        } else if (isJsonObject(node) && matches(node, context)) {
          // Jayway applies a filter on an object to the object itself.
          out.push(node);
        }
      };
    }
  }
}

/** Python-style slice with clamping, as Jayway's array slices behave. */
function pushSlice(array: readonly unknown[], start: number | null, end: number | null, step: number, out: unknown[]): void {
  const length = array.length;
  const clamp = (value: number, low: number, high: number) => Math.min(Math.max(value, low), high);
  if (step > 0) {
    const from = start === null ? 0 : clamp(start < 0 ? length + start : start, 0, length);
    const to = end === null ? length : clamp(end < 0 ? length + end : end, 0, length);
    for (let i = from; i < to; i += step) out.push(array[i]);
  } else {
    const from = start === null ? length - 1 : clamp(start < 0 ? length + start : start, -1, length - 1);
    const to = end === null ? -1 : clamp(end < 0 ? length + end : end, -1, length - 1);
    for (let i = from; i > to; i += step) out.push(array[i]);
  }
}

/**
 * Deep scan (`..`): apply the selector to the node and every descendant, in document order.
 * Filters only test array elements here, so that an object inside an array is not matched twice.
 */
export function compileDescendantSelector(selector: JsonPathSelector, select: SelectorFunction): SelectorFunction {
  const filterOnlyArrays = selector.kind === "filter";
  const visit = (node: unknown, context: PathContext, out: unknown[], isLeaf: boolean): void => {
    if (!filterOnlyArrays || Array.isArray(node)) select(node, context, out, isLeaf);
    if (Array.isArray(node)) {
      for (const item of node) if (typeof item === "object" && item !== null) visit(item, context, out, isLeaf);
    } else if (isJsonObject(node)) {
      for (const key of Object.keys(node)) {
        const child = node[key];
        if (typeof child === "object" && child !== null) visit(child, context, out, isLeaf);
      }
    }
  };
  return visit;
}
