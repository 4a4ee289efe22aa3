// Ours rather than Date.parse or a date library: AWS accepts only the RFC 3339 profile (uppercase
// T and Z, real calendar dates) with 1–9 fractional digits kept as written; Date.parse and ISO 8601
// libraries accept more (lowercase, week dates, missing offsets) and drop sub-millisecond digits.
/**
 * Timestamps as Step Functions reads and writes them: the RFC 3339 profile of ISO 8601 with an
 * uppercase `T`, and `Z` or a numeric offset (`2016-03-14T01:59:00Z`, `…00.5+01:00`), 1–9
 * fractional digits. Used by Choice `Timestamp*` operators, Wait `Timestamp`/`TimestampPath`
 * and the context object.
 *
 * Parsing is by character codes rather than a RegExp so that a Choice rule evaluated in a loop
 * allocates nothing, and it does its own calendar arithmetic because `Date.UTC` maps years 0–99
 * to 1900–1999.
 */

/** An instant split so that nanoseconds survive: `Number` milliseconds cannot hold them exactly. */
export interface PreciseInstant {
  /** Whole seconds since 1970-01-01T00:00:00Z (may be negative). */
  seconds: number;
  /** Nanoseconds within that second, 0 … 999 999 999. */
  nanos: number;
}

const ZERO = 48;

/** The value of the decimal digit at `i`, or -1 when it is not a digit. */
function digitAt(text: string, i: number): number {
  const d = text.charCodeAt(i) - ZERO;
  return d >= 0 && d <= 9 ? d : -1;
}

/** The `count`-digit number at `i`, or -1 when any of those characters is not a digit. */
function numberAt(text: string, i: number, count: number): number {
  let n = 0;
  for (let k = 0; k < count; k++) {
    const d = digitAt(text, i + k);
    if (d < 0) return -1;
    n = n * 10 + d;
  }
  return n;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
}

/** Days from 1970-01-01 to the given proleptic-Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * Parses `text` into `out`; false (and `out` untouched or partly written) when it is not a
 * timestamp AWS accepts. Rejects impossible dates (`2016-13-05`, `02-30`), hour 24, leap second
 * 60, a space or lowercase `t`/`z`, a missing offset, and more than 9 fractional digits.
 */
export function parseTimestampInto(text: string, out: PreciseInstant): boolean {
  const n = text.length;
  // Shortest form: YYYY-MM-DDTHH:MM:SSZ (20 characters).
  if (n < 20) return false;
  const year = numberAt(text, 0, 4);
  const month = numberAt(text, 5, 2);
  const day = numberAt(text, 8, 2);
  const hour = numberAt(text, 11, 2);
  const minute = numberAt(text, 14, 2);
  const second = numberAt(text, 17, 2);
  if (
    year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 ||
    minute < 0 || minute > 59 || second < 0 || second > 59 ||
    text.charCodeAt(4) !== 45 /* - */ || text.charCodeAt(7) !== 45 ||
    text.charCodeAt(10) !== 84 /* T */ || text.charCodeAt(13) !== 58 /* : */ || text.charCodeAt(16) !== 58
  ) {
    return false;
  }
  if (day > daysInMonth(year, month)) return false;

  let i = 19;
  let nanos = 0;
  if (text.charCodeAt(i) === 46 /* . */) {
    i++;
    const start = i;
    let scale = 100_000_000;
    for (let d = digitAt(text, i); d >= 0; d = digitAt(text, i)) {
      if (i - start === 9) return false;
      nanos += d * scale;
      scale /= 10;
      i++;
    }
    if (i === start) return false;
  }

  let offsetMinutes = 0;
  const sign = text.charCodeAt(i);
  if (sign === 90 /* Z */) {
    i++;
  } else if (sign === 43 /* + */ || sign === 45 /* - */) {
    const oh = numberAt(text, i + 1, 2);
    const om = numberAt(text, i + 4, 2);
    if (oh < 0 || oh > 23 || om < 0 || om > 59 || text.charCodeAt(i + 3) !== 58) return false;
    offsetMinutes = (sign === 43 ? 1 : -1) * (oh * 60 + om);
    i += 6;
  } else {
    return false;
  }
  if (i !== n) return false;

  out.seconds = daysFromCivil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second - offsetMinutes * 60;
  out.nanos = nanos;
  return true;
}

/** Negative, zero or positive as `a` is before, at or after `b`. */
export function compareInstants(a: PreciseInstant, b: PreciseInstant): number {
  return a.seconds !== b.seconds ? a.seconds - b.seconds : a.nanos - b.nanos;
}

const scratch: PreciseInstant = { seconds: 0, nanos: 0 };

/** Epoch milliseconds of an RFC 3339 timestamp as AWS accepts it (sub-millisecond digits truncated), or `undefined`. */
export function parseTimestamp(text: string): number | undefined {
  if (!parseTimestampInto(text, scratch)) return undefined;
  return scratch.seconds * 1000 + Math.floor(scratch.nanos / 1_000_000);
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : `${n}`;
}

function padFraction(n: number, width: number): string {
  return `${n}`.padStart(width, "0");
}

/**
 * Renders epoch milliseconds the way AWS writes context-object timestamps (Java's `Instant`):
 * `2025-08-27T10:04:42Z`, `…42.001Z`, `…42.100Z`; a fractional millisecond adds 6 or 9 digits.
 */
export function formatTimestamp(ms: number): string {
  let wholeMs = Math.floor(ms);
  let subMsNanos = Math.round((ms - wholeMs) * 1_000_000);
  if (subMsNanos === 1_000_000) {
    wholeMs += 1;
    subMsNanos = 0;
  }
  const seconds = Math.floor(wholeMs / 1000);
  const nanos = (wholeMs - seconds * 1000) * 1_000_000 + subMsNanos;

  let days = Math.floor(seconds / 86_400);
  const secondOfDay = seconds - days * 86_400;
  // civil_from_days (H. Hinnant), the inverse of daysFromCivil.
  days += 719_468;
  const era = Math.floor(days / 146_097);
  const doe = days - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);

  const hour = Math.floor(secondOfDay / 3600);
  const minute = Math.floor((secondOfDay % 3600) / 60);
  const second = secondOfDay % 60;

  let fraction = "";
  if (nanos !== 0) {
    if (nanos % 1_000_000 === 0) fraction = `.${padFraction(nanos / 1_000_000, 3)}`;
    else if (nanos % 1000 === 0) fraction = `.${padFraction(nanos / 1000, 6)}`;
    else fraction = `.${padFraction(nanos, 9)}`;
  }
  return `${`${year}`.padStart(4, "0")}-${pad2(month)}-${pad2(day)}T${pad2(hour)}:${pad2(minute)}:${pad2(second)}${fraction}Z`;
}
