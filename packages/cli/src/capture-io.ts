import type { CliIo } from "./io.ts";

/** A CliIo that keeps what a command prints, for tests. */
export function captureIo(cwd: string): CliIo & { stdout: () => string; stderr: () => string } {
  let out = "";
  let err = "";
  return { cwd, out: (s) => void (out += s), err: (s) => void (err += s), stdout: () => out, stderr: () => err };
}
