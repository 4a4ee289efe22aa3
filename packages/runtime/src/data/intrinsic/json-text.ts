/**
 * JSON text of payload values, remembered per object.
 *
 * Payloads are immutable once the engine holds them (inputs are copied at the API boundary, task
 * results are adopted, every state builds new spines instead of editing old ones), so an object
 * keeps one JSON text for its whole life. Pass-heavy workflows stringify the same input object in
 * state after state (`States.JsonToString($.obj)`, `States.Hash($.obj, …)`); the WeakMap turns the
 * repeats into a lookup and forgets the text together with the object.
 */
const textOfObject = new WeakMap<object, string>();

/** `JSON.stringify(value)` (undefined for undefined), cached for objects and arrays. */
export function jsonText(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null) return JSON.stringify(value) as string | undefined;
  const cached = textOfObject.get(value);
  if (cached !== undefined) return cached;
  const text = JSON.stringify(value);
  textOfObject.set(value, text);
  return text;
}
