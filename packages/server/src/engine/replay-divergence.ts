import type { HistoryEvent } from "@stepcraft/runtime";

/**
 * Says (on stderr by default) when a replay did not retrace the committed history: an
 * interleaving of concurrent branches, or data such as `$uuid()` that differs. The committed
 * events stand; the ones the replay made differently under the same ids are not stored. Returns
 * the 1-based id of the first differing event, if any.
 */
export function reportDivergence(
  arn: string,
  committed: readonly string[],
  replayed: readonly HistoryEvent[],
  write: (text: string) => void = (text) => void process.stderr.write(text),
): number | undefined {
  const at = committed.findIndex((type, i) => replayed[i] !== undefined && replayed[i].type !== type);
  if (at < 0) return undefined;
  write(`stepcraft serve: execution ${arn} resumed on a different path than it had run: event ${at + 1} was ${committed[at]!} and is now ${replayed[at]!.type}; its history keeps the committed events\n`);
  return at + 1;
}
