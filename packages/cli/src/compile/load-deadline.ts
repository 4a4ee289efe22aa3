/**
 * A time limit on loading a user's module. Its top level runs synchronously inside `import()`: a
 * module that loops forever there would hang the CLI, and nothing in the same thread can
 * interrupt it. So the bundle is first imported in a child process (same Node.js, same flags, so
 * the same loaders and conditions), which can be killed mid-loop; only a module that finished
 * loading there (or failed on its own) is imported in the CLI's process, where its handlers must
 * live. A worker thread would be cheaper, but loader hooks registered with `--import` (tsx) do
 * not reach workers on Node.js 20.
 */
import { spawn } from "node:child_process";
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

/** Node.js's exit code for a top-level await that can never settle. */
const UNSETTLED_TOP_LEVEL_AWAIT = 13;

/** How a trial load in the child process ended. */
export type TrialLoad = "ended" | "timed-out" | "never-settles";

// The outcome of the import itself does not matter here (the CLI's own import reports failures
// in detail): only whether it ended, and in time. Exiting at once: a module may leave timers or
// servers running that would keep the child alive.
const PROBE = "await import(process.argv[1]).catch(() => undefined); process.exit(0);";

/**
 * Imports `url` in a child process: `ended` once it loaded, threw or exited; `timed-out` when it
 * was still running after `timeoutMs` (the child is then killed); `never-settles` when a
 * top-level await waits on nothing. What the module prints there is discarded: the CLI's own
 * import prints it again, to stderr.
 */
export function trialLoad(url: string, timeoutMs: number): Promise<TrialLoad> {
  return new Promise((resolve) => {
    const flags = [...process.execArgv, ...sourceModeFlags()];
    const child = spawn(process.execPath, [...flags, "--input-type=module", "--eval", PROBE, url], { stdio: "ignore", cwd: HERE });
    let settled = false;
    const finish = (outcome: TrialLoad): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (outcome === "timed-out") child.kill("SIGKILL");
      resolve(outcome);
    };
    const timer = setTimeout(() => finish("timed-out"), timeoutMs);
    child.on("error", () => finish("ended"));
    child.on("exit", (code) => finish(code === UNSETTLED_TOP_LEVEL_AWAIT ? "never-settles" : "ended"));
  });
}
