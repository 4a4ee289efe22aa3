import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { loadMockConfig, MockConfigError, type MockConfig, type TaskHandler } from "@stepcraft/runtime";
import { DataDirectoryInUseError, startServer, type InputSchema, type RunningServer } from "@stepcraft/server";
import { loadModuleWorkflows } from "../compile/choose-workflow.ts";
import { workflowHandlers } from "../local/workflow-handlers.ts";
import { UsageError, type CliIo } from "../io.ts";

/** Options of `stepcraft serve`, parsed from the command line. */
export interface ServeOptions {
  readonly port: number;
  readonly host: string;
  readonly data: string;
  readonly workflows: readonly string[];
  readonly mockConfig?: string;
  readonly lambdaEndpoint?: string;
  readonly timeScale: number;
}

/** A workflow's input schema when it is a Standard Schema (zod…); the console checks inputs with it. */
function inputSchemaOf(workflow: object): InputSchema | undefined {
  const schema = (workflow as { readonly inputSchema?: { readonly "~standard"?: { readonly validate?: unknown } } }).inputSchema;
  return typeof schema?.["~standard"]?.validate === "function" ? (schema as InputSchema) : undefined;
}

/**
 * The `lambda()` handlers of every workflow in the modules, by every name the ASL calls them, and
 * each workflow's input schema under its name (the name its state machine is expected to have).
 */
async function loadWorkflowModules(files: readonly string[], cwd: string): Promise<{ tasks: Record<string, TaskHandler>; inputSchemas: Record<string, InputSchema> }> {
  const tasks: Record<string, TaskHandler> = {};
  const inputSchemas: Record<string, InputSchema> = {};
  for (const file of files) {
    for (const workflow of await loadModuleWorkflows(file, cwd)) {
      Object.assign(tasks, await workflowHandlers(file, workflow.lambdas));
      const schema = inputSchemaOf(workflow.workflow);
      if (schema !== undefined) inputSchemas[workflow.name] = schema;
    }
  }
  return { tasks, inputSchemas };
}

async function readMockConfig(file: string, cwd: string): Promise<MockConfig> {
  const text = await readFile(resolve(cwd, file), "utf8").catch(() => {
    throw new UsageError(`cannot read the mock config '${file}': no such file (resolved from ${cwd})`);
  });
  try {
    return loadMockConfig(text);
  } catch (error) {
    if (error instanceof MockConfigError) throw new UsageError(`'${file}': ${error.message}`);
    throw error;
  }
}

/**
 * Starts the local Step Functions service and keeps it running until `stop` resolves (SIGINT or
 * SIGTERM from the command line); running executions stay in the data directory and resume on
 * the next start.
 */
export async function serveCommand(options: ServeOptions, io: CliIo, stop: Promise<unknown>): Promise<number> {
  const { tasks, inputSchemas } = await loadWorkflowModules(options.workflows, io.cwd);
  const mockConfig = options.mockConfig === undefined ? undefined : await readMockConfig(options.mockConfig, io.cwd);
  const data = options.data === ":memory:" ? ":memory:" : resolve(io.cwd, options.data);
  let server: RunningServer;
  try {
    server = await startServer({
      port: options.port,
      host: options.host,
      data,
      tasks,
      inputSchemas,
      timeScale: options.timeScale,
      ...(mockConfig === undefined ? {} : { mockConfig }),
      ...(options.lambdaEndpoint === undefined ? {} : { lambdaEndpoint: options.lambdaEndpoint }),
    });
  } catch (error) {
    if (error instanceof DataDirectoryInUseError) throw new UsageError(error.message);
    const code = (error as { code?: unknown }).code;
    if (code === "EADDRINUSE") throw new UsageError(`port ${options.port} on ${options.host} is in use: choose another with --port`);
    if (code === "EADDRNOTAVAIL" || code === "ENOTFOUND") throw new UsageError(`cannot listen on --host ${options.host}: no such local address`);
    throw error;
  }
  const functions = Object.keys(tasks).length;
  io.out(
    `stepcraft serve: listening on ${server.url} (console: ${server.url}/; data: ${data}; ${functions} local function binding${functions === 1 ? "" : "s"}; resumed ${server.resumed} execution${server.resumed === 1 ? "" : "s"})\n`,
  );
  await stop;
  await server.close();
  return 0;
}

/** Parses `--time-scale` and `--port` values, refusing nonsense as usage errors. */
export function parseServeNumbers(port: string, timeScale: string): { port: number; timeScale: number } {
  const p = Number(port);
  if (!Number.isInteger(p) || p < 0 || p > 65535) throw new UsageError(`--port must be a port number (0-65535), not '${port}'`);
  const t = Number(timeScale);
  if (!Number.isFinite(t) || t <= 0) throw new UsageError(`--time-scale must be a positive number, not '${timeScale}'`);
  return { port: p, timeScale: t };
}
