import { readFileSync } from "node:fs";
import { Command, CommanderError } from "commander";
import { compileCommand } from "./commands/compile.ts";
import { graphCommand } from "./commands/graph.ts";
import { importCommand } from "./commands/import.ts";
import { runCommand } from "./commands/run.ts";
import { parseServeNumbers, serveCommand } from "./commands/serve.ts";
import { validateCommand } from "./commands/validate.ts";
import { ExitCode, UsageError, processIo, type CliIo } from "./io.ts";

const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };

/** Entry point of the `stepcraft` command; returns the process exit code. */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  let exitCode: number = ExitCode.Ok;
  const program = new Command("stepcraft")
    .description("Typed AWS Step Functions workflows: compile, validate, run, draw and import them locally, no AWS account needed.")
    .version(version)
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
      exitCode = await validateCommand(files, { json: options.json === true, stateMachineType: type }, io);
    });

  program
    .command("graph")
    .description("Draw a state machine as Mermaid (default) or a self-contained HTML page; --execution colours the path a run took.")
    .argument("<file>", "ASL JSON file (*.asl.json) or workflow module (*.ts)")
    .option("--format <format>", "mermaid or html", "mermaid")
    .option("-o, --output <file>", "write to a file instead of stdout")
    .option("--execution <history.json>", "GetExecutionHistory JSON (events array or { events }), html only")
    .option("--workflow <name>", "the workflow to draw when the module exports several")
    .action(async (file: string, options: { format: string; output?: string; execution?: string; workflow?: string }) => {
      const format = options.format;
      if (format !== "mermaid" && format !== "html") throw new UsageError(`--format must be mermaid or html, not '${format}'`);
      exitCode = await graphCommand(
        file,
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
    .command("serve")
    .description("Serve the AWS Step Functions API locally (the AWS SDK and CLI talk to it), durable in a data directory; Ctrl-C stops it.")
    .option("--port <port>", "TCP port (0: any free port)", "8083")
    .option("--host <host>", "interface to listen on; anything but loopback only when named here", "127.0.0.1")
    .option("--data <dir>", "data directory (SQLite), or :memory: for a throw-away service", ".stepcraft")
    .option("--workflows <module...>", "TypeScript workflow modules whose lambda() handlers run in-process")
    .option("--mock-config <file>", "AWS Step Functions Local MockConfigFile.json (select a test case with stateMachineArn#TestCase)")
    .option("--lambda-endpoint <url>", "Lambda-API-compatible endpoint for functions with no local handler")
    .option("--time-scale <n>", "run time n times faster (Waits, back-off, timeouts)", "1")
    .action(
      async (options: { port: string; host: string; data: string; workflows?: string[]; mockConfig?: string; lambdaEndpoint?: string; timeScale: string }) => {
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
    if (error instanceof CommanderError) {
      // --help and --version end here too, with exit code 0.
      return error.exitCode === 0 ? ExitCode.Ok : ExitCode.Usage;
    }
    if (error instanceof UsageError) {
      io.err(`stepcraft: ${error.message}\n`);
      return ExitCode.Usage;
    }
    throw error;
  }
}
