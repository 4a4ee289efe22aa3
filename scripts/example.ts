// `npm run example`: for every example under examples/, compile its workflows to ASL and validate
// them, run its representative execution on the local runtime (printing the trace), and
// synthesize its CDK stack; the ASL and the CloudFormation templates land in out/<example>/.
// No AWS account is involved: tasks run in-process, time is virtual, stacks are env-agnostic.
//
// An example takes part by having:
//   src/demo.ts   exports `workflows` ([{ workflow, type }]) and `runDemo()` (a test execution)
//   cdk/stack.ts  exports `createStack(scope)`
// Usage: npm run example [-- <example name>...]
import { existsSync } from "node:fs";
import { mkdir, readdir, rm, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { validateDefinition } from "@stepcraft/asl";
import { App } from "aws-cdk-lib";
import type { Stack } from "aws-cdk-lib";
import type { Construct } from "constructs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const EXAMPLES = join(ROOT, "examples");
const OUT = join(ROOT, "out");

interface Diagnostic {
  readonly code: string;
  readonly path: string;
  readonly message: string;
  readonly severity: string;
}

interface ExampleWorkflow {
  readonly workflow: { readonly name: string; compile(): { readonly asl: object; readonly diagnostics: readonly Diagnostic[] } };
  readonly type: "STANDARD" | "EXPRESS";
}

interface DemoRun {
  readonly status: string;
  readonly output: unknown;
  readonly error: string | undefined;
  readonly cause: string | undefined;
  trace(): string;
}

interface DemoModule {
  readonly workflows: readonly ExampleWorkflow[];
  /** The example's representative execution; `undefined` when the local runtime cannot run it yet (the module says why in `notRunnable`). */
  runDemo(): Promise<DemoRun | undefined>;
  readonly notRunnable?: string;
}

interface StackModule {
  createStack(scope: Construct): Stack;
}

function isDemoModule(value: unknown): value is DemoModule {
  const m = value as Partial<DemoModule> | undefined;
  return typeof m?.runDemo === "function" && Array.isArray(m.workflows);
}

function isStackModule(value: unknown): value is StackModule {
  return typeof (value as Partial<StackModule> | undefined)?.createStack === "function";
}

const rule = (title: string) => `\n${"━".repeat(3)} ${title} ${"━".repeat(Math.max(3, 88 - title.length))}`;
const shown = (path: string) => relative(ROOT, path);

/** One line per diagnostic, AWS code first, as `stepcraft validate` prints them. */
const formatDiagnostics = (diagnostics: readonly Diagnostic[]) => diagnostics.map((d) => `    ${d.severity} ${d.code} at ${d.path || "/"}: ${d.message}`).join("\n");

/** Compiles and validates every workflow of the example and writes its ASL; false when one is invalid. */
async function compileWorkflows(demo: DemoModule, outDir: string): Promise<boolean> {
  let ok = true;
  for (const { workflow, type } of demo.workflows) {
    const { asl, diagnostics } = workflow.compile();
    // The compiler validates already; validating again for the machine type checks Express rules too.
    const all = [...diagnostics, ...validateDefinition(asl, { stateMachineType: type })];
    const errors = all.filter((d) => d.severity === "error");
    const file = join(outDir, `${workflow.name}.asl.json`);
    if (errors.length > 0) {
      ok = false;
      console.log(`  ✗ ${workflow.name} (${type}) does not compile:\n${formatDiagnostics(errors)}`);
      continue;
    }
    await writeFile(file, `${JSON.stringify(asl, null, 2)}\n`);
    const states = Object.keys((asl as { States?: object }).States ?? {}).length;
    const warnings = all.length === 0 ? "" : `, ${all.length} warning(s):\n${formatDiagnostics(all)}`;
    console.log(`  ✓ ${workflow.name} (${type}, ${(asl as { QueryLanguage?: string }).QueryLanguage ?? "JSONPath"}, ${states} top-level states) valid → ${shown(file)}${warnings}`);
  }
  return ok;
}

/** Runs the representative execution and prints its trace; false when it does not succeed. */
async function runRepresentative(demo: DemoModule): Promise<boolean> {
  const run = await demo.runDemo();
  if (run === undefined) {
    console.log(`  – not run on the local runtime: ${demo.notRunnable ?? "(no reason given)"}`);
    return true;
  }
  console.log(run.trace().replace(/^/gm, "    "));
  if (run.status !== "SUCCEEDED") {
    console.log(`  ✗ ${run.status}: ${run.error ?? ""} ${run.cause ?? ""}`);
    return false;
  }
  const output = JSON.stringify(run.output);
  console.log(`  output: ${output.length > 300 ? `${output.slice(0, 300)}…` : output}`);
  return true;
}

/** Synthesizes the stack into out/<example>/cdk.out and copies each template beside the ASL. */
async function synthesize(stackModule: StackModule, outDir: string): Promise<boolean> {
  const assemblyDir = join(outDir, "cdk.out");
  await rm(assemblyDir, { recursive: true, force: true });
  const app = new App({ outdir: assemblyDir });
  stackModule.createStack(app);
  const assembly = app.synth();
  for (const stack of assembly.stacks) {
    const file = join(outDir, `${stack.stackName}.template.json`);
    await writeFile(file, `${JSON.stringify(stack.template, null, 2)}\n`);
    const resources = Object.values((stack.template as { Resources?: Record<string, { Type: string }> }).Resources ?? {});
    const count = (type: string) => resources.filter((r) => r.Type === type).length;
    console.log(
      `  ✓ stack ${stack.stackName}: ${resources.length} resources (${count("AWS::StepFunctions::StateMachine")} state machine(s), ${count("AWS::Lambda::Function")} function(s) bundled by esbuild) → ${shown(file)}`,
    );
  }
  return true;
}

async function runExample(name: string): Promise<boolean> {
  const dir = join(EXAMPLES, name);
  const outDir = join(OUT, name);
  await mkdir(outDir, { recursive: true });
  console.log(rule(name));
  const demo: unknown = await import(pathToFileURL(join(dir, "src", "demo.ts")).href);
  if (!isDemoModule(demo)) {
    console.log(`  ✗ src/demo.ts must export \`workflows\` and \`runDemo()\``);
    return false;
  }
  const compiled = await compileWorkflows(demo, outDir);
  const ran = compiled && (await runRepresentative(demo));
  let synthesized = false;
  const stackFile = join(dir, "cdk", "stack.ts");
  if (existsSync(stackFile)) {
    const stack: unknown = await import(pathToFileURL(stackFile).href);
    if (isStackModule(stack)) synthesized = await synthesize(stack, outDir);
    else console.log(`  ✗ cdk/stack.ts must export \`createStack(scope)\``);
  } else {
    console.log(`  ✗ no cdk/stack.ts`);
  }
  return compiled && ran && synthesized;
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const all = (await readdir(EXAMPLES, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory() && existsSync(join(EXAMPLES, entry.name, "src", "demo.ts")))
    .map((entry) => entry.name)
    .sort();
  const unknown = wanted.filter((name) => !all.includes(name));
  if (unknown.length > 0) {
    console.error(`no example named ${unknown.join(", ")}; there are: ${all.join(", ")}`);
    process.exit(2);
  }
  const names = wanted.length > 0 ? wanted : all;
  const failed: string[] = [];
  for (const name of names) {
    try {
      if (!(await runExample(name))) failed.push(name);
    } catch (error) {
      console.log(`  ✗ ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      failed.push(name);
    }
  }
  console.log(rule("summary"));
  console.log(failed.length === 0 ? `${names.length} example(s): compiled, validated, run and synthesized into ${shown(OUT)}/` : `failed: ${failed.join(", ")}`);
  process.exitCode = failed.length === 0 ? 0 : 1;
}

await main();
