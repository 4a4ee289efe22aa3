// `stepcraft graph` draws workflows of TypeScript modules, loaded through the compile loader.
import { describe, expect, it } from "vitest";
import { ExitCode, UsageError, type CliIo } from "../io.ts";
import { main } from "../main.ts";
import { graphCommand, type GraphOptions } from "./graph.ts";

function capture(cwd: string): CliIo & { stdout: () => string; stderr: () => string } {
  let out = "";
  let err = "";
  return { cwd, out: (s) => void (out += s), err: (s) => void (err += s), stdout: () => out, stderr: () => err };
}

const fixtures = new URL("../compile/fixtures/", import.meta.url).pathname;

/** The UsageError message the command throws (main turns it into exit 2), with nothing printed. */
async function usageError(file: string, options: GraphOptions): Promise<string> {
  const io = capture(fixtures);
  const error: unknown = await graphCommand(file, options, io).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UsageError);
  expect(io.stdout()).toBe("");
  return (error as UsageError).message;
}

describe("stepcraft graph <module.ts>", () => {
  it("draws the only workflow of a module as Mermaid, exit 0", async () => {
    const io = capture(fixtures);
    expect(await graphCommand("with-lambdas.ts", { format: "mermaid" }, io)).toBe(ExitCode.Ok);
    expect(io.stdout()).toMatch(/^flowchart TD\n/);
    expect(io.stdout()).toContain("st_ReserveStock");
    expect(io.stdout()).toMatch(/st_ReserveStock\s*-->\s*st_RecordOrder/);
    expect(io.stderr()).toBe("");
  });

  it("chooses a workflow with --workflow (by name or export name), titling the HTML page with it", async () => {
    const byName = capture(fixtures);
    expect(await main(["graph", "two-workflows.ts", "--workflow", "Greet", "--format", "html"], byName)).toBe(0);
    expect(byName.stdout()).toContain("<title>two-workflows.ts (Greet)</title>");
    expect(byName.stdout()).toContain("Pause");
    const byExport = capture(fixtures);
    expect(await graphCommand("two-workflows.ts", { format: "mermaid", workflow: "alwaysFails" }, byExport)).toBe(ExitCode.Ok);
    expect(byExport.stdout()).toContain("st_Broken");
    expect(byExport.stdout()).not.toContain("st_Pause");
  });

  it("draws a workflow that does not compile, printing its errors as warnings, exit 1", async () => {
    const io = capture(fixtures);
    expect(await graphCommand("invalid-workflow.ts", { format: "mermaid" }, io)).toBe(ExitCode.Findings);
    expect(io.stdout()).toContain("st_Same");
    expect(io.stderr()).toMatch(/stepcraft graph: warning: invalid-workflow\.ts: DUPLICATE_STATE_NAME/);
  });

  it("refuses an ambiguous module, an unknown --workflow, --workflow on ASL, and modules without or failing to load workflows", async () => {
    expect(await usageError("two-workflows.ts", { format: "mermaid" })).toBe("'two-workflows.ts' exports 2 workflows (AlwaysFails, Greet): choose one with --workflow <name>");
    expect(await usageError("two-workflows.ts", { format: "mermaid", workflow: "Nope" })).toBe("'two-workflows.ts' has no workflow 'Nope'; it exports AlwaysFails, Greet");
    expect(await usageError("no-workflow.ts", { format: "mermaid" })).toContain("exports no workflow");
    expect(await usageError("throws-on-load.ts", { format: "mermaid" })).toContain("configuration missing: set ORDERS_TABLE");
    expect(await usageError("gone.ts", { format: "mermaid" })).toContain("cannot read 'gone.ts'");
    expect(await usageError("order.asl.json", { format: "mermaid", workflow: "Greet" })).toBe(
      "--workflow chooses a workflow of a TypeScript module; an ASL file holds one state machine",
    );
  });

  it("exits 2 through main for a module problem", async () => {
    const io = capture(fixtures);
    expect(await main(["graph", "two-workflows.ts"], io)).toBe(2);
    expect(io.stderr()).toContain("choose one with --workflow");
  });
});
