import { terminalColors, terminalProgress } from "./terminal.ts";

/** Where a command writes and which directory relative paths start from; tests pass their own. */
export interface CliIo {
  readonly cwd: string;
  out(text: string): void;
  err(text: string): void;
  /** Colour human-readable stdout (never set for --json); default: plain. */
  readonly color?: boolean;
  /** Shows a progress line on stderr, replaced by the next (a terminal only); default: none. */
  progress?(text: string): void;
}

/** The real process streams: colour and progress only when they reach a terminal. */
export const processIo: CliIo = {
  cwd: process.cwd(),
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  color: terminalColors(process.env, process.stdout.isTTY === true),
  ...terminalProgress(process.stderr),
};

/** Exit codes shared by every command: 0 clean, 1 findings or a failed execution, 2 usage. */
export const ExitCode = { Ok: 0, Findings: 1, Usage: 2 } as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** A mistake in how the command was called (bad option, missing file): exit code 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}
