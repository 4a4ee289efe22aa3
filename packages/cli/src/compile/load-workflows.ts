/**
 * Loads TypeScript workflow modules: esbuild bundles the entry in memory, with bare imports kept
 * external but resolved (by esbuild, from the entry's folder) to the files the entry itself would
 * import; the bundle is written to the system's temporary folder (never the user's tree),
 * imported under guard (see guarded-import.ts), and removed again.
 */
import { randomBytes } from "node:crypto";
import { mkdir, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, dirname, isAbsolute, join } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { ModuleExitAttempt, removeOnExit, withGuardedProcess } from "./guarded-import.ts";
import { LOAD_TIMEOUT_VARIABLE, loadsWithin, loadTimeoutMs } from "./load-deadline.ts";
import { isWorkflow, type LoadedWorkflow } from "./workflow-brand.ts";

/** Marks esbuild's own resolution of a bare import, asked for by the plugin below. */
const RESOLVING = Symbol("stepcraft resolving");

/** One workflow a module exports, with the export's name. */
export interface ExportedWorkflow {
  readonly exportName: string;
  readonly workflow: LoadedWorkflow;
}

/** A module that cannot be loaded: the message names the file and what to do. */
export class ModuleLoadError extends Error {
  override readonly name = "ModuleLoadError";
}

/** True for paths the CLI treats as workflow modules rather than ASL JSON. */
export function isWorkflowModulePath(file: string): boolean {
  return /\.(c|m)?tsx?$/i.test(file) && !file.endsWith(".d.ts");
}

export interface LoadOptions {
  /**
   * Bare imports to point at a given URL instead of resolving them beside the entry: generated
   * modules in a temporary directory import the @stepcraft/core this CLI runs with.
   */
  readonly aliases?: Readonly<Record<string, string>>;
  /** Longest a module may take to load (default: `STEPCRAFT_LOAD_TIMEOUT_MS`, else 30 s). */
  readonly timeoutMs?: number;
  /**
   * The module is code stepcraft generated (`import`'s round trip), whose top level only builds
   * a workflow: it is imported at once, without the trial load in a child process.
   */
  readonly generated?: boolean;
}

/** Bundles and imports `path` (absolute), returning the workflows it exports. */
export async function loadWorkflows(path: string, options: LoadOptions = {}): Promise<ExportedWorkflow[]> {
  const aliases = options.aliases ?? {};
  const exists = await stat(path).then((s) => s.isFile(), () => false);
  if (!exists) throw new ModuleLoadError(`cannot read '${path}': no such file (check the path)`);
  // Naming the bundle as the outfile makes the source map's paths relative to it, so stack traces
  // (builder call sites) name the user's file, from any cwd.
  const temp = join(tmpdir(), "stepcraft-modules", `${basename(path)}.${randomBytes(6).toString("hex")}.mjs`);
  let code: string;
  try {
    const result = await build({
      entryPoints: [path],
      outfile: temp,
      bundle: true,
      write: false,
      platform: "node",
      format: "esm",
      target: "node20",
      sourcemap: "inline",
      logLevel: "silent",
      plugins: [
        {
          name: "stepcraft-aliases",
          setup(b) {
            b.onResolve({ filter: /^[^./]/ }, async (args) => {
              if (args.path in aliases) return { path: aliases[args.path] ?? args.path, external: true };
              if (args.pluginData === RESOLVING) return undefined;
              // The bundle lives elsewhere: import a package by the file the entry would get.
              const found = await b.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: RESOLVING });
              // Unresolvable here: left to Node (which then names the missing package).
              if (found.errors.length > 0 || !isAbsolute(found.path)) return { path: args.path, external: true };
              return { path: pathToFileURL(found.path).href, external: true };
            });
          },
        },
      ],
    });
    code = result.outputFiles[0]?.text ?? "";
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new ModuleLoadError(`cannot compile '${path}': ${detail}`);
  }
  const module = await importBundle(path, temp, code, options.generated === true ? undefined : (options.timeoutMs ?? loadTimeoutMs()));
  const found: ExportedWorkflow[] = [];
  for (const [exportName, value] of Object.entries(module)) {
    if (isWorkflow(value)) found.push({ exportName, workflow: value });
  }
  return found;
}

/**
 * Imports the bundle from the temporary folder (its bare imports were resolved to the files the
 * entry's project would use), first in a child process under a time limit (see load-deadline.ts)
 * unless `timeoutMs` is undefined (generated code).
 */
async function importBundle(entry: string, temp: string, code: string, timeoutMs: number | undefined): Promise<Record<string, unknown>> {
  await mkdir(dirname(temp), { recursive: true });
  await writeFile(temp, code, "utf8");
  const cleanUp = removeOnExit(temp);
  try {
    if (timeoutMs !== undefined) await loadsInTime(entry, temp, timeoutMs);
    return await withGuardedProcess(async () => (await import(pathToFileURL(temp).href)) as Record<string, unknown>);
  } catch (error) {
    if (error instanceof ModuleLoadError) throw error;
    const detail = error instanceof Error ? error.message : String(error);
    throw new ModuleLoadError(`cannot load '${entry}': ${error instanceof ModuleExitAttempt ? error.message : detail}`);
  } finally {
    cleanUp();
  }
}

/** Throws a ModuleLoadError naming `entry` unless its bundle `temp` loads in a child within `timeoutMs`. */
async function loadsInTime(entry: string, temp: string, timeoutMs: number): Promise<void> {
  if (await loadsWithin(pathToFileURL(temp).href, timeoutMs)) return;
  throw new ModuleLoadError(
    `cannot load '${entry}': it was still loading after ${timeoutMs / 1000} s (a loop, or a top-level await that never settles?); a workflow module must finish loading promptly (${LOAD_TIMEOUT_VARIABLE} sets the limit in milliseconds)`,
  );
}
