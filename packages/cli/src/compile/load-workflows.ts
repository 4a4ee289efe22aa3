/**
 * Loads TypeScript workflow modules: esbuild bundles the entry in memory (bare imports stay
 * external), the bundle is written beside the entry so those imports resolve from the project,
 * imported, and removed again.
 */
import { randomBytes } from "node:crypto";
import { rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { isWorkflow, type LoadedWorkflow } from "./workflow-brand.ts";

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
}

/** Bundles and imports `path` (absolute), returning the workflows it exports. */
export async function loadWorkflows(path: string, options: LoadOptions = {}): Promise<ExportedWorkflow[]> {
  const aliases = options.aliases ?? {};
  const exists = await stat(path).then((s) => s.isFile(), () => false);
  if (!exists) throw new ModuleLoadError(`cannot read '${path}': no such file (check the path)`);
  // The bundle is written beside the entry; naming it as the outfile makes the source map's paths
  // relative to it, so stack traces (builder call sites) name the user's file, from any cwd.
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.stepcraft.mjs`);
  let code: string;
  try {
    const result = await build({
      entryPoints: [path],
      outfile: temp,
      bundle: true,
      write: false,
      platform: "node",
      format: "esm",
      packages: "external",
      target: "node20",
      sourcemap: "inline",
      logLevel: "silent",
      plugins: [
        {
          name: "stepcraft-aliases",
          setup(b) {
            b.onResolve({ filter: /^[^./]/ }, (args) => (args.path in aliases ? { path: aliases[args.path] ?? args.path, external: true } : undefined));
          },
        },
      ],
    });
    code = result.outputFiles[0]?.text ?? "";
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new ModuleLoadError(`cannot compile '${path}': ${detail}`);
  }
  const module = await importBundle(path, temp, code);
  const found: ExportedWorkflow[] = [];
  for (const [exportName, value] of Object.entries(module)) {
    if (isWorkflow(value)) found.push({ exportName, workflow: value });
  }
  return found;
}

/**
 * Imports bundled code from a hidden file next to the entry: bare imports (`@stepcraft/core`)
 * then resolve from the entry's project, exactly as they would for the original module.
 */
async function importBundle(entry: string, temp: string, code: string): Promise<Record<string, unknown>> {
  await writeFile(temp, code, "utf8");
  try {
    return (await import(pathToFileURL(temp).href)) as Record<string, unknown>;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new ModuleLoadError(`cannot load '${entry}': ${detail}`);
  } finally {
    await rm(temp, { force: true });
  }
}
