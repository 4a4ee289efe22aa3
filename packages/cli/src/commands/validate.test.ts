import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../main.ts";
import { counted, formatReports } from "./validate.ts";
import type { CliIo } from "../io.ts";

function capture(cwd: string): CliIo & { stdout: () => string; stderr: () => string } {
  let out = "";
  let err = "";
  return {
    cwd,
    out: (s) => void (out += s),
    err: (s) => void (err += s),
    stdout: () => out,
    stderr: () => err,
  };
}

const dir = mkdtempSync(join(tmpdir(), "stepcraft-validate-"));
const write = (name: string, text: string): string => {
  writeFileSync(join(dir, name), text);
  return name;
};

const valid = write(
  "valid.asl.json",
  JSON.stringify({ StartAt: "A", States: { A: { Type: "Pass", End: true } } }, null, 2),
);
const missingTarget = write(
  "missing-target.asl.json",
  `{
  "StartAt": "A",
  "States": {
    "A": { "Type": "Pass", "Next": "Nowhere" }
  }
}
`,
);

describe("stepcraft validate", () => {
  it("exits 0 and says the file is valid", async () => {
    const io = capture(dir);
    expect(await main(["validate", valid], io)).toBe(0);
    expect(io.stdout()).toContain("1 file valid");
  });

  it("exits 1 and prints file:line:column, code, path and message for an error", async () => {
    const io = capture(dir);
    expect(await main(["validate", missingTarget], io)).toBe(1);
    const line = io.stdout().split("\n").find((l) => l.includes("MISSING_TRANSITION_TARGET"));
    expect(line).toBeDefined();
    expect(line).toMatch(/^missing-target\.asl\.json:4:\d+ {2}error {2}MISSING_TRANSITION_TARGET {2}\/States\/A\/Next {2}.*Nowhere/);
  });

  it("prints [{ file, valid, diagnostics }] with --json", async () => {
    const io = capture(dir);
    expect(await main(["validate", "--json", valid, missingTarget], io)).toBe(1);
    const reports = JSON.parse(io.stdout()) as { file: string; valid: boolean; diagnostics: { code: string; path: string; line?: number }[] }[];
    expect(reports.map((r) => [r.file, r.valid])).toEqual([
      [valid, true],
      [missingTarget, false],
    ]);
    expect(reports[1]?.diagnostics[0]).toMatchObject({ code: "MISSING_TRANSITION_TARGET", path: "/States/A/Next", line: 4 });
  });

  it("reports a JSON syntax error with its line and column instead of a stack trace", async () => {
    const file = write("broken.asl.json", '{\n  "StartAt": "A",\n  "States": {\n}}x\n');
    const io = capture(dir);
    expect(await main(["validate", "--json", file], io)).toBe(1);
    const [report] = JSON.parse(io.stdout()) as { diagnostics: { code: string; line?: number; column?: number }[] }[];
    expect(report?.diagnostics[0]?.code).toBe("INVALID_JSON_DESCRIPTION");
    expect(report?.diagnostics[0]?.line).toBe(4);
  });

  it("rejects a JSON value that is not an object", async () => {
    const file = write("array.asl.json", "[1, 2]");
    const io = capture(dir);
    expect(await main(["validate", file], io)).toBe(1);
    expect(io.stdout()).toContain("error");
  });

  it("refuses a file over AWS's 1 MiB definition limit without parsing it", async () => {
    const file = write("huge.asl.json", `{"Comment": "${"x".repeat(1024 * 1024)}"}`);
    const io = capture(dir);
    expect(await main(["validate", "--json", file], io)).toBe(1);
    expect(JSON.parse(io.stdout())[0].diagnostics[0].code).toBe("DEFINITION_TOO_LARGE");
  });

  it("exits 2 for a missing file, naming it", async () => {
    const io = capture(dir);
    expect(await main(["validate", "nope.asl.json"], io)).toBe(2);
    expect(io.stderr()).toContain("cannot read 'nope.asl.json'");
  });

  it("exits 2 for usage errors: no file, unknown option, bad --type", async () => {
    expect(await main(["validate"], capture(dir))).toBe(2);
    expect(await main(["validate", "--frobnicate", valid], capture(dir))).toBe(2);
    const io = capture(dir);
    expect(await main(["validate", "--type", "FAST", valid], io)).toBe(2);
    expect(io.stderr()).toContain("--type must be STANDARD or EXPRESS");
    expect(await main(["no-such-command"], capture(dir))).toBe(2);
  });

  it("applies Express restrictions with --type EXPRESS", async () => {
    const file = write(
      "express.asl.json",
      JSON.stringify({
        StartAt: "T",
        States: { T: { Type: "Task", Resource: "arn:aws:states:::lambda:invoke.waitForTaskToken", End: true } },
      }),
    );
    expect(await main(["validate", file], capture(dir))).toBe(0);
    expect(await main(["validate", "--type", "EXPRESS", file], capture(dir))).toBe(1);
  });

  it("prints help and version with exit code 0", async () => {
    const help = capture(dir);
    expect(await main(["validate", "--help"], help)).toBe(0);
    expect(help.stdout()).toContain("--json");
    const version = capture(dir);
    expect(await main(["--version"], version)).toBe(0);
    expect(version.stdout()).toMatch(/\d+\.\d+\.\d+/);
  });

  it("accepts every corpus definition the manifest calls valid", async () => {
    const corpus = resolve(import.meta.dirname, "../../../../testdata/corpus/realworld");
    const manifest = JSON.parse(await import("node:fs").then((fs) => fs.readFileSync(join(corpus, "manifest.json"), "utf8"))) as {
      entries: { file: string; expected: { validity: string } }[];
    };
    const files = manifest.entries.filter((e) => e.expected.validity === "valid").map((e) => e.file);
    expect(files.length).toBeGreaterThan(50);
    expect(readdirSync(corpus)).toEqual(expect.arrayContaining(files));
    const io = capture(corpus);
    expect(await main(["validate", "--json", ...files], io)).toBe(0);
  });
});

