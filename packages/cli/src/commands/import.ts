import { mkdir, writeFile } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { generateModuleReport, workflowNameFromFile } from "../import/generate-module.ts";
import { readDefinitionForImport } from "../import/import-file.ts";
import { checkRoundTrip, openRoundTripWorkspace, type RoundTripWorkspace } from "../import/roundtrip.ts";
import { ExitCode, UsageError, type CliIo } from "../io.ts";

export interface ImportOptions {
  /** Directory for the generated `.ts` modules; stdout (one file only) when absent. */
  readonly output?: string;
  /** Compile the generated code and compare it with the original definition. */
  readonly checkRoundtrip?: boolean;
  readonly json?: boolean;
}

/** One imported file, as `--json` prints it. */
export interface ImportReport {
  readonly file: string;
  readonly ok: boolean;
  /** The written module, with `-o`. */
  readonly module?: string;
  /** The generated source, with `--json` and neither `-o` nor `--check-roundtrip`. */
  readonly source?: string;
  /** Where the round trip differs, or why the file could not be imported. */
  readonly diff?: readonly string[];
  /** States in the definition (nested ones included), when it was imported. */
  readonly states?: number;
  /** The states generated with a `raw` option instead of typed code, by name. */
  readonly rawStates?: readonly string[];
  /** `rawStates` over `states`, 0 to 1. */
  readonly rawShare?: number;
}

/**
 * Writes stepcraft TypeScript for ASL files. Exit 1 when a file is not valid ASL or (with
 * `--check-roundtrip`) its generated code does not compile back to an equivalent definition.
 */
export async function importCommand(files: readonly string[], options: ImportOptions, io: CliIo): Promise<ExitCode> {
  if (files.length === 0) throw new UsageError("import needs at least one ASL file: stepcraft import <file.asl.json...>");
  const toStdout = options.output === undefined && options.checkRoundtrip !== true;
  if (toStdout && files.length > 1) throw new UsageError("importing several files needs -o <dir> to write them to (or --check-roundtrip to only check them)");
  const reports: ImportReport[] = [];
  const workspace: RoundTripWorkspace | undefined = options.checkRoundtrip === true ? await openRoundTripWorkspace() : undefined;
  try {
    for (const [index, file] of files.entries()) {
      if (files.length > 1) io.progress?.(`importing ${index + 1}/${files.length} ${file}`);
      const read = await readDefinitionForImport(file, io.cwd);
      if (!read.ok) {
        reports.push({ file, ok: false, diff: [`not valid ASL, nothing imported: ${read.problems.slice(0, 5).join("; ")}`] });
        continue;
      }
      const name = workflowNameFromFile(file);
      const generated = generateModuleReport(read.definition, { name, source: file.split(/[\\/]/).pop() ?? file });
      const source = generated.source;
      const share = { states: generated.states, rawStates: generated.rawStates, rawShare: generated.states === 0 ? 0 : generated.rawStates.length / generated.states };
      const roundTrip = workspace === undefined ? { ok: true } : await checkRoundTrip(source, read.definition, workspace);
      let module: string | undefined;
      if (options.output !== undefined) module = await writeModule(source, name, options.output, io);
      else if (toStdout && options.json !== true) io.out(source);
      const printed = toStdout && options.json === true ? { source } : {};
      reports.push({ file, ok: roundTrip.ok, ...printed, ...(module === undefined ? {} : { module }), ...("diff" in roundTrip && roundTrip.diff !== undefined ? { diff: roundTrip.diff } : {}), ...share });
    }
  } finally {
    await workspace?.dispose();
  }
  io.progress?.("");
  if (options.json === true) io.out(`${JSON.stringify(reports, null, 2)}\n`);
  else if (!toStdout || reports.some((r) => !r.ok)) io.out(formatImportReports(reports, options.checkRoundtrip === true));
  return reports.every((r) => r.ok) ? ExitCode.Ok : ExitCode.Findings;
}

async function writeModule(source: string, name: string, directory: string, io: CliIo): Promise<string> {
  const target = join(resolve(io.cwd, directory), `${name}.ts`);
  try {
    await mkdir(resolve(io.cwd, directory), { recursive: true });
    await writeFile(target, source, "utf8");
  } catch (error) {
    throw new UsageError(`cannot write '${target}': ${error instanceof Error ? error.message : String(error)}`);
  }
  const near = relative(io.cwd, target);
  return near === "" || near.startsWith("..") ? target : near;
}

/** One line a file (its differences indented below), then a summary. */
export function formatImportReports(reports: readonly ImportReport[], checked: boolean): string {
  const lines: string[] = [];
  for (const r of reports) {
    if (r.ok) {
      if (r.module !== undefined || checked) lines.push(`${r.file}: ${[r.module === undefined ? "" : `wrote ${r.module}`, checked ? "round trip ok" : ""].filter((s) => s !== "").join(", ")}`);
      continue;
    }
    lines.push(`${r.file}: ${checked ? "round trip differs" : "not imported"}${r.module === undefined ? "" : ` (wrote ${r.module})`}`);
    for (const d of r.diff ?? []) lines.push(`  ${d}`);
  }
  const bad = reports.filter((r) => !r.ok).length;
  const n = reports.length === 1 ? "1 file" : `${reports.length} files`;
  lines.push(bad === 0 ? `${n} imported${checked ? ", every round trip equivalent" : ""}` : `${bad} of ${n} failed`);
  return `${lines.join("\n")}\n`;
}
