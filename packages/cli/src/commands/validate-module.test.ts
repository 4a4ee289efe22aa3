import { mkdtempSync, writeFileSync } from "node:fs";
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

describe("stepcraft validate <module.ts>", () => {
  it("compiles each exported workflow and exits 0 when all are valid", async () => {
    const io = capture(fixtures);
    expect(await main(["validate", "two-workflows.ts"], io)).toBe(0);
    expect(io.stdout()).toContain("2 files valid");
  });

  it("points a builder diagnostic at the builder call site (file:line) and exits 1", async () => {
    const io = capture(fixtures);
    expect(await main(["validate", "invalid-workflow.ts"], io)).toBe(1);
    const line = io.stdout().split("\n").find((l) => l.includes("DUPLICATE_STATE_NAME")) ?? "";
    expect(line).toMatch(/^(.*\/)?invalid-workflow\.ts:5:1 {2}error {2}DUPLICATE_STATE_NAME {2}\/States\/Same/);
  });

  it("names the workflow in --json reports", async () => {
    const io = capture(fixtures);
    expect(await main(["validate", "--json", "invalid-workflow.ts"], io)).toBe(1);
    const [report] = JSON.parse(io.stdout()) as { file: string; valid: boolean; diagnostics: { code: string; line?: number }[] }[];
    expect(report?.file).toBe("invalid-workflow.ts (Duplicated)");
    expect(report?.valid).toBe(false);
    expect(report?.diagnostics[0]).toMatchObject({ code: "DUPLICATE_STATE_NAME", line: 5 });
  });

  it("exits 2 for a module without workflows, a missing module and one that does not build", async () => {
    const none = capture(fixtures);
    expect(await main(["validate", "no-workflow.ts"], none)).toBe(2);
    expect(none.stderr()).toContain("exports no workflow");

    const missing = capture(fixtures);
    expect(await main(["validate", "gone.ts"], missing)).toBe(2);
    expect(missing.stderr()).toContain("gone.ts");

    const dir = mkdtempSync(join(tmpdir(), "stepcraft-validate-"));
    writeFileSync(join(dir, "broken.ts"), "import { nothing } from './nowhere.ts';\nexport const x = nothing;\n");
    const broken = capture(dir);
    expect(await main(["validate", "broken.ts"], broken)).toBe(2);
    expect(broken.stderr()).toMatch(/cannot compile 'broken\.ts'.*nowhere/s);
  });
});

describe("stepcraft validate <module.ts>: ASL diagnostics", () => {
  it("reports the validator's findings on the compiled ASL at the call site of their state, and exits 1", async () => {
    const io = capture(fixtures);
    expect(await main(["validate", "--json", "express-sync.ts"], io)).toBe(1);
    const [report] = JSON.parse(io.stdout()) as { file: string; valid: boolean; diagnostics: { code: string; path: string; source?: string; line?: number }[] }[];
    expect(report?.file).toBe("express-sync.ts (ExpressSync)");
    const finding = report?.diagnostics.find((d) => d.path.startsWith("/States/RunChild"));
    expect(finding?.source).toMatch(/(^|\/)express-sync\.ts$/);
    expect(finding?.line).toBe(5);
  });

  it("exits 2 naming the module when it throws while loading", async () => {
    const io = capture(fixtures);
    expect(await main(["validate", "throws-on-load.ts"], io)).toBe(2);
    expect(io.stderr()).toMatch(/cannot load 'throws-on-load\.ts': configuration missing/);
  });
});
