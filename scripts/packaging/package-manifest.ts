// Reads what a workspace package publishes: its export targets (per subpath and condition) and
// where it sits in the dependency order, so the build, the pack step and the tests agree.
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";

/** The condition that lets the repository resolve a package to its TypeScript sources. */
export const SOURCE_CONDITION = "@stepcraft/source";

/** One file that package.json's `exports` (or `bin`) points at. */
export interface ExportTarget {
  /** The subpath as written in `exports` (".", "./testing"…), or "bin:<name>". */
  readonly subpath: string;
  /** The condition path leading to it, e.g. "import.types", "require.default", "@stepcraft/source". */
  readonly condition: string;
  /** The file, relative to the package directory. */
  readonly path: string;
}

export interface PackageManifest {
  readonly name: string;
  readonly dir: string;
  readonly dependencies: readonly string[];
  readonly targets: readonly ExportTarget[];
  /**
   * Scripts (relative to the package) that `scripts/build.ts` runs after tsc and esbuild, from
   * package.json's `stepcraft.buildSteps`: each default-exports `(packageDir) => Promise<void>`
   * and writes more of `dist/` (the server's console).
   */
  readonly buildSteps: readonly string[];
}

interface RawPackageJson {
  name?: string;
  private?: boolean;
  exports?: unknown;
  bin?: Record<string, string> | string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  stepcraft?: { buildSteps?: string[] };
}

function collectTargets(subpath: string, value: unknown, conditionPath: readonly string[], into: ExportTarget[]): void {
  if (typeof value === "string") {
    into.push({ subpath, condition: conditionPath.join(".") || "default", path: value.replace(/^\.\//, "") });
    return;
  }
  if (value === null || typeof value !== "object") return;
  for (const [key, inner] of Object.entries(value)) collectTargets(subpath, inner, [...conditionPath, key], into);
}

/** Reads packages/<dir>/package.json into the shape the build needs. */
export function readPackage(dir: string): PackageManifest {
  const json = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as RawPackageJson;
  if (json.name === undefined) throw new Error(`${dir}/package.json has no name`);
  const targets: ExportTarget[] = [];
  if (typeof json.exports === "object" && json.exports !== null) {
    for (const [subpath, value] of Object.entries(json.exports)) collectTargets(subpath, value, [], targets);
  }
  if (typeof json.bin === "object") {
    for (const [name, path] of Object.entries(json.bin)) targets.push({ subpath: `bin:${name}`, condition: "default", path: path.replace(/^\.\//, "") });
  }
  const dependencies = Object.keys({ ...json.dependencies, ...json.peerDependencies, ...json.devDependencies });
  return { name: json.name, dir, dependencies, targets, buildSteps: json.stepcraft?.buildSteps ?? [] };
}

/** The published packages (packages/*), each after the workspace packages it depends on. */
export function buildOrder(repoRoot: string): string[] {
  const packagesDir = join(repoRoot, "packages");
  const manifests = readdirSync(packagesDir)
    .map((name) => join(packagesDir, name))
    .filter((dir) => existsSync(join(dir, "package.json")))
    .map(readPackage);
  const byName = new Map(manifests.map((m) => [m.name, m]));
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (manifest: PackageManifest): void => {
    if (ordered.includes(manifest.dir)) return;
    if (visiting.has(manifest.name)) throw new Error(`workspace packages depend on each other in a cycle through ${manifest.name}`);
    visiting.add(manifest.name);
    for (const dependency of manifest.dependencies) {
      const inner = byName.get(dependency);
      if (inner !== undefined) visit(inner);
    }
    visiting.delete(manifest.name);
    ordered.push(manifest.dir);
  };
  for (const manifest of [...manifests].sort((a, b) => a.name.localeCompare(b.name))) visit(manifest);
  return ordered;
}
