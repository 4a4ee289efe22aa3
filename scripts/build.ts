// Builds every published package into what `npm pack` ships: dist/esm (ES modules, .d.ts,
// declaration maps, source maps) and, for the entry points a `require` can reach, dist/cjs
// (CommonJS with the same declarations, read as CommonJS types under its own package.json).
//
// Why two tools (docs/architecture.md, "Building the packages"):
// - tsc 7 emits the ES modules and the declarations: they are exactly what the repository's
//   type-check sees, and `rewriteRelativeImportExtensions` turns our `./x.ts` imports into
//   `./x.js`. (tsdown's declaration step needs TypeScript's JavaScript API, which TypeScript 7
//   does not ship.)
// - esbuild (already a dependency: the CDK package bundles handlers with it) turns each ES
//   module into a CommonJS file one for one, so `@stepcraft/runtime` and
//   `@stepcraft/runtime/testing` share one copy of every class in CommonJS too (a bundle per
//   entry point would duplicate them and break `instanceof`).
//
// Usage: node --import tsx scripts/build.ts [package-dir...]   (default: every package, in
// dependency order)
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { SOURCE_CONDITION, buildOrder, readPackage, type ExportTarget } from "./packaging/package-manifest.ts";

const repoRoot = resolve(import.meta.dirname, "..");
const tscBin = join(repoRoot, "node_modules/typescript/bin/tsc");

/** Every file below `dir`, as paths relative to it. */
function filesBelow(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)));
}

function emitEsm(packageDir: string): void {
  const result = spawnSync(process.execPath, [tscBin, "-p", join(packageDir, "tsconfig.build.json")], { stdio: "inherit" });
  if (result.status !== 0) throw new Error(`tsc failed for ${relative(repoRoot, packageDir)} (exit ${result.status})`);
}

// In CommonJS, `import.meta.url` is this file's URL computed from __filename (esbuild would
// otherwise replace `import.meta` with an empty object).
const importMetaUrlShim = 'var __stepcraftImportMetaUrl = require("node:url").pathToFileURL(__filename).href;';

async function emitCjs(packageDir: string): Promise<void> {
  const esmDir = join(packageDir, "dist/esm");
  const cjsDir = join(packageDir, "dist/cjs");
  const files = filesBelow(esmDir);
  await build({
    entryPoints: files.filter((file) => file.endsWith(".js")).map((file) => join(esmDir, file)),
    outdir: cjsDir,
    outbase: esmDir,
    bundle: false,
    format: "cjs",
    platform: "node",
    target: "node20",
    sourcemap: "linked",
    sourcesContent: false,
    logLevel: "warning",
    define: { "import.meta.url": "__stepcraftImportMetaUrl" },
    // The shim comes after the directive, so the file stays in strict mode.
    banner: { js: `"use strict";\n${importMetaUrlShim}` },
  });
  // The declarations are the same text; under dist/cjs/package.json ("type": "commonjs") a
  // TypeScript consumer that requires the package reads them as CommonJS declarations. JSON
  // modules (which tsc copies into dist/esm) are required as they are.
  for (const file of files.filter((f) => f.endsWith(".d.ts") || f.endsWith(".d.ts.map") || f.endsWith(".json"))) {
    mkdirSync(dirname(join(cjsDir, file)), { recursive: true });
    copyFileSync(join(esmDir, file), join(cjsDir, file));
  }
  writeFileSync(join(cjsDir, "package.json"), `${JSON.stringify({ type: "commonjs" }, null, 2)}\n`);
}

function checkTargets(packageDir: string, targets: readonly ExportTarget[]): void {
  const missing = targets.filter((target) => !existsSync(join(packageDir, target.path)));
  if (missing.length > 0) {
    throw new Error(
      `${relative(repoRoot, packageDir)}: package.json names files the build did not write: ${missing.map((t) => `${t.path} (${t.subpath}, ${t.condition})`).join(", ")}`,
    );
  }
}

/** A package's own extra build step (package.json `stepcraft.buildSteps`), e.g. the server's console bundle. */
async function runBuildStep(packageDir: string, step: string): Promise<void> {
  const module = (await import(pathToFileURL(join(packageDir, step)).href)) as { default?: unknown };
  if (typeof module.default !== "function") throw new Error(`${relative(repoRoot, join(packageDir, step))} must default-export (packageDir: string) => Promise<void>`);
  await (module.default as (dir: string) => Promise<void>)(packageDir);
}

async function buildPackage(packageDir: string): Promise<void> {
  const started = performance.now();
  const manifest = readPackage(packageDir);
  rmSync(join(packageDir, "dist"), { recursive: true, force: true });
  emitEsm(packageDir);
  if (manifest.targets.some((target) => target.condition.split(".").includes("require"))) await emitCjs(packageDir);
  checkTargets(packageDir, manifest.targets);
  for (const step of manifest.buildSteps) await runBuildStep(packageDir, step);
  console.log(`built ${manifest.name} in ${Math.round(performance.now() - started)} ms`);
}

const requested = process.argv.slice(2).map((dir) => resolve(dir));
const order = buildOrder(repoRoot).filter((dir) => requested.length === 0 || requested.includes(dir));
for (const packageDir of order) {
  const compiled = readPackage(packageDir).targets.some((target) => target.condition === SOURCE_CONDITION);
  // A package without TypeScript entry points (create-stepcraft: a bin script) ships as it is.
  if (!compiled) continue;
  if (!existsSync(join(packageDir, "tsconfig.build.json"))) throw new Error(`${relative(repoRoot, packageDir)} exports TypeScript sources but has no tsconfig.build.json`);
  await buildPackage(packageDir);
}
