// What a long bench run says while it works: on a terminal's stderr only, so a piped or redirected
// run (CI logs, a saved report) holds just its results. Failures are not progress: they are
// always written (see `problem`).

/** A progress line: shown on a terminal, silent otherwise. */
export function progress(message: string, stream: { readonly isTTY?: boolean; write(text: string): unknown } = process.stderr): void {
  if (stream.isTTY === true) stream.write(`${message}\n`);
}

/** Something that went wrong: always written to stderr. */
export function problem(message: string): void {
  process.stderr.write(`${message}\n`);
}
