// A package build step (package.json `stepcraft.buildSteps`): replaces the package's dist/esm
// JavaScript, one file per source module, by one file per entry point plus the chunks the entry
// points share (esbuild's code splitting, so every class still exists once however many entry
// points a program imports). Why: Node.js spends about 50 KB of memory on every ES module it
// loads, whatever its size; `import "@stepcraft/runtime"` loaded about 190 of them, 16 MB of RSS,
// where the bundled files cost 7.5 MB (docs/performance.md, memory). The declarations (.d.ts) and
// dist/cjs (made from the per-file modules before this step) stay one file per module.
// Only for packages that never locate files next to their own modules (import.meta.url), since a
// module moved into a chunk changes directory.
import { mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { build } from "esbuild";
import { readPackage } from "./package-manifest.ts";

/** Every file below `dir`, as paths relative to it. */
function filesBelow(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)));
}

export default async function bundleEsm(packageDir: string): Promise<void> {
  const esmDir = join(packageDir, "dist/esm");
  const staging = join(packageDir, "dist/esm-bundled");
  const entries = readPackage(packageDir)
    .targets.filter((target) => target.condition.split(".").includes("import") && target.path.endsWith(".js"))
    .map((target) => join(packageDir, target.path));
  rmSync(staging, { recursive: true, force: true });
  await build({
    entryPoints: [...new Set(entries)],
    outdir: staging,
    outbase: esmDir,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    // Dependencies, peer dependencies and the other @stepcraft packages stay imports.
    packages: "external",
    chunkNames: "chunks/[name]-[hash]",
    // Maps back to the TypeScript sources through the per-file source maps tsc wrote.
    sourcemap: "linked",
    sourcesContent: false,
    logLevel: "warning",
  });
  for (const file of filesBelow(esmDir)) {
    if (file.endsWith(".js") || file.endsWith(".js.map")) rmSync(join(esmDir, file));
  }
  for (const file of filesBelow(staging)) {
    mkdirSync(dirname(join(esmDir, file)), { recursive: true });
    renameSync(join(staging, file), join(esmDir, file));
  }
  rmSync(staging, { recursive: true, force: true });
}
