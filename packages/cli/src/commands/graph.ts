import { mkdir, readFile, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { MAX_DEFINITION_BYTES, parseDefinition } from "@stepcraft/asl";
import { loadModuleWorkflows, loadOneWorkflow } from "../compile/choose-workflow.ts";
import { isWorkflowModulePath } from "../compile/load-workflows.ts";
import {
  allStates,
  buildGraphModel,
  GraphInputError,
  HistoryInputError,
  layoutDiagram,
  readExecutionHistory,
  renderSvg,
  summarizeExecution,
  toHtml,
  toMermaid,
  type ExecutionEvent,
  type GraphModel,
} from "@stepcraft/graph";
import { parseJsonText } from "../graph/json-source.ts";
import { ExitCode, UsageError, type CliIo } from "../io.ts";
import { expandInputs, readWorkflowFiles } from "./expand-inputs.ts";

const MAX_HISTORY_BYTES = 64 * 1024 * 1024;

/** What `stepcraft graph` writes: Mermaid text, a self-contained HTML page, or the SVG alone. */
export type GraphFormat = "mermaid" | "html" | "svg";

const EXTENSIONS: Readonly<Record<GraphFormat, string>> = { mermaid: "mmd", html: "html", svg: "svg" };

/** Checks a --format value. */
export function graphFormat(value: string): GraphFormat {
  if (value === "mermaid" || value === "html" || value === "svg") return value;
  throw new UsageError(`--format must be mermaid, html or svg, not '${value}'`);
}

/** Options of `stepcraft graph`. */
export interface GraphOptions {
  readonly format: GraphFormat;
  /** File to write; stdout when absent. */
  readonly output?: string;
  /** A GetExecutionHistory JSON file to colour the path taken (html or svg). */
  readonly execution?: string;
  /** Which workflow of a module exporting several (its name or export name). */
  readonly workflow?: string;
}

/**
 * Draws an ASL file, or a workflow of a TypeScript module, as Mermaid (default) or a self-contained
 * HTML page. Exit 0 when drawn cleanly, 1 when drawn but the definition or history has problems
 * (printed to stderr), UsageError for bad input.
 */
export async function graphCommand(file: string, options: GraphOptions, io: CliIo): Promise<ExitCode> {
  const format = graphFormat(options.format);
  if (options.execution !== undefined && format === "mermaid") {
    throw new UsageError("--execution colours an HTML page or an SVG: add --format html or --format svg (Mermaid output has no execution view)");
  }
  const looksLike = options.output === undefined ? undefined : /\.(html?|svg)$/i.exec(options.output)?.[1]?.toLowerCase();
  if (looksLike !== undefined && format === "mermaid") {
    const wanted = looksLike === "svg" ? "svg" : "html";
    throw new UsageError(`-o ${options.output} looks like an ${wanted.toUpperCase()} file but the format is mermaid: add --format ${wanted}`);
  }

  const { definition, title, problems } = await readSource(file, options.workflow, io);
  const model = readModel(definition, file);
  const warnings = [...problems, ...model.warnings];

  let history: ExecutionEvent[] | undefined;
  if (options.execution !== undefined) {
    const value = await readJsonFile(options.execution, "execution history", MAX_HISTORY_BYTES, io);
    try {
      history = readExecutionHistory(value);
    } catch (error) {
      if (error instanceof HistoryInputError) throw new UsageError(`'${options.execution}' is not an execution history: ${error.message}`);
      throw error;
    }
    warnings.push(...unknownStates(history, new Set(allStates(model.root).map((s) => s.name))));
  }

  const text = draw(format, definition, model, history, title);
  for (const warning of warnings) io.err(`stepcraft graph: warning: ${file}: ${warning}\n`);
  if (options.output === undefined) io.out(text);
  else {
    const path = resolve(io.cwd, options.output);
    try {
      await writeFile(path, text, "utf8");
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? `the directory ${dirname(path)} does not exist` : String(error);
      throw new UsageError(`cannot write '${options.output}': ${reason}`);
    }
    io.err(`wrote ${options.output}\n`);
  }
  return warnings.length === 0 ? ExitCode.Ok : ExitCode.Findings;
}

/** One picture to draw. */
interface Drawing {
  readonly name: string;
  readonly source: string;
  readonly definition: unknown;
  readonly problems: readonly string[];
}

/**
 * `stepcraft graph` with several files, a directory or a glob: every workflow found is drawn into
 * the `--output` folder as `<name>.mmd` or `<name>.html`; found files that are not workflows are
 * skipped with a note. One named file keeps the single-file behaviour (stdout or a file).
 */
export async function graphInputsCommand(inputs: readonly string[], options: GraphOptions, io: CliIo): Promise<ExitCode> {
  const files = await expandInputs(inputs, io.cwd);
  const [only] = files;
  if (files.length === 1 && only !== undefined && only.explicit) return graphCommand(only.file, options, io);
  if (options.output === undefined) throw new UsageError(`${files.length} files to draw: give a folder for them with -o <dir>`);
  if (options.execution !== undefined) throw new UsageError("--execution colours one state machine: give one file with it");
  if (options.workflow !== undefined) throw new UsageError("--workflow chooses a workflow of one module: give one file with it");
  const format = graphFormat(options.format);
  const outDir = resolve(io.cwd, options.output);
  await mkdir(outDir, { recursive: true }).catch((error: unknown) => {
    throw new UsageError(`cannot create the folder '${options.output}': ${String(error)}`);
  });
  const drawings = await readWorkflowFiles<Drawing>(inputs, files, io.cwd, {
    skipped: (file, reason) => io.err(`stepcraft graph: skipped ${file}: ${reason}\n`),
    module: async (file) =>
      (await loadModuleWorkflows(file, io.cwd)).map((workflow) => ({
        name: workflow.name,
        source: `${basename(file)} (${workflow.name})`,
        definition: workflow.asl,
        problems: workflow.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.code} at ${d.path || "/"}: ${d.message}`),
      })),
    definition: async (file) => ({
      name: basename(file).replace(/(\.asl)?\.json$/i, ""),
      source: basename(file),
      definition: parseDefinitionJson(await readText(file, "definition", MAX_DEFINITION_BYTES, io), file),
      problems: [],
    }),
  });
  let warned = false;
  const used = new Set<string>();
  for (const drawing of drawings) {
    const model = readModel(drawing.definition, drawing.source);
    for (const warning of [...drawing.problems, ...model.warnings]) {
      warned = true;
      io.err(`stepcraft graph: warning: ${drawing.source}: ${warning}\n`);
    }
    // Two workflows of one name (in two modules) get numbered files rather than one overwriting the other.
    let fileName = `${drawing.name}.${EXTENSIONS[format]}`;
    for (let n = 2; used.has(fileName); n++) fileName = `${drawing.name}-${n}.${EXTENSIONS[format]}`;
    used.add(fileName);
    const text = draw(format, drawing.definition, model, undefined, drawing.source);
    await writeFile(join(outDir, fileName), text, "utf8");
    io.err(`wrote ${join(options.output, fileName)}\n`);
  }
  return warned ? ExitCode.Findings : ExitCode.Ok;
}

/** The drawing in the chosen format; the SVG is the same picture the HTML page embeds. */
function draw(format: GraphFormat, definition: unknown, model: GraphModel, history: readonly ExecutionEvent[] | undefined, title: string): string {
  if (format === "mermaid") return toMermaid(definition);
  if (format === "html") return toHtml(definition, history, { title });
  return `${renderSvg(layoutDiagram(model), history === undefined ? undefined : summarizeExecution(history))}\n`;
}

/** The definition to draw, the page title, and problems worth a warning (a workflow's compile errors). */
async function readSource(file: string, workflowName: string | undefined, io: CliIo): Promise<{ readonly definition: unknown; readonly title: string; readonly problems: readonly string[] }> {
  if (isWorkflowModulePath(file)) {
    const chosen = await loadOneWorkflow(file, workflowName, io.cwd);
    // A workflow that does not compile still renders its ASL: drawing it is often how the mistake shows.
    const problems = chosen.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.code} at ${d.path || "/"}: ${d.message}`);
    return { definition: chosen.asl, title: `${basename(file)} (${chosen.name})`, problems };
  }
  if (workflowName !== undefined) throw new UsageError("--workflow chooses a workflow of a TypeScript module; an ASL file holds one state machine");
  const definition = parseDefinitionJson(await readText(file, "definition", MAX_DEFINITION_BYTES, io), file);
  return { definition, title: basename(file), problems: [] };
}

function readModel(definition: unknown, file: string): GraphModel {
  try {
    return buildGraphModel(definition);
  } catch (error) {
    if (error instanceof GraphInputError) throw new UsageError(`'${file}' is not a state machine definition: ${error.message}`);
    throw error;
  }
}

/**
 * The definition's JSON value. Syntax errors are reported by @stepcraft/asl's parser, so graph and
 * validate word them the same; its validation findings are ignored here: graph draws invalid
 * definitions too (that is often when a picture helps most).
 */
function parseDefinitionJson(text: string, file: string): unknown {
  const parsed = parseDefinition(text);
  if (parsed.ok) return parsed.definition;
  const syntax = parsed.diagnostics.find((d) => d.code === "INVALID_JSON_DESCRIPTION" || d.code === "MISSING_DESCRIPTION");
  if (syntax) {
    const where = syntax.line === undefined ? "" : ` (${file}:${syntax.line}:${syntax.column ?? 1})`;
    throw new UsageError(`definition '${file}' is not valid JSON${where}: ${syntax.message}`);
  }
  const result = parseJsonText(text);
  // parseDefinition found no syntax error, so this parse succeeds; the check keeps the types honest.
  if (!result.ok) throw new UsageError(`definition '${file}' is not valid JSON: ${result.reason} at ${file}:${result.line}:${result.column}`);
  return result.value;
}

/** Reads and parses a JSON file, turning every way it can fail into a UsageError that names the file. */
async function readJsonFile(file: string, what: string, maxBytes: number, io: CliIo): Promise<unknown> {
  const text = await readText(file, what, maxBytes, io);
  const parsed = parseJsonText(text);
  if (!parsed.ok) throw new UsageError(`${what} '${file}' is not valid JSON: ${parsed.reason} at ${file}:${parsed.line}:${parsed.column}`);
  return parsed.value;
}

/** Reads a file as text; a missing file, a directory or an oversized file is a UsageError naming it. */
export async function readText(file: string, what: string, maxBytes: number, io: CliIo): Promise<string> {
  const path = resolve(io.cwd, file);
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new UsageError(`'${file}' is not a file: pass the path of the ${what} JSON file`);
    size = info.size;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot read ${what} '${file}': no such file (check the path; it is resolved from ${io.cwd})`);
  }
  if (size > maxBytes) throw new UsageError(`${what} '${file}' is ${size} bytes, more than the ${maxBytes} this command reads`);
  return readFile(path, "utf8");
}

/** Warnings for history events naming states the definition does not have (a history from another machine?). */
function unknownStates(history: readonly ExecutionEvent[], known: ReadonlySet<string>): string[] {
  const unknown = new Set<string>();
  for (const event of history) {
    const name = event.stateEnteredEventDetails?.name;
    if (typeof name === "string" && !known.has(name)) unknown.add(name);
  }
  if (unknown.size === 0) return [];
  const list = [...unknown].slice(0, 5).map((n) => `'${n}'`).join(", ");
  return [`the execution history enters states this definition does not have (${list}${unknown.size > 5 ? ", …" : ""}); is it from another state machine?`];
}
