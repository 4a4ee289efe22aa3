// Every ```ts block in docs/*.md must type-check under the repository's strict options, and every
// ```json block tagged `triggers=CODE` must make validateDefinition report CODE.
//
// Fences understood:
//   ```ts                      a sample, type-checked as its own module
//   ```ts file=handlers/x.ts   a sample written under that name, so later samples of the page can import it
//   ```ts nocheck              a fragment, not checked
//   ```json triggers=CODE      a definition that must trigger diagnostic CODE
import { execFile } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { promisify } from "node:util";
import { DIAGNOSTIC_CODES, parseDefinition } from "@stepcraft/asl";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const repoRoot = resolve(import.meta.dirname, "../../..");
const docsDir = join(repoRoot, "docs");
const samplesDir = join(docsDir, ".samples-tmp");

interface Block {
  readonly page: string;
  /** 1-based position among the page's fenced blocks of the same language. */
  readonly index: number;
  /** 1-based line of the opening fence in the page. */
  readonly line: number;
  readonly lang: string;
  readonly info: readonly string[];
  readonly body: string;
}

function extractBlocks(page: string, text: string): Block[] {
  const blocks: Block[] = [];
  const lines = text.split("\n");
  const counts = new Map<string, number>();
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\S+)(.*)$/.exec(lines[i] ?? "");
    if (open === null) continue;
    const lang = open[1] ?? "";
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !/^```\s*$/.test(lines[i] ?? ""); i++) body.push(lines[i] ?? "");
    const index = (counts.get(lang) ?? 0) + 1;
    counts.set(lang, index);
    blocks.push({ page, index, line: start + 1, lang, info: (open[2] ?? "").trim().split(/\s+/).filter(Boolean), body: body.join("\n") });
  }
  return blocks;
}

const pages = readdirSync(docsDir)
  .filter((f) => f.endsWith(".md"))
  .sort();
// README.md's example is the first code a newcomer reads: it is checked like the pages' samples.
const blocks = [
  ...pages.flatMap((page) => extractBlocks(page, readFileSync(join(docsDir, page), "utf8"))),
  ...extractBlocks("README.md", readFileSync(join(repoRoot, "README.md"), "utf8")),
];
const tsBlocks = blocks.filter((b) => b.lang === "ts" && !b.info.includes("nocheck"));
const diagnosticBlocks = blocks.filter((b) => b.lang === "json" && b.info.some((i) => i.startsWith("triggers=")));

describe("docs samples", () => {
  it("has samples to check", () => {
    expect(tsBlocks.length).toBeGreaterThan(0);
  });

  it("every ```ts block type-checks", async () => {
    rmSync(samplesDir, { recursive: true, force: true });
    const origin = new Map<string, Block>();
    for (const block of tsBlocks) {
      const named = block.info.find((i) => i.startsWith("file="))?.slice("file=".length);
      const file = join(samplesDir, block.page.replace(/\.md$/, ""), named ?? `block-${block.index}.ts`);
      mkdirSync(dirname(file), { recursive: true });
      // `export {}` keeps a block without imports a module, so blocks never share a global scope.
      writeFileSync(file, `${block.body}\nexport {};\n`);
      origin.set(relative(repoRoot, file), block);
    }
    writeFileSync(
      join(samplesDir, "tsconfig.json"),
      JSON.stringify({ extends: "../../tsconfig.json", compilerOptions: { noEmit: true }, include: ["./**/*.ts"] }, null, 2),
    );
    const tsc = join(repoRoot, "node_modules/.bin/tsc");
    const failures = await run(tsc, ["-p", join(samplesDir, "tsconfig.json"), "--pretty", "false"], { cwd: repoRoot, maxBuffer: 16 * 1024 * 1024 }).then(
      () => "",
      (error: { stdout?: string; stderr?: string }) => `${error.stdout ?? ""}${error.stderr ?? ""}`,
    );
    // Errors inside the packages themselves are the root type-check's business (`npm run
    // typecheck`); here only errors located in a sample count, with their continuation lines.
    const messages: string[] = [];
    let current: string | undefined;
    for (const l of failures.split("\n")) {
      const at = /^(.+?)\((\d+),(\d+)\): (.*)$/.exec(l);
      if (at !== null) {
        const block = origin.get(at[1] ?? "");
        current = block === undefined ? undefined : `docs/${block.page} ts block #${block.index} (page line ${block.line + Number(at[2])}, block line ${at[2]}:${at[3]}): ${at[4]}`;
        if (current !== undefined) messages.push(current);
      } else if (current !== undefined && l.startsWith(" ")) {
        messages[messages.length - 1] += `\n${l}`;
      } else if (l.trim() !== "" && !/^\S+\(\d+,\d+\)/.test(l) && !l.startsWith(" ")) {
        // Not a located diagnostic (a tsc usage or config error): always a failure.
        messages.push(l);
        current = undefined;
      }
    }
    expect(messages, `${tsBlocks.length} samples checked`).toEqual([]);
  }, 60_000);

  it("docs/diagnostics.md has an example for every diagnostic code", () => {
    const shown = new Set(diagnosticBlocks.filter((b) => b.page === "diagnostics.md").map((b) => b.info.find((i) => i.startsWith("triggers="))?.slice("triggers=".length)));
    // A definition over 1 MiB cannot be shown on the page: its section shows the message instead
    // (and packages/asl/src/validator/definition-size.test.ts triggers it).
    const tooLargeToShow = new Set(["DEFINITION_TOO_LARGE"]);
    const page = readFileSync(join(docsDir, "diagnostics.md"), "utf8");
    for (const code of tooLargeToShow) expect(page).toContain(`## ${code}\n`);
    expect(Object.keys(DIAGNOSTIC_CODES).filter((code) => !shown.has(code) && !tooLargeToShow.has(code))).toEqual([]);
  });

  for (const block of diagnosticBlocks) {
    const code = block.info.find((i) => i.startsWith("triggers="))?.slice("triggers=".length) ?? "";
    const type = block.info.find((i) => i.startsWith("type="))?.slice("type=".length);
    it(`docs/${block.page} json block #${block.index} (line ${block.line}) triggers ${code}`, () => {
      const parsed = parseDefinition(block.body, type === "EXPRESS" ? { stateMachineType: "EXPRESS" } : {});
      const diagnostics = parsed.ok ? parsed.warnings : parsed.diagnostics;
      expect(diagnostics.map((d) => d.code), JSON.stringify(diagnostics, null, 2)).toContain(code);
    });
  }
});
