import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { CliIo } from "../io.ts";
import { main } from "../main.ts";

const fixtures = new URL("../compile/fixtures/", import.meta.url).pathname;

function capture(cwd: string): CliIo & { stdout: () => string; stderr: () => string } {
  let out = "";
  let err = "";
  return { cwd, out: (s) => void (out += s), err: (s) => void (err += s), stdout: () => out, stderr: () => err };
}

describe("stepcraft compile", () => {
  it("writes <name>.asl.json for every exported workflow, 2-space JSON with a final newline", async () => {
    const out = mkdtempSync(join(tmpdir(), "stepcraft-compile-"));
    const io = capture(fixtures);
    expect(await main(["compile", "two-workflows.ts", "-o", out], io)).toBe(0);
    const text = readFileSync(join(out, "Greet.asl.json"), "utf8");
    expect(text.endsWith("}\n")).toBe(true);
    expect(text).toContain('\n  "StartAt": "Hello"');
    expect(JSON.parse(text)).toMatchObject({ StartAt: "Hello", States: { Pause: { Type: "Wait", Seconds: 3 } } });
    expect(JSON.parse(readFileSync(join(out, "AlwaysFails.asl.json"), "utf8"))).toMatchObject({ StartAt: "Broken" });
    expect(io.stdout()).toContain("2 workflows compiled");
  });

  it("--check passes on fresh files and fails naming a file that differs or is missing", async () => {
    const out = mkdtempSync(join(tmpdir(), "stepcraft-compile-"));
    expect(await main(["compile", "two-workflows.ts", "-o", out], capture(fixtures))).toBe(0);
    expect(await main(["compile", "--check", "two-workflows.ts", "-o", out], capture(fixtures))).toBe(0);

    writeFileSync(join(out, "Greet.asl.json"), "{}\n");
    const io = capture(fixtures);
    expect(await main(["compile", "--check", "two-workflows.ts", "-o", out], io)).toBe(1);
    expect(io.stdout()).toMatch(/Greet\.asl\.json differs/);
    expect(readFileSync(join(out, "Greet.asl.json"), "utf8")).toBe("{}\n");

    const empty = mkdtempSync(join(tmpdir(), "stepcraft-compile-"));
    const io2 = capture(fixtures);
    expect(await main(["compile", "--check", "two-workflows.ts", "-o", empty], io2)).toBe(1);
    expect(io2.stdout()).toMatch(/AlwaysFails\.asl\.json is missing/);
  });

  it("prints --json reports", async () => {
    const out = mkdtempSync(join(tmpdir(), "stepcraft-compile-"));
    const io = capture(fixtures);
    expect(await main(["compile", "--json", "two-workflows.ts", "-o", out], io)).toBe(0);
    const reports = JSON.parse(io.stdout()) as { workflow: string; status: string }[];
    expect(reports.map((r) => [r.workflow, r.status]).sort()).toEqual([["AlwaysFails", "written"], ["Greet", "written"]]);
  });

  it("exits 1 for a workflow that does not compile, with the builder call site, and writes nothing", async () => {
    const out = mkdtempSync(join(tmpdir(), "stepcraft-compile-"));
    const io = capture(fixtures);
    expect(await main(["compile", "invalid-workflow.ts", "-o", out], io)).toBe(1);
    expect(io.stdout()).toContain("DUPLICATE_STATE_NAME");
    expect(io.stdout()).toMatch(/invalid-workflow\.ts:5/);
    expect(() => readFileSync(join(out, "Duplicated.asl.json"))).toThrow();
  });

  it("exits 2 for a missing file, a module without workflows, a syntax error and a non-TypeScript file", async () => {
    const missing = capture(fixtures);
    expect(await main(["compile", "missing.ts"], missing)).toBe(2);
    expect(missing.stderr()).toContain("missing.ts");

    const none = capture(fixtures);
    expect(await main(["compile", "no-workflow.ts"], none)).toBe(2);
    expect(none.stderr()).toMatch(/no-workflow\.ts' exports no workflow/);

    const dir = mkdtempSync(join(tmpdir(), "stepcraft-compile-"));
    writeFileSync(join(dir, "broken.ts"), "export const = ;\n");
    const broken = capture(dir);
    expect(await main(["compile", "broken.ts"], broken)).toBe(2);
    expect(broken.stderr()).toMatch(/cannot compile 'broken\.ts'/);

    const json = capture(fixtures);
    expect(await main(["compile", "flow.asl.json"], json)).toBe(2);
    expect(json.stderr()).toContain("not a TypeScript module");
  });

  it("has --help", async () => {
    const io = capture(fixtures);
    expect(await main(["compile", "--help"], io)).toBe(0);
    expect(io.stdout()).toContain("--check");
  });
});
