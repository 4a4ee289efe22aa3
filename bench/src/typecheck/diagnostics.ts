// Reading `tsc --extendedDiagnostics` output (TypeScript 7's format: "Label:   value[unit]").

/** The numbers the type-check row reports from one tsc run. */
export interface TscStats {
  /** "Check time" in seconds: the checker alone, i.e. what the fixture's types cost. */
  readonly checkSeconds: number;
  /** "Total time" in seconds as tsc reports it: config, parse, bind and check (the libraries' .d.ts included). */
  readonly totalSeconds: number;
  readonly parseSeconds: number;
  readonly instantiations: number;
  readonly types: number;
  /** "Memory used" in MB. */
  readonly memoryMb: number;
  readonly files: number;
  readonly lines: number;
}

function field(output: string, label: string): number | undefined {
  const match = new RegExp(`^${label}:\\s+([\\d.]+)\\s*([a-zA-Z]*)\\s*$`, "m").exec(output);
  if (match?.[1] === undefined) return undefined;
  const value = Number(match[1]);
  switch (match[2]) {
    case "K":
      return value / 1024;
    case "M":
    case "s":
    case "":
      return value;
    case "ms":
      return value / 1000;
    default:
      return undefined;
  }
}

/** The stats of one run; throws when a line is missing, so a changed format cannot report zeros. */
export function parseExtendedDiagnostics(output: string): TscStats {
  const need = (label: string): number => {
    const value = field(output, label);
    if (value === undefined) throw new Error(`tsc --extendedDiagnostics printed no "${label}" line:\n${output.slice(-2000)}`);
    return value;
  };
  return {
    checkSeconds: need("Check time"),
    totalSeconds: need("Total time"),
    parseSeconds: need("Parse time"),
    instantiations: need("Instantiations"),
    types: need("Types"),
    memoryMb: need("Memory used"),
    files: need("Files"),
    lines: need("Lines"),
  };
}

/** How many TS2589 errors ("Type instantiation is excessively deep and possibly infinite") the output reports. */
export function countTs2589(output: string): number {
  // One error is one line (code and message together); the message alone covers other formatters.
  return output.split("\n").filter((line) => /\bTS2589\b|Type instantiation is excessively deep/.test(line)).length;
}

/** The error lines of a run (`file(line,col): error TSnnnn: …`). */
export function errorLines(output: string): string[] {
  return output.split("\n").filter((line) => /\berror TS\d+:/.test(line));
}
