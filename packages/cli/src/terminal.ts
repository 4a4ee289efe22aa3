// Colour and progress for people at a terminal, never for scripts: a pipe, a file, NO_COLOR or
// --json output stays plain, and progress lines appear only on a terminal's stderr.
import picocolors from "picocolors";

type Colors = ReturnType<typeof picocolors.createColors>;

/**
 * Whether stdout gets colour: FORCE_COLOR (other than "0") asks for it, NO_COLOR or TERM=dumb
 * refuse it, and otherwise only a terminal gets it (https://no-color.org).
 */
export function terminalColors(env: Readonly<Record<string, string | undefined>>, stdoutIsTty: boolean): boolean {
  if (env["NO_COLOR"] !== undefined && env["NO_COLOR"] !== "") return false;
  const force = env["FORCE_COLOR"];
  if (force !== undefined) return force !== "0" && force !== "false";
  return stdoutIsTty && env["TERM"] !== "dumb";
}

/** The colour functions for an io: picocolors' own, or ones that return the text as it is. */
export function colorsFor(io: { readonly color?: boolean }): Colors {
  return picocolors.createColors(io.color === true);
}

/** A progress writer for a terminal's stderr (one line, rewritten in place), or nothing. */
export function terminalProgress(stream: { readonly isTTY?: boolean; write(text: string): unknown }): { progress?: (text: string) => void } {
  if (stream.isTTY !== true) return {};
  return { progress: (text) => void stream.write(`\r\u001b[2K${text}`) };
}
