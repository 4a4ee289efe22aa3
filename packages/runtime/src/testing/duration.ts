/**
 * A duration as a trace shows it: `250ms`, `4s`, `4.5s`, `3m 05s`, `2h 00m`, `2h 00m 06s`,
 * `1d 02h 00m` (seconds are shown past an hour only when there are some).
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return String(ms);
  if (ms < 0) return `-${formatDuration(-ms)}`;
  if (ms < 1000) return ms === 0 ? "0s" : `${trim(ms)}ms`;
  if (ms < 60_000) return `${trim(ms / 1000)}s`;
  const totalSeconds = Math.round(ms / 1000);
  const days = Math.floor(totalSeconds / 86_400);
  const hours = Math.floor((totalSeconds % 86_400) / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  if (days > 0) return `${days}d ${pad(hours)}h ${pad(minutes)}m${seconds === 0 ? "" : ` ${pad(seconds)}s`}`;
  if (hours > 0) return `${hours}h ${pad(minutes)}m${seconds === 0 ? "" : ` ${pad(seconds)}s`}`;
  return `${minutes}m ${pad(seconds)}s`;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** Up to three decimals, trailing zeros dropped. */
function trim(n: number): string {
  return String(Math.round(n * 1000) / 1000);
}
