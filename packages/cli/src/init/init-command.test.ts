import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { UsageError, type CliIo } from "../io.ts";
import { initCommand } from "./init-command.ts";
import { TEMPLATE_VERSIONS, stackName } from "./template.ts";

const made: string[] = [];
function tempRoot(): string {
  const dir = mkdtempSync(join(tmpdir(), "stepcraft-init-"));
  made.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function captureIo(cwd: string): CliIo & { stdout: string; stderr: string } {
  const io = { cwd, stdout: "", stderr: "", out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) };
  return io;
}

describe("stepcraft init", () => {
  it("writes the project (workflow, handler, test, CDK app) and says what to run next", async () => {
    const root = tempRoot();
    const io = captureIo(root);
    expect(await initCommand("my-app", { install: false }, io)).toBe(0);
    const pkg = JSON.parse(readFileSync(join(root, "my-app/package.json"), "utf8")) as { name: string; dependencies: Record<string, string> };
    expect(pkg.name).toBe("my-app");
    expect(pkg.dependencies["@stepcraft/core"]).toMatch(/^\^\d+\.\d+\.\d+/);
    expect(readdirSync(join(root, "my-app"), { recursive: true }).map(String).sort()).toEqual(
      [".gitignore", "README.md", "bin", "bin/app.ts", "cdk.json", "lib", "lib/stack.ts", "package.json", "src", "src/handlers", "src/handlers/greet.ts", "src/workflow.ts", "test", "test/workflow.test.ts", "tsconfig.json"].sort(),
    );
    expect(readFileSync(join(root, "my-app/bin/app.ts"), "utf8")).toContain("new MyAppStack(app, \"MyAppStack\")");
    expect(io.stdout).toContain("npm install\n  npm test");
  });

  it("prints JSON with --json", async () => {
    const root = tempRoot();
    const io = captureIo(root);
    await initCommand("svc", { install: false, json: true }, io);
    expect(JSON.parse(io.stdout)).toMatchObject({ directory: resolve(root, "svc"), name: "svc", installed: false });
  });

  it("refuses a folder that is not empty, naming what is in it", async () => {
    const root = tempRoot();
    mkdirSync(join(root, "taken"));
    writeFileSync(join(root, "taken/notes.txt"), "mine");
    await expect(initCommand("taken", { install: false }, captureIo(root))).rejects.toThrow(new UsageError(`${join(root, "taken")} is not empty (notes.txt); choose a new folder`));
    expect(readdirSync(join(root, "taken"))).toEqual(["notes.txt"]);
  });

  it("refuses a name npm would refuse, and says how to give another", async () => {
    const root = tempRoot();
    await expect(initCommand("My App", { install: false }, captureIo(root))).rejects.toThrow(/'My App' cannot be an npm package name \(.*\); pick another folder name or pass --name <name>/);
    await expect(initCommand("ok-dir", { install: false, name: "Bad Name" }, captureIo(root))).rejects.toThrow(/'Bad Name' cannot be an npm package name/);
  });
});

describe("the template", () => {
  it("names the stack after the project", () => {
    expect(stackName("my-app")).toBe("MyAppStack");
    expect(stackName("@team/orders_api")).toBe("OrdersApiStack");
    expect(stackName("2fa")).toBe("App2faStack");
  });

  it("starts projects on the versions the repository is tested with", () => {
    const lock = JSON.parse(readFileSync(resolve(import.meta.dirname, "../../../../package-lock.json"), "utf8")) as { packages: Record<string, { version?: string }> };
    for (const [name, range] of Object.entries(TEMPLATE_VERSIONS)) {
      expect(`${name}@${range.replace(/^[\^~]/, "")}`).toBe(`${name}@${lock.packages[`node_modules/${name}`]?.version}`);
    }
  });
});
