// What the consumer tests share: pack every published package the way `npm publish` would,
// make scratch projects outside the repository, and run commands in them with their output
// kept for the failure message.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";

export const repoRoot = resolve(import.meta.dirname, "../..");

/** Where scratch projects live: the system temp dir, never inside the repository. */
export function scratchDir(label: string): string {
  return mkdtempSync(join(tmpdir(), `stepcraft-consumer-${label}-`));
}

export function removeScratch(dir: string): void {
  if (process.env["STEPCRAFT_KEEP_SCRATCH"] === undefined) rmSync(dir, { recursive: true, force: true });
}

/** The environment of a command run in a scratch project: no npm_* settings of the repository's own `npm test`. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.toLowerCase().startsWith("npm_") && key !== "INIT_CWD" && key !== "NODE_OPTIONS" && key !== "VITEST" && !key.startsWith("VITEST_")) env[key] = value;
  }
  return { ...env, CI: "true", NO_UPDATE_NOTIFIER: "1", ...extra };
}

export interface CommandResult {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

export interface RunOptions {
  readonly cwd: string;
  readonly env?: Record<string, string>;
  readonly timeoutMs?: number;
  /** Return a failing result instead of throwing. */
  readonly allowFailure?: boolean;
}

/** Runs a command; throws with its output when it fails (unless allowFailure). */
export function run(command: string, args: readonly string[], options: RunOptions): CommandResult {
  const started = performance.now();
  const result = spawnSync(command, args, {
    cwd: options.cwd,
    env: cleanEnv(options.env ?? {}),
    encoding: "utf8",
    timeout: options.timeoutMs ?? 300_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  const outcome: CommandResult = {
    status: result.status ?? -1,
    stdout: result.stdout ?? "",
    stderr: result.stderr ?? "",
    ms: performance.now() - started,
  };
  if (outcome.status !== 0 && options.allowFailure !== true) {
    const why = result.error === undefined ? `exit ${outcome.status}` : result.error.message;
    throw new Error(`\`${command} ${args.join(" ")}\` in ${options.cwd} failed (${why})\n--- stdout\n${tail(outcome.stdout)}\n--- stderr\n${tail(outcome.stderr)}`);
  }
  return outcome;
}

function tail(text: string): string {
  return text.length > 6000 ? `…${text.slice(-6000)}` : text;
}

/** `npm install` in a scratch project, from the registry cache where it can. */
export function npmInstall(cwd: string, specs: readonly string[] = []): CommandResult {
  return run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error", ...specs], { cwd, timeoutMs: 600_000 });
}

export interface PackedPackage {
  readonly name: string;
  readonly tarball: string;
  readonly size: number;
  readonly unpackedSize: number;
  readonly files: readonly string[];
}

/** The packages under packages/ that are published (not private). */
export function publishedPackageDirs(): string[] {
  return readdirSync(join(repoRoot, "packages"))
    .map((name) => join(repoRoot, "packages", name))
    .filter((dir) => {
      try {
        return (JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { private?: boolean }).private !== true;
      } catch {
        return false;
      }
    });
}

/**
 * `npm pack` of every published package (already built by `npm run build`, which `npm test`
 * runs first) into `destination`.
 */
export function packAll(destination: string): Map<string, PackedPackage> {
  mkdirSync(destination, { recursive: true });
  const packed = new Map<string, PackedPackage>();
  for (const dir of publishedPackageDirs()) {
    const { stdout } = run("npm", ["pack", dir, "--pack-destination", destination, "--json", "--loglevel=error"], { cwd: repoRoot });
    const [info] = JSON.parse(stdout) as { name: string; filename: string; size: number; unpackedSize: number; files: { path: string }[] }[];
    if (info === undefined) throw new Error(`npm pack ${dir} printed no package`);
    packed.set(info.name, {
      name: info.name,
      tarball: join(destination, info.filename),
      size: info.size,
      unpackedSize: info.unpackedSize,
      files: info.files.map((f) => f.path),
    });
  }
  return packed;
}

/** The tarballs of the named packages, for `npm install`. */
export function tarballs(packed: ReadonlyMap<string, PackedPackage>, names: readonly string[]): string[] {
  return names.map((name) => {
    const found = packed.get(name);
    if (found === undefined) throw new Error(`${name} was not packed (packed: ${[...packed.keys()].join(", ")})`);
    return found.tarball;
  });
}

/** Writes files (path → text) below `root`, creating folders. */
export function writeFiles(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

/** The versions the repository's lock file pins, so scratch projects use the same tools. */
export function lockedVersion(name: string): string {
  const lock = JSON.parse(readFileSync(join(repoRoot, "package-lock.json"), "utf8")) as { packages: Record<string, { version?: string }> };
  const version = lock.packages[`node_modules/${name}`]?.version;
  if (version === undefined) throw new Error(`${name} is not in package-lock.json`);
  return version;
}
