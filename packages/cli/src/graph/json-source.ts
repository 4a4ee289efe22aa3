// JSON.parse with the failure turned into a line and column, so a message can point at the typo.
import { positionOf } from "@stepcraft/asl";

/** The parsed value, or why parsing failed and where (1-based line and column). */
export type JsonParseResult =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly reason: string; readonly line: number; readonly column: number };

/** Parses JSON text (a leading BOM is ignored); never throws. */
export function parseJsonText(text: string): JsonParseResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === "") return { ok: false, reason: "the file is empty", line: 1, column: 1 };
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const offset = Number(/position (\d+)/.exec(message)?.[1] ?? body.length);
    // V8 sometimes appends its own "(line x column y)"; ours counts the same way, so drop theirs.
    const reason = message.replace(/\s*\(line \d+ column \d+\)/, "").replace(/ in JSON at position \d+/, "");
    return { ok: false, reason, ...positionOf(body, offset) };
  }
}
