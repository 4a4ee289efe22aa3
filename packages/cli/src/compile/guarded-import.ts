/**
 * Imports a user's module without letting it take the CLI down or corrupt its output: writes to
 * stdout while it loads go to stderr (so `--json` stays parseable), `process.exit` becomes a load
 * error naming the file, and the temporary bundle is removed even if the process exits meanwhile.
 */
import { rmSync } from "node:fs";

/** Thrown in place of `process.exit` while a module loads. */
export class ModuleExitAttempt extends Error {
  override readonly name = "ModuleExitAttempt";
  constructor(readonly code: string | number | null | undefined) {
    super(`it called process.exit(${code === undefined ? "" : String(code)}) while loading; a workflow module must not exit the process`);
  }
}

/** Runs `load` with stdout sent to stderr and process.exit refused, restoring both afterwards. */
export async function withGuardedProcess<T>(load: () => Promise<T>): Promise<T> {
  const write = process.stdout.write;
  const exit = process.exit;
  // Same signature as stdout's own write: whatever the module prints lands on stderr.
  process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write;
  process.exit = ((code?: string | number | null) => {
    throw new ModuleExitAttempt(code);
  }) as typeof process.exit;
  try {
    return await load();
  } finally {
    process.stdout.write = write;
    process.exit = exit;
  }
}

/** Removes `file` when the process exits (even through process.exit or a signal) unless already done. */
export function removeOnExit(file: string): () => void {
  const remove = (): void => rmSync(file, { force: true });
  const onSignal = (signal: NodeJS.Signals): void => {
    remove();
    process.kill(process.pid, signal);
  };
  process.once("exit", remove);
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  return () => {
    process.off("exit", remove);
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    remove();
  };
}
