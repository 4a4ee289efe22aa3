// Command-line options of `npm run bench`.

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

/** Parses argv (without node and the script); throws UsageError on anything it does not know. */
export function parseArgs(argv: readonly string[]): BenchArgs {
  let quick = false;
  let help = false;
  let only: string[] | undefined;
  let json: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const eq = arg.startsWith("--") ? arg.indexOf("=") : -1;
    const flag = eq === -1 ? arg : arg.slice(0, eq);
    const inline = eq === -1 ? undefined : arg.slice(eq + 1);
    const value = (): string => {
      if (inline !== undefined) return inline;
      const next = argv[i + 1];
      if (next === undefined || next.startsWith("--")) throw new UsageError(`${flag} needs a value`);
      i++;
      return next;
    };
    switch (flag) {
      case "--quick":
        if (inline !== undefined) throw new UsageError("--quick takes no value");
        quick = true;
        break;
      case "--help":
      case "-h":
        help = true;
        break;
      case "--only": {
        const ids = value().split(",").map((s) => s.trim()).filter((s) => s.length > 0);
        if (ids.length === 0) throw new UsageError("--only needs at least one workload id");
        only = [...(only ?? []), ...ids];
        break;
      }
      case "--json":
        json = value();
        if (json.length === 0) throw new UsageError("--json needs a file name");
        break;
      default:
        throw new UsageError(`unknown argument: ${arg}`);
    }
  }
  return { quick, only, json, help };
}
