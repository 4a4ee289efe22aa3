/** Timestamps: strings marked as RFC 3339 instants, so Choice rules compare them as times. */
declare const timestampBrand: unique symbol;

/** An RFC 3339 timestamp string (`2026-01-31T12:00:00Z`). */
export type Timestamp = string & { readonly [timestampBrand]: "Timestamp" };

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** True when `value` is an RFC 3339 timestamp as ASL understands it; usable as `z.custom<Timestamp>(isTimestamp)`. */
export function isTimestamp(value: unknown): value is Timestamp {
  return typeof value === "string" && RFC3339.test(value);
}

/** Marks a literal as a timestamp; throws when it is not RFC 3339 (uppercase `T`, `Z` or offset). */
export function timestamp(value: string): Timestamp {
  if (!isTimestamp(value)) throw new TypeError(`not an RFC 3339 timestamp: ${JSON.stringify(value)}`);
  return value;
}
