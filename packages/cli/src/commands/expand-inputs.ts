// Turns the paths a command was given into files: a file stays itself; a directory or a glob
// becomes the state machine definitions and workflow modules it holds, each marked as found (so a
// command can skip one that turns out not to be a workflow, with a note, instead of stopping).
import { statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { isAbsolute, relative, resolve } from "node:path";
import { isWorkflowModulePath } from "../compile/load-workflows.ts";
import { glob, isDynamicPattern } from "tinyglobby";
import { UsageError } from "../io.ts";

export interface InputFile {
  /** As the user would write it: relative to the working directory when inside it. */
  readonly file: string;
  /** Named on the command line (true), or found in a directory or by a glob (false). */
  readonly explicit: boolean;
}

/** What a directory is searched for: definitions and TypeScript modules. */
const CANDIDATES = ["**/*.json", "**/*.ts", "**/*.mts"];
/** Never searched: dependencies, build output, tool state. */
const IGNORED = ["**/node_modules/**", "**/dist/**", "**/cdk.out/**", "**/coverage/**", "**/.git/**", "**/*.d.ts", "**/*.d.mts"];

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

function shown(cwd: string, absolute: string): string {
  const rel = relative(cwd, absolute);
  return rel.startsWith("..") || isAbsolute(rel) ? absolute : rel;
}

export async function expandInputs(inputs: readonly string[], cwd: string): Promise<InputFile[]> {
  const found: InputFile[] = [];
  const seen = new Set<string>();
  const add = (absolute: string, explicit: boolean): void => {
    if (seen.has(absolute)) return;
    seen.add(absolute);
    found.push({ file: shown(cwd, absolute), explicit });
  };
  for (const input of inputs) {
    const absolute = resolve(cwd, input);
    if (isDirectory(absolute)) {
      const matches = await glob(CANDIDATES, { cwd: absolute, ignore: IGNORED, absolute: true, onlyFiles: true });
      if (matches.length === 0) throw new UsageError(`'${input}' holds no .json or .ts files to check`);
      for (const match of matches.sort()) add(match, false);
    } else if (!exists(absolute) && isDynamicPattern(input)) {
      const matches = await glob(input, { cwd, ignore: IGNORED, absolute: true, onlyFiles: true });
      if (matches.length === 0) throw new UsageError(`no file matches '${input}' (resolved from ${cwd})`);
      for (const match of matches.sort()) add(match, false);
    } else {
      add(absolute, true);
    }
  }
  return found;
}

/** A found file that is a test, not a workflow: a reason to skip it, or undefined. */
export function testFileReason(file: string): string | undefined {
  return /\.(test|spec)\.m?ts$/.test(file) ? "a test file" : undefined;
}

/**
 * Why a found JSON file is not a state machine definition, or undefined when it is one (or is
 * named `*.asl.json`, which is checked whatever it holds).
 */
export async function jsonSkipReason(file: string, cwd: string): Promise<string | undefined> {
  if (file.endsWith(".asl.json")) return undefined;
  try {
    const value: unknown = JSON.parse(await readFile(resolve(cwd, file), "utf8"));
    const looksLikeAsl = value !== null && typeof value === "object" && !Array.isArray(value) && "States" in value;
    return looksLikeAsl ? undefined : "not a state machine definition (no States); name definitions *.asl.json to have them checked whatever they hold";
  } catch {
    return "not JSON; name definitions *.asl.json to have them checked whatever they hold";
  }
}

/** What a command does with each file it keeps: a module's workflows, or one definition. */
export interface WorkflowFileReaders<T> {
  /** A workflow module's results; a UsageError (it does not load, or exports no workflow) skips a found module. */
  module(file: string): Promise<readonly T[]>;
  definition(file: string): Promise<T>;
  /** Before each file (a progress line). */
  onFile?(index: number, total: number, file: string): void;
  /** A found file that is not a workflow, and why. */
  skipped(file: string, reason: string): void;
}

/**
 * Reads every file of `files` (what `inputs` expanded to) with `readers`, in order. A file found
 * in a directory or by a glob that is not a workflow (a test file, a module that does not load or
 * exports no workflow, JSON without States) is skipped with a note; a file named on the command
 * line is read, and its problem reported. Nothing left to read is a UsageError.
 */
export async function readWorkflowFiles<T>(inputs: readonly string[], files: readonly InputFile[], cwd: string, readers: WorkflowFileReaders<T>): Promise<T[]> {
  const results: T[] = [];
  for (const [index, { file, explicit }] of files.entries()) {
    readers.onFile?.(index, files.length, file);
    if (isWorkflowModulePath(file)) {
      const testFile = explicit ? undefined : testFileReason(file);
      if (testFile !== undefined) {
        readers.skipped(file, testFile);
        continue;
      }
      try {
        results.push(...(await readers.module(file)));
      } catch (error) {
        if (explicit || !(error instanceof UsageError)) throw error;
        readers.skipped(file, error.message.replace(`'${file}' `, ""));
      }
      continue;
    }
    const reason = explicit ? undefined : await jsonSkipReason(file, cwd);
    if (reason !== undefined) readers.skipped(file, reason);
    else results.push(await readers.definition(file));
  }
  if (results.length === 0) throw new UsageError(`no state machine definition or workflow module found in ${inputs.join(", ")}`);
  return results;
}
