import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "./main.ts";
import type { CliIo } from "./io.ts";

function capture(cwd: string): CliIo & { stdout: () => string; stderr: () => string } {
  let out = "";
  let err = "";
  return { cwd, out: (s) => void (out += s), err: (s) => void (err += s), stdout: () => out, stderr: () => err };
}

const dir = mkdtempSync(join(tmpdir(), "stepcraft-main-"));
writeFileSync(join(dir, "m.asl.json"), JSON.stringify({ StartAt: "A", States: { A: { Type: "Pass", End: true } } }));

describe("stepcraft graph (through main)", () => {
  it("prints Mermaid by default with exit 0", async () => {
    const io = capture(dir);
    expect(await main(["graph", "m.asl.json"], io)).toBe(0);
    expect(io.stdout()).toContain("flowchart TD");
  });

  it("exits 2 with a message for an unknown --format", async () => {
    const io = capture(dir);
    expect(await main(["graph", "--format", "svgz", "m.asl.json"], io)).toBe(2);
    expect(io.stderr()).toContain("--format must be mermaid, html or svg, not 'svgz'");
  });

  it("exits 2 for a missing file", async () => {
    const io = capture(dir);
    expect(await main(["graph", "missing.asl.json"], io)).toBe(2);
    expect(io.stderr()).toContain("missing.asl.json");
  });

  it("lists every command in --help", async () => {
    const io = capture(dir);
    expect(await main(["--help"], io)).toBe(0);
    expect(io.stdout()).toMatch(/validate[\s\S]*graph|graph[\s\S]*validate/);
  });
});

describe("usage errors with --json", () => {
  it("prints a missing argument as JSON on stdout, and the message on stderr, exit 2", async () => {
    const io = capture(dir);
    expect(await main(["validate", "--json"], io)).toBe(2);
    expect(JSON.parse(io.stdout())).toEqual({ error: { type: "UsageError", exitCode: 2, message: "missing required argument 'file'" } });
    expect(io.stderr()).toContain("missing required argument 'file'");
  });

  it("prints a command's own usage error as JSON on stdout", async () => {
    const io = capture(dir);
    expect(await main(["validate", "--json", "--type", "LONG", "m.asl.json"], io)).toBe(2);
    expect(JSON.parse(io.stdout())).toMatchObject({ error: { type: "UsageError", message: "--type must be STANDARD or EXPRESS, not 'LONG'" } });
  });

  it("leaves stdout empty without --json", async () => {
    const io = capture(dir);
    expect(await main(["validate"], io)).toBe(2);
    expect(io.stdout()).toBe("");
  });
});
