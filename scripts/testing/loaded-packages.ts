// Which modules a piece of code makes Node.js load, seen from a fresh process: for the tests
// that keep rarely needed dependencies (jsonata, zod) and per-file modules out of what importing
// a package costs (docs/performance.md, "Memory"). A module hook reports every module `import`ed,
// and the CommonJS cache at exit adds what `require` loaded.
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";

const repoRoot = resolve(import.meta.dirname, "../..");
const MARK = "stepcraft-loaded:";
const hooks = `export async function load(url, context, next) { process.stderr.write(${JSON.stringify(MARK)} + url + "\\n"); return next(url, context); }`;
const prologue = [
  'import { createRequire, register } from "node:module";',
  `register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hooks)}`)});`,
  `process.on("exit", () => { for (const file of Object.keys(createRequire(import.meta.url).cache)) process.stderr.write(${JSON.stringify(MARK)} + file + "\\n"); });`,
].join("\n");

export interface LoadOptions {
  /** Where the code runs (default: the repository root). */
  readonly cwd?: string;
  /** Run the packages' TypeScript sources, as the repository's tests do (tsx, the source condition); default true. */
  readonly sources?: boolean;
}

/**
 * The files (URLs or paths) of the modules loaded while `body` runs, in load order. `body` is the
 * text of an ES module; it must load what it uses with `await import(…)`: a static import would
 * run before the hook is in place.
 */
export function modulesLoadedBy(body: string, options: LoadOptions = {}): string[] {
  const flags = options.sources === false ? [] : ["--conditions=@stepcraft/source", "--import", "tsx"];
  const child = spawnSync(process.execPath, [...flags, "--input-type=module", "-e", `${prologue}\n${body}`], {
    cwd: options.cwd ?? repoRoot,
    encoding: "utf8",
    timeout: 60_000,
  });
  if (child.status !== 0) throw new Error(`the child process failed (exit ${String(child.status)}): ${child.stderr.slice(-2000)}`);
  return child.stderr
    .split("\n")
    .filter((line) => line.startsWith(MARK))
    .map((line) => line.slice(MARK.length));
}

/** The names of the npm packages (from node_modules) loaded while `body` runs, sorted. */
export function packagesLoadedBy(body: string, options: LoadOptions = {}): string[] {
  const names = new Set<string>();
  for (const file of modulesLoadedBy(body, options)) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file);
    if (match !== null) names.add(match[1]!);
  }
  return [...names].sort();
}
