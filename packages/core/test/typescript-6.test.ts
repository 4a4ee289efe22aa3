// The repository type-checks with TypeScript 7; users may still be on TypeScript 6. This checks
// all of packages/core (the public API, the golden workflows, the type-guarantee tests with their
// `@ts-expect-error` lines) with the TypeScript 6 compiler that ts-morph bundles, under the root
// tsconfig's strict options.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Project, ts } from "ts-morph";
import { describe, expect, it } from "vitest";

const repoDir = fileURLToPath(new URL("../../../", import.meta.url));
const coreDir = join(repoDir, "packages/core");

/** Diagnostic 2578: "Unused '@ts-expect-error' directive". */
const UNUSED_EXPECT_ERROR = 2578;

/** Where the compiler host below serves TypeScript 6's own lib files from. */
const LIB_DIR = "/typescript-6-lib";

/**
 * TypeScript 6's lib files (lib.es2023.d.ts…): ts-morph ships them as text, not as files, so a
 * ts-morph Project loads them once and a plain compiler host serves them from memory.
 */
function typescript6Libs(options: ts.CompilerOptions): ReadonlyMap<string, string> {
  const project = new Project({ compilerOptions: options });
  // Kept in memory, never saved: the program needs one root file to load the default libs.
  project.createSourceFile(join(coreDir, "test/lib-probe.ts"), "export {};");
  const libs = new Map<string, string>();
  for (const file of project.getProgram().compilerObject.getSourceFiles()) {
    const name = file.fileName.slice(file.fileName.lastIndexOf("/") + 1);
    if (/^lib\..*d\.ts$/.test(name) && !file.fileName.startsWith(repoDir)) libs.set(name, file.text);
  }
  return libs;
}

/** The default compiler host, with the lib files served from {@link typescript6Libs} and `extra` files from memory. */
function hostWithLibs(options: ts.CompilerOptions, extra: ReadonlyMap<string, string> = new Map()): ts.CompilerHost {
  const libs = typescript6Libs(options);
  const host = ts.createCompilerHost(options);
  const lib = (fileName: string): string | undefined =>
    extra.get(fileName) ?? (fileName.startsWith(`${LIB_DIR}/`) ? libs.get(fileName.slice(LIB_DIR.length + 1)) : undefined);
  return {
    ...host,
    getDefaultLibLocation: () => LIB_DIR,
    getDefaultLibFileName: (o) => `${LIB_DIR}/${ts.getDefaultLibFileName(o)}`,
    fileExists: (fileName) => lib(fileName) !== undefined || host.fileExists(fileName),
    readFile: (fileName) => lib(fileName) ?? host.readFile(fileName),
    getSourceFile: (fileName, language, onError, create) => {
      const text = lib(fileName);
      return text === undefined ? host.getSourceFile(fileName, language, onError, create) : ts.createSourceFile(fileName, text, language);
    },
  };
}

/** The root tsconfig's compiler options, as TypeScript 6 reads them. */
function repoOptions(): ts.CompilerOptions {
  const config = ts.readConfigFile(join(repoDir, "tsconfig.json"), (path) => ts.sys.readFile(path));
  const { options, errors } = ts.parseJsonConfigFileContent(config.config, ts.sys, repoDir);
  if (errors.length > 0) throw new Error(errors.map((e) => ts.flattenDiagnosticMessageText(e.messageText, "\n")).join("\n"));
  return options;
}

describe("packages/core under TypeScript 6", () => {
  it("uses ts-morph's bundled TypeScript 6", () => {
    expect(ts.versionMajorMinor.startsWith("6.")).toBe(true);
  });

  it("reports an unused @ts-expect-error as TS2578 (so the check below can see one)", () => {
    const file = join(coreDir, "test/unused-directive-probe.ts");
    const probe = `import { workflow, typeOnly } from "../src/index.ts";\nconst flow = workflow("P", { input: typeOnly<{ readonly n: number }>() });\n// @ts-expect-error - nothing is wrong here\nflow.pass("Fine", { output: ($) => $.input.n });\n`;
    const program = ts.createProgram([file], repoOptions(), hostWithLibs(repoOptions(), new Map([[file, probe]])));
    expect(ts.getPreEmitDiagnostics(program).map((d) => d.code)).toEqual([UNUSED_EXPECT_ERROR]);
  }, 180_000);

  it("type-checks with no diagnostics, and every @ts-expect-error still catches an error", () => {
    // A plain TypeScript 6 program rather than a ts-morph Project: ts-morph creates source files
    // without their Node module format, so `import.meta` in an ESM package would be reported.
    const options = repoOptions();
    const roots = ts.sys.readDirectory(coreDir, [".ts"], ["**/node_modules"], ["src/**/*.ts", "test/**/*.ts", "scripts/**/*.ts"]);
    expect(roots.some((file) => file.endsWith("/builder/type-guarantees.test.ts"))).toBe(true);
    // Data that may be absent: its negative type tests (and the narrowing forms) must hold under TypeScript 6 too.
    expect(roots.some((file) => file.endsWith("/builder/optional-fields.test.ts"))).toBe(true);
    const program = ts.createProgram(roots, options, hostWithLibs(options));

    const diagnostics = ts.getPreEmitDiagnostics(program).filter((d) => {
      // Files of other packages that core imports (asl) are theirs to keep clean; options and global diagnostics count.
      const file = d.file?.fileName;
      return file === undefined || file.startsWith(coreDir);
    });
    const shown = diagnostics.map((d) => {
      const line = d.file === undefined || d.start === undefined ? 0 : d.file.getLineAndCharacterOfPosition(d.start).line + 1;
      return `${d.file?.fileName ?? "(options)"}:${line} TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
    });
    expect(shown).toEqual([]);
    expect(diagnostics.some((d) => d.code === UNUSED_EXPECT_ERROR)).toBe(false);

    // The check above is only meaningful if the negative type tests are in the program.
    const directives = roots.reduce((n, file) => n + (readFileSync(file, "utf8").match(/^\s*\/\/ @ts-expect-error/gm)?.length ?? 0), 0);
    console.log(`TypeScript ${ts.version}: ${roots.length} files of packages/core, ${directives} @ts-expect-error directives, no diagnostics`);
    expect(directives).toBeGreaterThanOrEqual(127);
  }, 180_000);
});
