// Which npm packages a piece of code makes Node.js load, seen from a fresh process: for the tests
// that keep rarely needed dependencies (jsonata, zod) out of what importing a package costs
// (docs/performance.md, "Memory"). The child runs the TypeScript sources as the tests do (tsx,
// the source condition); a module hook reports every ES module and every module `import`ed, and
// the CommonJS cache at exit adds what `require` loaded.
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

/**
 * The names of the npm packages (from node_modules) loaded while `body` runs, sorted. `body` is
 * the text of an ES module run from the repository root; it must load what it uses with
 * `await import(…)`: a static import would run before the hook is in place.
 */
export function packagesLoadedBy(body: string): string[] {
  const child = spawnSync(process.execPath, ["--conditions=@stepcraft/source", "--import", "tsx", "--input-type=module", "-e", `${prologue}\n${body}`], {
    cwd: repoRoot,
    encoding: "utf8",
    timeout: 60_000,
  });
  if (child.status !== 0) throw new Error(`the child process failed (exit ${String(child.status)}): ${child.stderr.slice(-2000)}`);
  const names = new Set<string>();
  for (const line of child.stderr.split("\n")) {
    if (!line.startsWith(MARK)) continue;
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(line.slice(MARK.length));
    if (match !== null) names.add(match[1]!);
  }
  return [...names].sort();
}
