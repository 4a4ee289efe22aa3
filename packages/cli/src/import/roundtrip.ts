/**
 * The import round trip: generated code is compiled the way `stepcraft compile` does (esbuild,
 * then import) and its ASL compared with the original, up to key order and written-out defaults.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { loadWorkflows } from "../compile/load-workflows.ts";
import { diffJson, normaliseDefinition } from "./normalise-asl.ts";

export interface RoundTripResult {
  readonly ok: boolean;
  /** Where the compiled definition differs (JSON pointers), or why it could not be compiled. */
  readonly diff?: readonly string[];
}

/** A scratch directory for generated modules, and the @stepcraft/core they import. */
export interface RoundTripWorkspace {
  readonly directory: string;
  readonly coreUrl: string;
  dispose(): Promise<void>;
}

export async function openRoundTripWorkspace(): Promise<RoundTripWorkspace> {
  const directory = await mkdtemp(join(tmpdir(), "stepcraft-import-"));
  const coreUrl = pathToFileURL(createRequire(import.meta.url).resolve("@stepcraft/core")).href;
  return { directory, coreUrl, dispose: () => rm(directory, { recursive: true, force: true }) };
}

let counter = 0;

/** Compiles `source` (a generated module) and compares its single workflow's ASL with `original`. */
export async function checkRoundTrip(source: string, original: unknown, workspace: RoundTripWorkspace): Promise<RoundTripResult> {
  const file = join(workspace.directory, `imported-${++counter}.ts`);
  await writeFile(file, source, "utf8");
  try {
    // Our own generated code, not a user's module: nothing at its top level to guard against.
    const [first] = await loadWorkflows(file, { aliases: { "@stepcraft/core": workspace.coreUrl }, generated: true });
    if (first === undefined) return { ok: false, diff: ["the generated module exports no workflow"] };
    const { asl } = first.workflow.compile();
    const diff = diffJson(normaliseDefinition(JSON.parse(JSON.stringify(asl))), normaliseDefinition(original));
    return diff.length === 0 ? { ok: true } : { ok: false, diff };
  } catch (error) {
    return { ok: false, diff: [`the generated module does not load: ${error instanceof Error ? error.message : String(error)}`] };
  } finally {
    await rm(file, { force: true });
  }
}
