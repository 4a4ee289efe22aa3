// A guard run before anything recursive: absurdly deep (or cyclic, when handed live objects)
// input is reported once instead of overflowing the stack.
import { childPointer } from "../json-pointer.ts";

/** Deepest JSON nesting the validator walks. AWS's own limit is undocumented; this is far beyond any real definition. */
export const MAX_NESTING_DEPTH = 128;

interface Frame {
  readonly value: unknown;
  readonly depth: number;
  readonly parent: Frame | undefined;
  readonly key: string | number;
}

/** Pointer to the first value nested deeper than the limit, or undefined. Iterative, linear. */
export function findTooDeeplyNested(root: unknown): string | undefined {
  const stack: Frame[] = [{ value: root, depth: 0, parent: undefined, key: "" }];
  for (let frame = stack.pop(); frame !== undefined; frame = stack.pop()) {
    const { value, depth } = frame;
    if (typeof value !== "object" || value === null) continue;
    if (depth >= MAX_NESTING_DEPTH) return pointerOf(frame);
    if (Array.isArray(value)) {
      for (let index = value.length - 1; index >= 0; index--) stack.push({ value: value[index], depth: depth + 1, parent: frame, key: index });
    } else {
      const record = value as Record<string, unknown>;
      for (const key in record) if (Object.hasOwn(record, key)) stack.push({ value: record[key], depth: depth + 1, parent: frame, key });
    }
  }
  return undefined;
}

// Pointers are only built for the one frame reported, not for every value walked.
function pointerOf(frame: Frame): string {
  const keys: Array<string | number> = [];
  for (let current: Frame | undefined = frame; current?.parent !== undefined; current = current.parent) keys.push(current.key);
  return keys.reverse().reduce<string>((pointer, key) => childPointer(pointer, key), "");
}
