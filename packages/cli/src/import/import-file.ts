/** Reads one ASL file for import: its JSON, checked to be a definition the generator can read. */
import { readFile, stat } from "node:fs/promises";
import { resolve } from "node:path";
import { MAX_DEFINITION_BYTES, parseDefinition, validateDefinition } from "@stepcraft/asl";
import { UsageError } from "../io.ts";
import { isRecord } from "./condition-code.ts";

export type ReadResult =
  | { readonly ok: true; readonly definition: Record<string, unknown> }
  | { readonly ok: false; readonly problems: readonly string[] };

/**
 * The definition in `file`, or why it cannot be imported (invalid ASL: the import would not mean
 * anything AWS accepts). A missing file or text that is not JSON is a UsageError naming the file.
 */
export async function readDefinitionForImport(file: string, cwd: string): Promise<ReadResult> {
  const path = resolve(cwd, file);
  const info = await stat(path).catch(() => undefined);
  if (info === undefined) throw new UsageError(`cannot read '${file}': no such file (check the path; it is resolved from ${cwd})`);
  if (!info.isFile()) throw new UsageError(`'${file}' is not a file: pass the path of an ASL JSON file`);
  if (info.size > MAX_DEFINITION_BYTES) throw new UsageError(`'${file}' is ${info.size} bytes, more than the 1 MiB AWS accepts for a definition`);
  const text = await readFile(path, "utf8");
  const parsed = parseDefinition(text);
  if (!parsed.ok) {
    const syntax = parsed.diagnostics.find((d) => d.code === "INVALID_JSON_DESCRIPTION" || d.code === "MISSING_DESCRIPTION");
    if (syntax !== undefined) {
      const where = syntax.line === undefined ? "" : `:${syntax.line}:${syntax.column ?? 1}`;
      throw new UsageError(`'${file}${where}' is not valid JSON: ${syntax.message}`);
    }
    return { ok: false, problems: parsed.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.code} at ${d.path || "/"}: ${d.message}`) };
  }
  const errors = validateDefinition(parsed.definition).filter((d) => d.severity === "error");
  if (errors.length > 0) return { ok: false, problems: errors.map((d) => `${d.code} at ${d.path || "/"}: ${d.message}`) };
  const definition: unknown = parsed.definition;
  if (!isRecord(definition)) return { ok: false, problems: ["the definition is not a JSON object"] };
  return { ok: true, definition };
}
