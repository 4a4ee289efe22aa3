/** AWS's limit on any state or task input/output: 256 KiB of UTF-8. */
export const MAX_PAYLOAD_BYTES = 256 * 1024;

/** UTF-8 size of a JSON text, computed only when the text could be over the limit. */
export function jsonTextExceedsLimit(text: string): boolean {
  // A UTF-16 code unit is at most 3 UTF-8 bytes, so short texts skip the exact count.
  if (text.length * 3 <= MAX_PAYLOAD_BYTES) return false;
  return Buffer.byteLength(text, "utf8") > MAX_PAYLOAD_BYTES;
}
