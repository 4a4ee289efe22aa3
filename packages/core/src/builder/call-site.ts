/**
 * Builder call sites (`file:line`) for error messages. The stack is captured at each builder call
 * but only formatted and parsed when a message needs it, which keeps building cheap.
 */

export interface CallSite {
  /** `path/to/file.ts:line`, relative to the working directory when possible. */
  readonly text: string;
}

// Only the builder itself is internal: workflows defined anywhere else (even in this package) are user code.
const internalDir = new URL("./", import.meta.url).pathname;
const FRAME = /\(?((?:file:\/\/)?\/[^()]+?):(\d+):\d+\)?$/;

function parseSite(stack: string | undefined): string {
  for (const line of (stack ?? "").split("\n").slice(1)) {
    const match = FRAME.exec(line.trim());
    if (match === null) continue;
    const file = decodeURI((match[1] ?? "").replace(/^file:\/\//, ""));
    // Frames inside the builder itself are skipped; tests living beside the code are user code.
    if (file.startsWith(internalDir) && !file.endsWith(".test.ts")) continue;
    const cwd = typeof process === "undefined" ? "" : `${process.cwd()}/`;
    return `${cwd !== "" && file.startsWith(cwd) ? file.slice(cwd.length) : file}:${match[2] ?? "?"}`;
  }
  return "<unknown>";
}

/** Captures the caller of the current builder method. */
export function captureSite(): CallSite {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 30;
  const error = new Error();
  Error.stackTraceLimit = limit;
  let text: string | undefined;
  return {
    get text() {
      text ??= parseSite(error.stack);
      return text;
    },
  };
}
