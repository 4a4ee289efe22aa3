// Command-line options of `npm run bench`, read by node:util's parseArgs.
import { parseArgs as parseNodeArgs } from "node:util";

export interface BenchArgs {
  /** Fewer samples and rounds so the whole run takes under two minutes. */
  readonly quick: boolean;
  /** Workload ids (or titles) to run; undefined: all of them. */
  readonly only: readonly string[] | undefined;
  /** Where to write the JSON report; undefined: nowhere. */
  readonly json: string | undefined;
  readonly help: boolean;
}

/** A command line we cannot act on; main prints the message and exits with status 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

export const USAGE = `usage: npm run bench -- [--quick] [--only ID[,ID...]] [--json FILE]
  --quick        fewer samples and rounds (finishes in under two minutes)
  --only IDS     run only these workloads (e.g. a,b0,g-cold; 'a' also runs its JSONata twin a-jsonata)
  --json FILE    also write the results as JSON to FILE
  --help         print this message`;

/** Parses argv (without node and the script) with node:util's parseArgs; throws UsageError on anything it does not know. */
export function parseArgs(argv: readonly string[]): BenchArgs {
  let parsed;
  try {
    parsed = parseNodeArgs({
      args: [...argv],
      options: { quick: { type: "boolean" }, help: { type: "boolean", short: "h" }, only: { type: "string", multiple: true }, json: { type: "string" } },
      strict: true,
      allowPositionals: false,
    });
  } catch (error) {
    throw new UsageError(usageMessage(error));
  }
  const { values } = parsed;
  const only = values.only?.flatMap((list) => list.split(",").map((s) => s.trim()).filter((s) => s.length > 0));
  if (only !== undefined && only.length === 0) throw new UsageError("--only needs at least one workload id");
  if (values.json !== undefined && values.json.length === 0) throw new UsageError("--json needs a file name");
  return { quick: values.quick === true, only, json: values.json, help: values.help === true };
}

/** node:util's errors, worded as this command's usage errors. */
function usageMessage(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  // node names the argument in quotes: '--fast', '--only <value>', 'x'.
  const flag = /'([^' ]+)/.exec(message)?.[1] ?? message;
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" || code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") return `unknown argument: ${flag}`;
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    return /does not take an argument/.test(message) ? `${flag} takes no value` : `${flag} needs a value`;
  }
  return message;
}
