/**
 * Builder call sites (`file:line`) for error messages. The stack is captured at each builder call
 * but only formatted and parsed when a message needs it, which keeps building cheap.
 */

export interface CallSite {
  /** `path/to/file.ts:line`, relative to the working directory when possible. */
  readonly text: string;
}

/**
 * The folders whose frames are the builder's own, given this module's folder: the builder itself
 * and, when it runs built (dist/esm/builder or dist/cjs/builder), its sources too, since stack
 * traces read through the shipped source maps name src/builder files.
 */
export function builderDirs(moduleDir: string): readonly string[] {
  const source = moduleDir.replace(/\/dist\/(?:esm|cjs)\/builder\/$/, "/src/builder/");
  return source === moduleDir ? [moduleDir] : [moduleDir, source];
}

// Only the builder itself is internal: workflows defined anywhere else (even in this package) are user code.
const internalDirs = builderDirs(new URL("./", import.meta.url).pathname);
const FRAME = /\(?((?:file:\/\/)?\/[^()]+?):(\d+):\d+\)?$/;

function parseSite(stack: string | undefined): string {
  for (const line of (stack ?? "").split("\n").slice(1)) {
    const match = FRAME.exec(line.trim());
    if (match === null) continue;
    const file = decodeURI((match[1] ?? "").replace(/^file:\/\//, ""));
    // Frames inside the builder itself are skipped; tests living beside the code are user code.
    if (internalDirs.some((dir) => file.startsWith(dir)) && !file.endsWith(".test.ts")) continue;
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