describe("stepcraft validate with directories and globs", () => {
  const fixtures = resolve(import.meta.dirname, "../compile/fixtures");

  it("validates the workflow modules a glob finds and skips the others with a note", async () => {
    const io = capture(fixtures);
    const code = await main(["validate", "*.ts"], io);
    expect(io.stderr()).toContain("stepcraft validate: skipped no-workflow.ts: exports no workflow");
    expect(io.stderr()).toMatch(/stepcraft validate: skipped throws-on-load\.ts: .*configuration missing: set ORDERS_TABLE/);
    // express-sync, invalid-workflow, prints-on-load, schema-input, two-workflows (2 workflows), unloadable-handler, with-lambdas
    expect(io.stdout()).toContain("2 of 8 files invalid (2 errors, 0 warnings)");
    expect(code).toBe(1);
  });

  it("searches a directory, skipping JSON that is not a definition and test files", async () => {
    const folder = mkdtempSync(join(tmpdir(), "stepcraft-validate-dir-"));
    writeFileSync(join(folder, "flow.asl.json"), JSON.stringify({ StartAt: "A", States: { A: { Type: "Pass", End: true } } }));
    writeFileSync(join(folder, "flow.json"), JSON.stringify({ StartAt: "A", States: { A: { Type: "Pass", Next: "B" } } }));
    writeFileSync(join(folder, "package.json"), JSON.stringify({ name: "x" }));
    writeFileSync(join(folder, "flow.test.ts"), 'import { test } from "vitest";\ntest("x", () => {});\n');
    const io = capture(folder);
    expect(await main(["validate", "--json", "."], io)).toBe(1);
    const reports = JSON.parse(io.stdout()) as { file: string; valid: boolean }[];
    expect(reports.map((r) => [r.file, r.valid])).toEqual([["flow.asl.json", true], ["flow.json", false]]);
    expect(io.stderr()).toContain("skipped package.json: not a state machine definition (no States)");
    expect(io.stderr()).toContain("skipped flow.test.ts: a test file");
  });

  it("still reports a named file that is not a workflow as an error", async () => {
    const io = capture(fixtures);
    expect(await main(["validate", "no-workflow.ts"], io)).toBe(2);
    expect(io.stderr()).toContain("exports no workflow");
  });

  it("says '1 error' and '1 warning', not '1 errors'", () => {
    const report = { file: "f.asl.json", valid: false, diagnostics: [
      { code: "MISSING_TRANSITION_TARGET", path: "/States/A/Next", severity: "error", message: "m" },
      { code: "UNREACHABLE_STATE", path: "/States/B", severity: "warning", message: "w" },
    ] } as const;
    expect(formatReports([report])).toMatch(/\n1 of 1 file invalid \(1 error, 1 warning\)\n$/);
    expect(counted(0, "error")).toBe("0 errors");
    expect(counted(2, "file")).toBe("2 files");
  });
});
