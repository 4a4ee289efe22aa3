import type { CliIo } from "./io.ts";

/** A CliIo for tests: everything written is kept, readable as text. */
export function captureIo(cwd: string): CliIo & { stdout: () => string; stderr: () => string } {
  let out = "";
  let err = "";
  return { cwd, out: (s) => void (out += s), err: (s) => void (err += s), stdout: () => out, stderr: () => err };
}
