// RFC 3339 timestamps as AWS accepts them: uppercase T and Z, real calendar dates and times.
// Ours rather than Date.parse or a date library: AWS accepts only the RFC 3339 profile (uppercase
// T and Z, real calendar dates) with 1–9 fractional digits kept as written; Date.parse and ISO 8601
// libraries accept more (lowercase, week dates, missing offsets) and drop sub-millisecond digits.

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-](\d{2}):(\d{2}))$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** True for a valid RFC 3339 date-time such as `2026-03-14T01:59:00Z`. */
export function isRfc3339Timestamp(text: string): boolean {
  const match = RFC3339.exec(text);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const maxDay = month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 31);
  if (day > maxDay) return false;
  if (Number(match[4]) > 23 || Number(match[5]) > 59 || Number(match[6]) > 59) return false;
  if (match[9] !== undefined && (Number(match[9]) > 23 || Number(match[10]) > 59)) return false;
  return true;
}
