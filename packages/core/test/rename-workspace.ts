/**
 * A temp directory holding one workflow module, opened as a ts-morph project (TypeScript 6's
 * language service, as an editor runs it) and importable by Node before and after a refactoring.
 * Shared by the rename tests.
 */
import { mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Project } from "ts-morph";
import type { SourceFile } from "ts-morph";
import type { AslDefinition, QueryLanguage } from "../src/index.ts";

const repoDir = fileURLToPath(new URL("../../../", import.meta.url));

/** What a workflow module in the workspace exports. */
interface WorkflowModule {
  build(queryLanguage: QueryLanguage): { toAsl(): AslDefinition };
}

export interface RenameWorkspace {
  readonly project: Project;
  /** `workflow.ts`, as ts-morph reads it. */
  readonly source: SourceFile;
  /** Writes `text` as a new module and compiles its `build()` workflow in both languages. */
  compileModule(name: string, text: string): Promise<Record<QueryLanguage, AslDefinition>>;
  dispose(): Promise<void>;
}

/** Writes `workflowText` as `workflow.ts` in a new temp dir whose imports resolve through the repository. */
export async function openRenameWorkspace(prefix: string, workflowText: string): Promise<RenameWorkspace> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  // `zod` and `@stepcraft/core` resolve through the repository's node_modules, for tsc and Node alike.
  await symlink(join(repoDir, "node_modules"), join(dir, "node_modules"), "dir");
  await writeFile(join(dir, "package.json"), JSON.stringify({ type: "module" }));
  await writeFile(join(dir, "workflow.ts"), workflowText);
  const project = new Project({ tsConfigFilePath: join(repoDir, "tsconfig.json"), skipAddingFilesFromTsConfig: true });
  return {
    project,
    source: project.addSourceFileAtPath(join(dir, "workflow.ts")),
    async compileModule(name, text) {
      const file = join(dir, name);
      await writeFile(file, text);
      const module = (await import(pathToFileURL(file).href)) as WorkflowModule;
      return { JSONata: module.build("JSONata").toAsl(), JSONPath: module.build("JSONPath").toAsl() };
    },
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}
