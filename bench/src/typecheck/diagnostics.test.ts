import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { countTs2589, errorLines, parseExtendedDiagnostics } from "./diagnostics.ts";
import { runTsc, typecheckTmpRoot } from "./workspace.ts";

// TypeScript 7's --extendedDiagnostics table, as printed for one of the fixtures.
const TABLE = `Files:              345
Lines:            76622
Identifiers:      82535
Symbols:         258323
Types:           103037
Instantiations:  289504
Memory used:    145517K
Memory allocs:  1153383
Config time:     0.000s
Parse time:      0.348s
Bind time:       0.174s
Check time:      2.126s
Emit time:       0.000s
Total time:      2.656s
`;

describe("parseExtendedDiagnostics", () => {
  it("reads times in seconds, memory in MB and the counts", () => {
    expect(parseExtendedDiagnostics(TABLE)).toEqual({
      checkSeconds: 2.126,
      totalSeconds: 2.656,
      parseSeconds: 0.348,
      instantiations: 289504,
      types: 103037,
      memoryMb: 145517 / 1024,
      files: 345,
      lines: 76622,
    });
  });

  it("reads the table after error lines", () => {
    const stats = parseExtendedDiagnostics(`a.ts(1,7): error TS2322: Type 'string' is not assignable to type 'number'.\n${TABLE}`);
    expect(stats.checkSeconds).toBe(2.126);
  });

  it("throws instead of reporting zeros when a line is missing", () => {
    expect(() => parseExtendedDiagnostics(TABLE.replace(/^Check time:.*$/m, ""))).toThrow(/Check time/);
  });
});

describe("TS2589 detection", () => {
  it("counts each 'excessively deep' error line, and nothing else", () => {
    const output = [
      "big.ts(12,3): error TS2589: Type instantiation is excessively deep and possibly infinite.",
      "big.ts(40,9): error TS2322: Type 'string' is not assignable to type 'number'.",
      "big.ts(77,3): error TS2589: Type instantiation is excessively deep and possibly infinite.",
      TABLE,
    ].join("\n");
    expect(countTs2589(output)).toBe(2);
    expect(countTs2589(TABLE)).toBe(0);
    expect(errorLines(output)).toHaveLength(3);
  });

  it("recognises the error as the repository's tsc prints it", async () => {
    mkdirSync(typecheckTmpRoot, { recursive: true });
    const dir = mkdtempSync(join(typecheckTmpRoot, "ts2589-"));
    try {
      // Past the 1,000-step limit on tail-recursive conditional types.
      writeFileSync(
        join(dir, "deep.ts"),
        `type Grow<N extends number, A extends unknown[] = []> = A["length"] extends N ? A : Grow<N, [...A, unknown]>;\nexport type TooDeep = Grow<5000>;\n`,
      );
      writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ extends: "../../../tsconfig.json", include: [], files: ["deep.ts"] }));
      const run = await runTsc(join(dir, "tsconfig.json"));
      expect(run.exitCode).not.toBe(0);
      expect(countTs2589(run.output)).toBe(1);
      expect(parseExtendedDiagnostics(run.output).instantiations).toBeGreaterThan(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
