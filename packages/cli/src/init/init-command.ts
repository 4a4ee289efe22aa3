// `stepcraft init <dir>`: scaffolds a CDK app with a typed workflow, its handler, a test on the
// local runtime and cdk.json, then installs its packages (unless --no-install).
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import validatePackageName from "validate-npm-package-name";
import { ExitCode, UsageError, type CliIo } from "../io.ts";
import { cliVersion } from "../version.ts";
import { projectFiles } from "./template.ts";

export interface InitOptions {
  /** Run `npm install` in the new project (default true). */
  readonly install: boolean;
  /** The package name; default: the folder's name. */
  readonly name?: string;
  readonly json?: boolean;
}

/** Why a folder can't take a new project, or undefined when it can (missing or empty). */
function folderProblem(dir: string): string | undefined {
  if (!existsSync(dir)) return undefined;
  try {
    const entries = readdirSync(dir).filter((entry) => entry !== ".git");
    return entries.length === 0 ? undefined : `${dir} is not empty (${entries.slice(0, 3).join(", ")}${entries.length > 3 ? ", …" : ""}); choose a new folder`;
  } catch {
    return `${dir} exists and is not a folder; choose a new folder`;
  }
}

function runNpmInstall(dir: string, io: CliIo): Promise<number> {
  return new Promise((resolvePromise) => {
    const child = spawn("npm", ["install", "--no-fund", "--no-audit"], { cwd: dir, stdio: ["ignore", "pipe", "pipe"], shell: process.platform === "win32" });
    child.stdout.on("data", (chunk: Buffer) => io.err(chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => io.err(chunk.toString()));
    child.on("error", (error) => {
      io.err(`stepcraft init: could not run npm install (${error.message})\n`);
      resolvePromise(1);
    });
    child.on("close", (code) => resolvePromise(code ?? 1));
  });
}

export async function initCommand(target: string, options: InitOptions, io: CliIo): Promise<number> {
  const dir = resolve(io.cwd, target);
  const name = options.name ?? basename(dir);
  const verdict = validatePackageName(name);
  if (!verdict.validForNewPackages) {
    const reasons = [...(verdict.errors ?? []), ...(verdict.warnings ?? [])].join("; ");
    throw new UsageError(`'${name}' cannot be an npm package name (${reasons}); pick another folder name or pass --name <name>`);
  }
  const problem = folderProblem(dir);
  if (problem !== undefined) throw new UsageError(problem);

  const files = projectFiles(name, cliVersion());
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const shown = relative(io.cwd, dir) || ".";
  if (options.json === true) {
    io.out(`${JSON.stringify({ directory: dir, name, files: Object.keys(files), installed: options.install })}\n`);
  } else {
    io.out(`Created ${name} in ${shown}: ${Object.keys(files).length} files (a workflow, its handler, a local test, a CDK app).\n`);
  }
  if (options.install) {
    const status = await runNpmInstall(dir, io);
    if (status !== 0) {
      io.err(`stepcraft init: npm install failed (exit ${status}); the files are written, run npm install in ${shown} again\n`);
      return ExitCode.Findings;
    }
  }
  if (options.json !== true) {
    io.out(`\nNext:\n  cd ${shown}\n${options.install ? "" : "  npm install\n"}  npm test          # the workflow's tests, on the local runtime\n  npx cdk synth     # the CloudFormation template\n`);
  }
  return ExitCode.Ok;
}
