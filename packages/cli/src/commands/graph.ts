import { readFile, stat, writeFile } from "node:fs/promises";
import { basename, dirname, resolve } from "node:path";
import { allStates, buildGraphModel, GraphInputError, type GraphModel } from "../graph/definition-model.ts";
import { HistoryInputError, readExecutionHistory, type ExecutionEvent } from "../graph/execution-status.ts";
import { toHtml } from "../graph/html.ts";
import { parseJsonText } from "../graph/json-source.ts";
import { toMermaid } from "../graph/mermaid.ts";
import { ExitCode, UsageError, type CliIo } from "../io.ts";

/** AWS rejects definitions over 1 MiB; histories can be longer (25,000 events), so they get more room. */
const MAX_DEFINITION_BYTES = 1024 * 1024;
const MAX_HISTORY_BYTES = 64 * 1024 * 1024;

/** Options of `stepcraft graph`. */
export interface GraphOptions {
  readonly format: "mermaid" | "html";
  /** File to write; stdout when absent. */
  readonly output?: string;
  /** A GetExecutionHistory JSON file to colour the path taken (html only). */
  readonly execution?: string;
}

/**
 * Draws an ASL file as Mermaid (default) or a self-contained HTML page. Exit 0 when drawn cleanly,
 * 1 when drawn but the definition or history has problems (printed to stderr), UsageError for bad input.
 */
export async function graphCommand(file: string, options: GraphOptions, io: CliIo): Promise<ExitCode> {
  const format: string = options.format;
  if (format !== "mermaid" && format !== "html") throw new UsageError(`--format must be mermaid or html, not '${format}'`);
  if (options.execution !== undefined && format !== "html") {
    throw new UsageError("--execution colours an HTML page: add --format html (Mermaid output has no execution view)");
  }
  if (options.output !== undefined && format === "mermaid" && /\.html?$/i.test(options.output)) {
    throw new UsageError(`-o ${options.output} looks like an HTML file but the format is mermaid: add --format html`);
  }

  const definition = await readJsonFile(file, "definition", MAX_DEFINITION_BYTES, io);
  const model = readModel(definition, file);
  const warnings = [...model.warnings];

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

  const text = format === "mermaid" ? toMermaid(definition) : toHtml(definition, history, { title: basename(file) });
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

function readModel(definition: unknown, file: string): GraphModel {
  try {
    return buildGraphModel(definition);
  } catch (error) {
    if (error instanceof GraphInputError) throw new UsageError(`'${file}' is not a state machine definition: ${error.message}`);
    throw error;
  }
}

/** Reads and parses a JSON file, turning every way it can fail into a UsageError that names the file. */
async function readJsonFile(file: string, what: string, maxBytes: number, io: CliIo): Promise<unknown> {
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
  const parsed = parseJsonText(await readFile(path, "utf8"));
  if (!parsed.ok) throw new UsageError(`${what} '${file}' is not valid JSON: ${parsed.reason} at ${file}:${parsed.line}:${parsed.column}`);
  return parsed.value;
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
