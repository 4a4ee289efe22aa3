// JSONata's $pad and $join, with their output size checked before it is allocated: JSONata's
// own $pad builds an array of `width` slots first, so `$pad('x', 1e8)` aborted the process.
import { checkStringLength } from "./evaluation-growth.ts";

/** Largest length a JavaScript array can have. */
const MAX_ARRAY_SLOTS = 2 ** 32 - 1;

/** Code points of a string (JSONata counts characters, not UTF-16 units). */
function codePoints(text: string): string[] {
  return Array.from(text);
}

/**
 * `$pad(str, width[, char])`: pads to |width| characters, on the right for a positive width and
 * on the left for a negative one, repeating `char` (default a space; only the characters needed
 * are used), exactly as JSONata 2.0.6 does. Fails when the result would be over the evaluation bound.
 */
export function boundedPad(str: string | undefined, width: number, char?: string): string | undefined {
  if (str === undefined) return undefined;
  const fill = char === undefined || char.length === 0 ? " " : char;
  const target = Math.abs(width);
  const padLength = target - codePoints(str).length;
  if (padLength <= 0) return str;
  // JSONata 2.0.6 (AWS's) builds `new Array(padLength + 1)`: a width that makes that length
  // fractional or huge fails there with this RangeError, before anything is allocated.
  const slots = padLength + 1;
  if (!Number.isInteger(slots) || slots > MAX_ARRAY_SLOTS) throw new RangeError("Invalid array length");
  checkStringLength("The result of $pad", target);
  // JSONata joins `slots - 1` fills and keeps that many characters: whole repeats of the fill,
  // then the start of one more, counted in characters (a long fill is never repeated in full).
  const needed = slots - 1;
  const fillPoints = codePoints(fill);
  const whole = Math.floor(needed / fillPoints.length);
  const padding = fill.repeat(whole) + fillPoints.slice(0, needed - whole * fillPoints.length).join("");
  return width > 0 ? str + padding : padding + str;
}

/** `$join(strings[, separator])`, its length summed before the string is built. */
export function boundedJoin(strings: readonly string[] | undefined, separator?: string): string | undefined {
  if (strings === undefined) return undefined;
  const sep = separator ?? "";
  let length = strings.length > 0 ? sep.length * (strings.length - 1) : 0;
  for (const s of strings) length += s.length;
  checkStringLength("The result of $join", length);
  return strings.join(sep);
}

/** The replacements registered in place of JSONata's built-ins, with JSONata's signatures. */
export const BOUNDED_STRING_FUNCTIONS = {
  pad: { implementation: boundedPad, signature: "<s-ns?:s>" },
  join: { implementation: boundedJoin, signature: "<a<s>s?:s>" },
} as const;
