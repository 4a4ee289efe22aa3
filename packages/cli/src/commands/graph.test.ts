import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { HistoryBuilder } from "../../../graph/src/test-fixtures/history-builder.ts";
import { ExitCode, UsageError, type CliIo } from "../io.ts";
import { graphCommand, graphInputsCommand, type GraphOptions } from "./graph.ts";

function capture(cwd: string): CliIo & { stdout: () => string; stderr: () => string } {
  let out = "";
  let err = "";
  return { cwd, out: (s) => void (out += s), err: (s) => void (err += s), stdout: () => out, stderr: () => err };
}

const dir = mkdtempSync(join(tmpdir(), "stepcraft-graph-"));
const write = (name: string, text: string): string => {
  writeFileSync(join(dir, name), text);
  return name;
};

const definition = {
  StartAt: "Charge",
  States: {
    Charge: { Type: "Task", Resource: "x", Catch: [{ ErrorEquals: ["States.ALL"], Next: "Failed" }], Next: "Done" },
    Done: { Type: "Succeed" },
    Failed: { Type: "Fail" },
  },
};
const valid = write("order.asl.json", JSON.stringify(definition, null, 2));
const history = write("history.json", JSON.stringify({ events: new HistoryBuilder().task("Charge", 1).step("Succeed", "Done").succeed().events }));
const mermaid: GraphOptions = { format: "mermaid" };
const html: GraphOptions = { format: "html" };

/** Runs the command and returns the UsageError message it throws (main turns it into exit 2). */
async function usageError(file: string, options: GraphOptions): Promise<string> {
  const io = capture(dir);
  const error: unknown = await graphCommand(file, options, io).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UsageError);
  expect(io.stdout()).toBe("");
  return (error as UsageError).message;
}

describe("stepcraft graph", () => {
  it("prints Mermaid to stdout by default and exits 0", async () => {
    const io = capture(dir);
    expect(await graphCommand(valid, mermaid, io)).toBe(ExitCode.Ok);
    expect(io.stdout()).toMatch(/^flowchart TD\n/);
    expect(io.stdout()).toContain("st_Charge -.->|\"States.ALL\"| st_Failed");
    expect(io.stderr()).toBe("");
  });

  it("prints HTML to stdout with --format html, titled with the file name", async () => {
    const io = capture(dir);
    expect(await graphCommand(valid, html, io)).toBe(ExitCode.Ok);
    expect(io.stdout()).toMatch(/^<!doctype html>/);
    expect(io.stdout()).toContain("<title>order.asl.json</title>");
  });

  it("prints the SVG alone with --format svg, coloured by --execution", async () => {
    const io = capture(dir);
    expect(await graphCommand(valid, { format: "svg", execution: history }, io)).toBe(ExitCode.Ok);
    expect(io.stdout()).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" class="sc-graph"/);
    expect(io.stdout()).toMatch(/<\/svg>\n$/);
    expect(io.stdout()).toMatch(/data-state="Charge"[^>]*data-status="retried"/);
    expect(io.stdout()).not.toContain("<html");
  });

  it("writes to -o and says so on stderr", async () => {
    const io = capture(dir);
    expect(await graphCommand(valid, { format: "html", output: "out.html", execution: history }, io)).toBe(ExitCode.Ok);
    expect(io.stdout()).toBe("");
    expect(io.stderr()).toBe("wrote out.html\n");
    const page = readFileSync(join(dir, "out.html"), "utf8");
    expect(page).toMatch(/data-state="Charge"[^>]*data-status="retried"/);
    expect(page).toMatch(/data-state="Failed"[^>]*data-status="not-visited"/);
  });

  it("exits 1 when it drew the graph but the definition has dangling transitions", async () => {
    const file = write("dangling.asl.json", JSON.stringify({ StartAt: "A", States: { A: { Type: "Pass", Next: "Nowhere" } } }));
    const io = capture(dir);
    expect(await graphCommand(file, mermaid, io)).toBe(ExitCode.Findings);
    expect(io.stdout()).toContain('st_A("A")');
    expect(io.stderr()).toContain("stepcraft graph: warning: dangling.asl.json: state 'A': next target 'Nowhere' is not a state");
  });

  it("exits 1 when the execution history enters states the definition does not have", async () => {
    const other = write("other-history.json", JSON.stringify(new HistoryBuilder().step("Pass", "Elsewhere").succeed().events));
    const io = capture(dir);
    expect(await graphCommand(valid, { format: "html", execution: other }, io)).toBe(ExitCode.Findings);
    expect(io.stderr()).toContain("enters states this definition does not have ('Elsewhere')");
  });

  it("is a usage error when the file does not exist or is a directory", async () => {
    expect(await usageError("missing.asl.json", mermaid)).toMatch(/cannot read definition 'missing.asl.json': no such file/);
    mkdirSync(join(dir, "folder"), { recursive: true });
    expect(await usageError("folder", mermaid)).toMatch(/'folder' is not a file/);
  });

  it("is a usage error, with line and column, when the file is not JSON", async () => {
    const file = write("broken.asl.json", '{\n  "StartAt": "A",\n  "States": {\n}}x\n');
    expect(await usageError(file, mermaid)).toMatch(/^definition 'broken.asl.json' is not valid JSON \(broken.asl.json:4:3\): Invalid JSON at line 4, column 3/);
    expect(await usageError(write("empty.asl.json", ""), mermaid)).toMatch(/definition 'empty.asl.json' is not valid JSON: .*the text is empty/);
  });

  it("is a usage error when the JSON is not a state machine object", async () => {
    expect(await usageError(write("array.asl.json", "[1, 2]"), mermaid)).toMatch(/'array.asl.json' is not a state machine definition: .* not an array/);
    expect(await usageError(write("nostates.asl.json", '{"StartAt": "A"}'), html)).toMatch(/no "States" object/);
  });

  it("is a usage error when the history file is missing, not JSON or not an event array", async () => {
    expect(await usageError(valid, { format: "html", execution: "nope.json" })).toMatch(/cannot read execution history 'nope.json'/);
    expect(await usageError(valid, { format: "html", execution: write("bad.json", "{") })).toMatch(/execution history 'bad.json' is not valid JSON/);
    expect(await usageError(valid, { format: "html", execution: valid })).toMatch(/'order.asl.json' is not an execution history: .*must be an array of events/);
    expect(await usageError(valid, { format: "html", execution: write("items.json", '[{"id": 1}]') })).toMatch(/event at index 0 has no string "type"/);
  });

  it("is a usage error to combine options that do not fit", async () => {
    expect(await usageError(valid, { format: "mermaid", execution: history })).toMatch(/--execution colours an HTML page or an SVG: add --format html or --format svg/);
    expect(await usageError(valid, { format: "mermaid", output: "graph.html" })).toMatch(/looks like an HTML file but the format is mermaid: add --format html/);
    expect(await usageError(valid, { format: "mermaid", output: "graph.svg" })).toMatch(/looks like an SVG file but the format is mermaid: add --format svg/);
    expect(await usageError(valid, { format: "png" } as unknown as GraphOptions)).toMatch(/--format must be mermaid, html or svg, not 'png'/);
  });

  it("is a usage error when the output directory does not exist", async () => {
    expect(await usageError(valid, { format: "mermaid", output: "no/such/dir/graph.mmd" })).toMatch(/cannot write 'no\/such\/dir\/graph.mmd': the directory .* does not exist/);
  });
});

