/**
 * A time limit on loading a user's module. Its top level runs synchronously inside `import()`: a
 * module that loops forever there would hang the CLI, and nothing in the same thread can
 * interrupt it. So each bundle is first imported in a child process (same Node.js, same flags, so
 * the same loaders and conditions), which can be killed mid-loop; only a module that finished
 * loading there (or failed on its own) is imported in the CLI's process, where its handlers must
 * live. One child serves every module of a command (a glob may find dozens): Node.js, the loader
 * and @stepcraft/core start once, not once per module. A worker thread would be cheaper still,
 * but loader hooks registered with `--import` (tsx) do not reach workers on Node.js 20.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";

/** How long a module may take to load unless `STEPCRAFT_LOAD_TIMEOUT_MS` says otherwise. */
export const DEFAULT_LOAD_TIMEOUT_MS = 30_000;

/** The environment variable that changes the limit (milliseconds). */
export const LOAD_TIMEOUT_VARIABLE = "STEPCRAFT_LOAD_TIMEOUT_MS";

/** The limit in force: the environment's, when it is a positive number, else the default. */
export function loadTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env[LOAD_TIMEOUT_VARIABLE]);
  return Number.isFinite(value) && value > 0 ? value : DEFAULT_LOAD_TIMEOUT_MS;
}

/** This module's folder: the child resolves its loader (`tsx`) from here, not from the user's cwd. */
const HERE = dirname(fileURLToPath(import.meta.url));

// Imports each URL it is sent and answers once the import ended, whatever its outcome (the CLI's
// own import reports failures in detail). A module may exit the child: the CLI then starts
// another. It leaves when the CLI does (the channel closes), even if a module left timers running.
const TRIAL_SERVER = `
process.on("disconnect", () => process.exit(0));
process.on("message", (url) => {
  import(url).then(() => process.send("ended"), () => process.send("ended"));
});
`;

/**
 * When the CLI runs from its TypeScript sources (the repository's tests and scripts), the bundle
 * imports TypeScript files too: the child needs a loader for them and the source condition,
 * which the test runner may provide in-process rather than by Node.js flags.
 */
function sourceModeFlags(): string[] {
  if (!import.meta.url.endsWith(".ts")) return [];
  const flags: string[] = [];
  if (!process.execArgv.some((flag) => flag.includes("tsx"))) flags.push("--import", "tsx");
  if (!process.execArgv.some((flag) => flag.includes("@stepcraft/source"))) flags.push("--conditions=@stepcraft/source");
  return flags;
}

/** The child that trial-loads modules, started on first use; undefined once it is gone. */
let server: ChildProcess | undefined;

function trialServer(): ChildProcess {
  if (server !== undefined && server.exitCode === null && server.signalCode === null && server.connected) return server;
  const flags = [...process.execArgv, ...sourceModeFlags()];
  const child = spawn(process.execPath, [...flags, "--input-type=module", "--eval", TRIAL_SERVER], { stdio: ["ignore", "ignore", "ignore", "ipc"], cwd: HERE });
  // Never what keeps the CLI running: referenced only while a trial waits for it.
  child.unref();
  child.channel?.unref();
  child.on("error", () => undefined);
  // A child busy in a module's loop cannot hear the channel close: end it when the CLI ends.
  const stop = (): void => {
    child.kill("SIGKILL");
  };
  process.once("exit", stop);
  child.once("exit", () => process.off("exit", stop));
  server = child;
  return child;
}

/**
 * Imports `url` in the trial child: `true` once the import ended (loaded, threw, or exited the
 * child), `false` when it was still running after `timeoutMs`, and the child is then killed.
 * What the module prints there is discarded: the CLI's own import prints it again, to stderr.
 */
export function loadsWithin(url: string, timeoutMs: number): Promise<boolean> {
  const child = trialServer();
  return new Promise((resolve) => {
    let settled = false;
    const finish = (ended: boolean): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.off("message", onMessage);
      child.off("exit", onExit);
      child.channel?.unref();
      if (!ended) {
        child.kill("SIGKILL");
        if (server === child) server = undefined;
      }
      resolve(ended);
    };
    const onMessage = (): void => finish(true);
    const onExit = (): void => finish(true);
    const timer = setTimeout(() => finish(false), timeoutMs);
    child.on("message", onMessage);
    child.on("exit", onExit);
    child.channel?.ref();
    child.send(url);
  });
}
