/**
 * Renders epoch milliseconds the way the context object and history show them: ISO 8601 UTC with
 * the fractional part's trailing zeros dropped (`…:42Z`, `…:42.1Z`, `…:42.001Z`).
 */
export function formatContextTimestamp(ms: number): string {
  const iso = new Date(ms).toISOString();
  const frac = ms % 1000;
  if (frac === 0) return `${iso.slice(0, 19)}Z`;
  return `${iso.slice(0, 23).replace(/0+$/, "")}Z`;
}
