/**
 * Deep-freezes JSON data handed to or received from task handlers, so that state data can be
 * shared between states without copying. A frozen object's children are frozen already (only
 * this function freezes), so shared subtrees are visited once per execution at most.
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
