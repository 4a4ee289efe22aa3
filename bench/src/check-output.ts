// Every output of every execution is compared with the workload's expected value: a fast
// engine that computes the wrong thing must never look like a win.

/** Where `actual` first differs from `expected` (a JSONPath-like location and why), or undefined when equal. */
export function firstDifference(actual: unknown, expected: unknown, at = "$"): string | undefined {
  if (actual === expected) return undefined;
  if (typeof expected === "number" && typeof actual === "number" && Number.isNaN(expected) && Number.isNaN(actual)) return undefined;
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return `${at}: expected an array, got ${describe(actual)}`;
    if (actual.length !== expected.length) return `${at}: expected ${expected.length} items, got ${actual.length}`;
    for (let i = 0; i < expected.length; i++) {
      const d = firstDifference(actual[i], expected[i], `${at}[${i}]`);
      if (d !== undefined) return d;
    }
    return undefined;
  }
  if (isPlainObject(expected)) {
    if (!isPlainObject(actual)) return `${at}: expected an object, got ${describe(actual)}`;
    for (const key of Object.keys(expected)) {
      if (!Object.hasOwn(actual, key)) return `${at}.${key}: missing`;
      const d = firstDifference(actual[key], expected[key], `${at}.${key}`);
      if (d !== undefined) return d;
    }
    for (const key of Object.keys(actual)) {
      if (!Object.hasOwn(expected, key)) return `${at}.${key}: unexpected field`;
    }
    return undefined;
  }
  return `${at}: expected ${describe(expected)}, got ${describe(actual)}`;
}

/** Deep equality of JSON values (object key order ignored, array order not). */
export function deepEqual(actual: unknown, expected: unknown): boolean {
  return firstDifference(actual, expected) === undefined;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

function describe(v: unknown): string {
  const text = JSON.stringify(v);
  if (text === undefined) return String(v);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
