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
 * Takes a handler's result into state data without freezing the caller's own objects (a
 * handler may return a module-level object it later changes): frozen parts, typically pieces of
 * the event it was given, are shared; everything else is copied, and the copy is frozen.
 */
export function adoptResult(value: unknown): unknown {
  if (value === null || typeof value !== "object" || Object.isFrozen(value)) return value;
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      out[i] = item === undefined || typeof item === "function" ? null : adoptResult(item);
    }
    return Object.freeze(out);
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) {
    // Dates, class instances, Maps…: take JSON's view of them.
    const text = JSON.stringify(value);
    return text === undefined ? null : deepFreeze(JSON.parse(text) as unknown);
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const item = (value as Record<string, unknown>)[key];
    if (item === undefined || typeof item === "function") continue;
    Object.defineProperty(out, key, { value: adoptResult(item), enumerable: true, writable: true, configurable: true });
  }
  return Object.freeze(out);
}
