/** Where a command writes and which directory relative paths start from; tests pass their own. */
export interface CliIo {
  readonly cwd: string;
  out(text: string): void;
  err(text: string): void;
}

/** The real process streams. */
export const processIo: CliIo = {
  cwd: process.cwd(),
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/** Exit codes shared by every command: 0 clean, 1 findings or a failed execution, 2 usage. */
export const ExitCode = { Ok: 0, Findings: 1, Usage: 2 } as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** A mistake in how the command was called (bad option, missing file): exit code 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}
