import { MAX_JSON_NESTING } from "../limits/json-nesting.ts";

/**
 * Deep-freezes JSON data the runtime owns, so that state data can be shared between states
 * without copying. A frozen object's children are frozen already (only this module freezes),
 * so shared subtrees are visited once at most.
 */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== "object" || Object.isFrozen(value)) return value;
  Object.freeze(value);
  if (Array.isArray(value)) {
    for (const item of value) deepFreeze(item);
  } else {
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

/**
 * A handler result JSON.stringify rejects (a BigInt, a cycle, a throwing `toJSON`), which the
 * Lambda runtime fails to send; also raised past MAX_JSON_NESTING levels, so no result can
 * overflow the stack of the walks that follow.
 */
export class UnserializableResult extends Error {
  override readonly name = "UnserializableResult";
}

/**
 * Takes a handler's result into state data without freezing the caller's own objects (a
 * handler may return a module-level object it later changes): frozen parts, typically pieces of
 * the event it was given, are shared; everything else is copied, and the copy is frozen. Keeps
 * JSON.stringify's view (what the Lambda runtime sends): `toJSON` is called, `undefined`,
 * functions and symbols are dropped (null in arrays); what it cannot serialise throws
 * {@link UnserializableResult}.
 */
export function adoptResult(value: unknown): unknown {
  return adoptAt(value, 0);
}

function adoptAt(value: unknown, depth: number): unknown {
  if (typeof value === "bigint") throw new UnserializableResult("Do not know how to serialize a BigInt");
  if (value === null || typeof value !== "object" || Object.isFrozen(value)) return value;
  if (depth >= MAX_JSON_NESTING) throw new UnserializableResult(`The result is nested more than ${MAX_JSON_NESTING} levels deep (or refers to itself)`);
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      out[i] = item === undefined || typeof item === "function" || typeof item === "symbol" ? null : adoptAt(item, depth + 1);
    }
    return Object.freeze(out);
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if ((proto !== Object.prototype && proto !== null) || typeof (value as { toJSON?: unknown }).toJSON === "function") {
    // Dates, class instances, Maps, objects with their own toJSON…: take JSON's view of them.
    return adoptAt(jsonView(value), depth);
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const item = (value as Record<string, unknown>)[key];
    if (item === undefined || typeof item === "function" || typeof item === "symbol") continue;
    Object.defineProperty(out, key, { value: adoptAt(item, depth + 1), enumerable: true, writable: true, configurable: true });
  }
  return Object.freeze(out);
}

/** JSON.parse(JSON.stringify(value)), with JSON.stringify's failure as an UnserializableResult. */
function jsonView(value: object): unknown {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch (error) {
    throw new UnserializableResult(error instanceof Error ? error.message : String(error));
  }
  return text === undefined ? null : (JSON.parse(text) as unknown);
}
