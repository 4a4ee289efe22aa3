// Builds the browser console of `stepcraft serve` into dist/console: one ES module bundle
// (the console's TypeScript with @stepcraft/graph bundled in, so the page draws with the same
// code as `stepcraft graph`), its page and its stylesheet. scripts/build.ts runs it after the
// package's tsc/esbuild step (package.json `stepcraft.buildSteps`); tests that drive the console
// in a browser run it too.
//
// Usage: node --conditions=@stepcraft/source --import tsx packages/server/scripts/build-console.ts
import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { build } from "esbuild";

/** The console's sources and the page files copied as they are. */
const SOURCE = "console";
const STATIC_FILES = ["index.html", "console.css"] as const;

/** Writes `<packageDir>/dist/console`; returns that directory. */
export default async function buildConsole(packageDir: string = resolve(import.meta.dirname, "..")): Promise<string> {
  const source = join(packageDir, SOURCE);
  const out = join(packageDir, "dist/console");
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  await build({
    entryPoints: [join(source, "main.ts")],
    outfile: join(out, "console.js"),
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    minify: true,
    sourcemap: "linked",
    sourcesContent: false,
    // Resolve the workspace's @stepcraft/graph to its TypeScript sources: the bundle does not
    // depend on the order in which the packages' dist/ folders were built.
    conditions: ["@stepcraft/source"],
    logLevel: "warning",
    legalComments: "none",
  });
  for (const file of STATIC_FILES) copyFileSync(join(source, file), join(out, file));
  return out;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === import.meta.filename) {
  const out = await buildConsole();
  console.log(`built the console into ${out}`);
}
