import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const coreDir = fileURLToPath(new URL("../", import.meta.url));
const repoDir = join(coreDir, "../..");

/**
 * Makes `dir` (outside the repository) a project of its own that type-checks `files` with the
 * repository's strict options, `@stepcraft/core` resolved to its source, as a user's would.
 */
export async function writeStandaloneProject(dir: string, files: readonly string[]): Promise<void> {
  const tsconfig = {
    compilerOptions: {
      target: "ES2023",
      lib: ["ES2023"],
      module: "nodenext",
      moduleResolution: "nodenext",
      strict: true,
      noUncheckedIndexedAccess: true,
      exactOptionalPropertyTypes: true,
      verbatimModuleSyntax: true,
      allowImportingTsExtensions: true,
      skipLibCheck: true,
      noEmit: true,
      types: ["node"],
      typeRoots: [join(repoDir, "node_modules/@types")],
      // The project lives outside the repository; point the package name at its source.
      paths: { "@stepcraft/core": [join(coreDir, "src/index.ts")] },
    },
    files,
  };
  await writeFile(join(dir, "tsconfig.json"), JSON.stringify(tsconfig, null, 2));
  await writeFile(join(dir, "package.json"), JSON.stringify({ type: "module" }));
}