describe("graph over directories and globs", () => {
  const fixtures = join(import.meta.dirname, "../compile/fixtures");

  it("draws every workflow a glob finds into the -o folder, skipping modules that are not workflows", async () => {
    const out = mkdtempSync(join(tmpdir(), "stepcraft-graph-many-"));
    const io = capture(fixtures);
    const code = await graphInputsCommand(["two-workflows.ts", "no-*.ts"], { format: "html", output: out }, io);
    expect(code).toBe(ExitCode.Ok);
    expect(readdirSync(out).sort()).toEqual(["AlwaysFails.html", "Greet.html"]);
    expect(readFileSync(join(out, "Greet.html"), "utf8")).toContain("<html");
    expect(io.stderr()).toContain("stepcraft graph: skipped no-workflow.ts: exports no workflow");
  });

  it("draws the definitions of a directory as Mermaid, leaving out JSON that is not a definition", async () => {
    const folder = mkdtempSync(join(tmpdir(), "stepcraft-graph-dir-"));
    writeFileSync(join(folder, "a.asl.json"), JSON.stringify(definition));
    writeFileSync(join(folder, "package.json"), "{}");
    const out = join(folder, "out");
    const io = capture(folder);
    expect(await graphInputsCommand(["."], { format: "mermaid", output: "out" }, io)).toBe(ExitCode.Ok);
    expect(readdirSync(out)).toEqual(["a.mmd"]);
    expect(readFileSync(join(out, "a.mmd"), "utf8")).toContain("flowchart TD");
    expect(io.stderr()).toContain("skipped package.json: not a state machine definition");
  });

  it("needs -o for several files, and refuses --execution and --workflow with them", async () => {
    const io = capture(fixtures);
    await expect(graphInputsCommand(["*.ts"], mermaid, io)).rejects.toThrow(new UsageError("10 files to draw: give a folder for them with -o <dir>"));
    await expect(graphInputsCommand(["*.ts"], { ...html, output: "x", execution: "h.json" }, io)).rejects.toThrow(/--execution colours one state machine/);
    await expect(graphInputsCommand(["*.ts"], { ...html, output: "x", workflow: "Greet" }, io)).rejects.toThrow(/--workflow chooses a workflow of one module/);
  });

  it("draws every definition of a directory as an .svg file with --format svg", async () => {
    const folder = mkdtempSync(join(tmpdir(), "stepcraft-graph-svg-"));
    writeFileSync(join(folder, "a.asl.json"), JSON.stringify(definition));
    writeFileSync(join(folder, "b.asl.json"), JSON.stringify(definition));
    const io = capture(folder);
    expect(await graphInputsCommand(["."], { format: "svg", output: "out" }, io)).toBe(ExitCode.Ok);
    expect(readdirSync(join(folder, "out")).sort()).toEqual(["a.svg", "b.svg"]);
    expect(readFileSync(join(folder, "out", "a.svg"), "utf8")).toMatch(/^<svg xmlns=/);
  });

  it("keeps the single-file behaviour for one named file", async () => {
    const io = capture(dir);
    expect(await graphInputsCommand([valid], mermaid, io)).toBe(ExitCode.Ok);
    expect(io.stdout()).toContain("flowchart TD");
  });
});
