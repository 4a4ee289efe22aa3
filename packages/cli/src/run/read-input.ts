/** The execution input of `stepcraft run`: inline JSON, or `@file` holding JSON. */
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { UsageError } from "../io.ts";

/** Parses `--input`; without one the input is `{}`, as the AWS console starts executions. */
export async function readExecutionInput(option: string | undefined, cwd: string): Promise<unknown> {
  if (option === undefined) return {};
  if (option.startsWith("@")) {
    const file = option.slice(1);
    const text = await readFile(resolve(cwd, file), "utf8").catch(() => {
      throw new UsageError(`cannot read input file '${file}': no such file (check the path; it is resolved from ${cwd})`);
    });
    return parseJson(text, `input file '${file}'`);
  }
  return parseJson(option, "--input");
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UsageError(`${what} is not valid JSON (${reason}); pass JSON such as --input '{"orderId": 1}' or --input @input.json`);
  }
}
