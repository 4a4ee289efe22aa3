// `stepcraft serve` as its own process, as a user runs it: shared by the CLI's serve test and the
// server benchmark (bench/src/server).
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const BIN = fileURLToPath(new URL("../bin/stepcraft.js", import.meta.url));

/** `stepcraft serve` in its own process (what a user runs), on a free port. */
export interface ServeProcess {
  readonly child: ChildProcess;
  readonly url: string;
}

/** Starts `stepcraft serve --port 0 <args>` and resolves once it prints where it listens. */
export function startServeProcess(args: readonly string[]): Promise<ServeProcess> {
  const child = spawn(process.execPath, [BIN, "serve", "--port", "0", ...args], { stdio: ["ignore", "pipe", "pipe"] });
  return new Promise((resolve, reject) => {
    let out = "";
    let err = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const url = /listening on (http:\/\/\S+)/.exec(out)?.[1];
      if (url !== undefined) resolve({ child, url });
    });
    child.stderr!.on("data", (chunk: Buffer) => void (err += chunk.toString()));
    child.once("exit", (code, signal) => reject(new Error(`stepcraft serve ended (${String(code ?? signal)}) before listening: ${err}`)));
  });
}

/** SIGKILL, and wait until the process is gone. */
export async function killHard(serve: ServeProcess): Promise<void> {
  const gone = new Promise((r) => serve.child.once("exit", r));
  serve.child.kill("SIGKILL");
  await gone;
}

/** SIGTERM (a clean stop), and wait until the process is gone. */
export async function stopServe(serve: ServeProcess): Promise<void> {
  const gone = new Promise((r) => serve.child.once("exit", r));
  serve.child.kill("SIGTERM");
  await gone;
}

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ: 100 on Linux). */
const TICKS_PER_SECOND = 100;

/**
 * CPU time (user + system, ms) the server process has used so far: on a shared machine its own
 * cost per request, which wall-clock latency mixes with everyone else's load.
 */
export function serverCpuMs(serve: ServeProcess): number {
  const stat = readFileSync(`/proc/${serve.child.pid ?? 0}/stat`, "utf8");
  // Fields after the command name (which may contain spaces) start at its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}
