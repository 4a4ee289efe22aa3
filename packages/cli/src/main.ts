import { Command, CommanderError } from "commander";
import { ExitCode, UsageError, processIo, type CliIo } from "./io.ts";
import { cliVersion } from "./version.ts";

// Each command's module (and with it the compiler, the runtime, esbuild or ts-morph) is imported
// only when that command runs, so `stepcraft --version` and `--help` start as fast as node does.

/** Entry point of the `stepcraft` command; returns the process exit code. */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  let exitCode: number = ExitCode.Ok;
  const program = new Command("stepcraft")
    .description("Typed AWS Step Functions workflows: compile, validate, run, draw and import them locally, no AWS account needed.")
    .version(cliVersion())
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });

  program
    .command("validate")
    .description("Check Amazon States Language definitions or TypeScript workflow modules; exit 1 when any has an error.")
    .argument("<file...>", "ASL JSON files (*.asl.json) or workflow modules (*.ts)")
    .option("--json", "print [{ file, valid, diagnostics }] instead of text")
    .option("--type <type>", "state machine type the definition is for: STANDARD or EXPRESS", "STANDARD")
    .action(async (files: string[], options: { json?: boolean; type: string }) => {
      const type = options.type.toUpperCase();
      if (type !== "STANDARD" && type !== "EXPRESS") throw new UsageError(`--type must be STANDARD or EXPRESS, not '${options.type}'`);
      const { validateCommand } = await import("./commands/validate.ts");
      exitCode = await validateCommand(files, { json: options.json === true, stateMachineType: type }, io);
    });

  program
    .command("graph")
    .description("Draw a state machine as Mermaid (default), a self-contained HTML page or an SVG; --execution colours the path a run took.")
    .argument("<file...>", "ASL JSON files (*.asl.json) or workflow modules (*.ts); directories and globs draw every workflow into -o <dir>")
    .option("--format <format>", "mermaid, html or svg", "mermaid")
    .option("-o, --output <file>", "write to a file instead of stdout (a folder for several files)")
    .option("--execution <history.json>", "GetExecutionHistory JSON (events array or { events }), html or svg")
    .option("--workflow <name>", "the workflow to draw when the module exports several")
    .action(async (files: string[], options: { format: string; output?: string; execution?: string; workflow?: string }) => {
      const { graphFormat, graphInputsCommand } = await import("./commands/graph.ts");
      const format = graphFormat(options.format);
      exitCode = await graphInputsCommand(
        files,
        {
          format,
          ...(options.output === undefined ? {} : { output: options.output }),
          ...(options.execution === undefined ? {} : { execution: options.execution }),
          ...(options.workflow === undefined ? {} : { workflow: options.workflow }),
        },
        io,
      );
    });

  program
    .command("compile")
    .description("Compile TypeScript workflow modules to <name>.asl.json; --check fails when committed files are stale (CI).")
    .argument("<entry...>", "TypeScript modules exporting workflows (*.ts)")
    .option("-o, --output <dir>", "directory for the .asl.json files (default: beside each module)")
    .option("--check", "write nothing; exit 1 when a file is missing or differs")
    .option("--json", "print [{ entry, workflow, file, status, diagnostics }]")
    .action(async (entries: string[], options: { output?: string; check?: boolean; json?: boolean }) => {
      const { compileCommand } = await import("./commands/compile.ts");
      exitCode = await compileCommand(
        entries,
        { check: options.check === true, json: options.json === true, ...(options.output === undefined ? {} : { output: options.output }) },
        io,
      );
    });

  program
    .command("import")
    .description("Write stepcraft TypeScript for existing ASL; --check-roundtrip compiles it back and compares.")
    .argument("<file...>", "ASL JSON files (*.asl.json)")
    .option("-o, --output <dir>", "directory for the generated .ts modules (default: stdout, one file only)")
    .option("--check-roundtrip", "compile the generated code and compare it with the original; exit 1 when any differs")
    .option("--json", "print [{ file, ok, module?, diff? }]")
    .action(async (files: string[], options: { output?: string; checkRoundtrip?: boolean; json?: boolean }) => {
      const { importCommand } = await import("./commands/import.ts");
      exitCode = await importCommand(
        files,
        { checkRoundtrip: options.checkRoundtrip === true, json: options.json === true, ...(options.output === undefined ? {} : { output: options.output }) },
        io,
      );
    });

  program
    .command("run")
    .description("Run a state machine locally (virtual time) and print its trace and what it would cost on AWS; exit 1 unless it succeeds.")
    .argument("<file>", "ASL JSON file (*.asl.json) or workflow module (*.ts)")
    .option("--input <json|@file>", "execution input as JSON, or @file to read it from a file", "{}")
    .option("--workflow <name>", "the workflow to run when the module exports several")
    .option("--mock-config <file>", "AWS Step Functions Local MockConfigFile.json binding Task states (with --test-case)")
    .option("--test-case <name>", "test case of the mock config")
    .option("--state-machine <name>", "state machine name in the mock config (default: the workflow's or file's name)")
    .option("--type <type>", "STANDARD or EXPRESS", "STANDARD")
    .option("--real-time", "really wait in Wait states, back-off and timeouts")
    .option("--json", "print { status, output, error, cause, history, cost }")
    .action(
      async (
        file: string,
        options: { input: string; workflow?: string; mockConfig?: string; testCase?: string; stateMachine?: string; type: string; realTime?: boolean; json?: boolean },
      ) => {
        const type = options.type.toUpperCase();
        if (type !== "STANDARD" && type !== "EXPRESS") throw new UsageError(`--type must be STANDARD or EXPRESS, not '${options.type}'`);
        const { runCommand } = await import("./commands/run.ts");
      exitCode = await runCommand(
          file,
          {
            input: options.input,
            type,
            realTime: options.realTime === true,
            json: options.json === true,
            ...(options.workflow === undefined ? {} : { workflow: options.workflow }),
            ...(options.mockConfig === undefined ? {} : { mockConfig: options.mockConfig }),
            ...(options.testCase === undefined ? {} : { testCase: options.testCase }),
            ...(options.stateMachine === undefined ? {} : { stateMachine: options.stateMachine }),
          },
          io,
        );
      },
    );

  program
    .command("init")
    .description("Create a CDK app with a typed workflow, its handler, a test on the local runtime and cdk.json.")
    .argument("<dir>", "folder for the new project (created; must be empty)")
    .option("--name <name>", "npm package name (default: the folder's name)")
    .option("--no-install", "write the files only; run npm install yourself")
    .option("--json", "print { directory, name, files, installed }")
    .action(async (dir: string, options: { name?: string; install: boolean; json?: boolean }) => {
      const { initCommand } = await import("./init/init-command.ts");
      exitCode = await initCommand(dir, { install: options.install, json: options.json === true, ...(options.name === undefined ? {} : { name: options.name }) }, io);
    });

  program
    .command("coverage")
    .description("Merge and print saved workflow coverage (states, Choice branches, Catchers, Retriers, edges per machine).")
    .argument("[files...]", "coverage.json files written by the test reporter (default: coverage/stepcraft/coverage.json)")
    .option("--json", "print { machines: [{ name, hash, metrics, uncovered }] }")
    .option("--summary", "one line per machine instead of the table and the uncovered names")
    .option("--html <dir>", "also write an HTML report: the graph of each machine with what was never reached in red")
    .action(async (files: string[], options: { json?: boolean; summary?: boolean; html?: string }) => {
      const { coverageCommand } = await import("./commands/coverage.ts");
      exitCode = await coverageCommand(files, { json: options.json === true, summary: options.summary === true, ...(options.html === undefined ? {} : { html: options.html }) }, io);
    });

  program
    .command("serve")
    .description("Serve the AWS Step Functions API locally (the AWS SDK and CLI talk to it), durable in a data directory, with a console in the browser at the same address; Ctrl-C stops it.")
    .option("--port <port>", "TCP port (0: any free port)", "8083")
    .option("--host <host>", "interface to listen on; anything but loopback only when named here", "127.0.0.1")
    .option("--data <dir>", "data directory (SQLite), or :memory: for a throw-away service", ".stepcraft")
    .option("--workflows <module...>", "TypeScript workflow modules whose lambda() handlers run in-process (the console checks inputs against their input schemas)")
    .option("--mock-config <file>", "AWS Step Functions Local MockConfigFile.json (select a test case with stateMachineArn#TestCase)")
    .option("--lambda-endpoint <url>", "Lambda-API-compatible endpoint for functions with no local handler")
    .option("--time-scale <n>", "run time n times faster (Waits, back-off, timeouts)", "1")
    .action(
      async (options: { port: string; host: string; data: string; workflows?: string[]; mockConfig?: string; lambdaEndpoint?: string; timeScale: string }) => {
        const { parseServeNumbers, serveCommand } = await loadServeCommand();
        const numbers = parseServeNumbers(options.port, options.timeScale);
        const stop = new Promise((resolve) => {
          process.once("SIGINT", resolve);
          process.once("SIGTERM", resolve);
        });
        exitCode = await serveCommand(
          {
            ...numbers,
            host: options.host,
            data: options.data,
            workflows: options.workflows ?? [],
            ...(options.mockConfig === undefined ? {} : { mockConfig: options.mockConfig }),
            ...(options.lambdaEndpoint === undefined ? {} : { lambdaEndpoint: options.lambdaEndpoint }),
          },
          io,
          stop,
        );
      },
    );

  try {
    await program.parseAsync([...argv], { from: "user" });
    return exitCode;
  } catch (error) {
    // With --json, a script reads stdout: a usage error is JSON there too (and a line on stderr).
    const json = argv.includes("--json");
    if (error instanceof CommanderError) {
      // --help and --version end here too, with exit code 0.
      if (error.exitCode === 0) return ExitCode.Ok;
      if (json) io.out(usageErrorJson(error.message.replace(/^error: /, "")));
      return ExitCode.Usage;
    }
    if (error instanceof UsageError) {
      io.err(`stepcraft: ${error.message}\n`);
      if (json) io.out(usageErrorJson(error.message));
      return ExitCode.Usage;
    }
    throw error;
  }
}

/** What `--json` prints on stdout for a usage error (exit code 2). */
function usageErrorJson(message: string): string {
  return `${JSON.stringify({ error: { type: "UsageError", exitCode: ExitCode.Usage, message } })}\n`;
}

/**
 * `stepcraft serve` needs @stepcraft/server (and with it SQLite's native module), an optional peer
 * of the CLI: installed only by the projects that serve the API.
 */
async function loadServeCommand(): Promise<typeof import("./commands/serve.ts")> {
  try {
    return await import("./commands/serve.ts");
  } catch (error) {
    const missing = (error as { code?: unknown }).code === "ERR_MODULE_NOT_FOUND" && String((error as Error).message).includes("@stepcraft/server");
    if (missing) throw new UsageError("stepcraft serve needs the @stepcraft/server package: npm install --save-dev @stepcraft/server");
    throw error;
  }
}
