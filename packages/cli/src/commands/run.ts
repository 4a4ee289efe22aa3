import { formatTrace, InvalidDefinitionError, isStatesError, prepareStateMachine, type StateMachineOptions, type StatesError } from "@stepcraft/runtime";
import { checkExecutionInput, formatDuration, TestSetupError } from "@stepcraft/runtime/testing";
import { estimateCost, formatUsd, type CostEstimate } from "../pricing/estimate-cost.ts";
import { ExitCode, UsageError, type CliIo } from "../io.ts";
import { colorsFor } from "../terminal.ts";

import { loadMachine } from "../run/load-machine.ts";
import { mockResolver } from "../run/mock-binding.ts";
import { readExecutionInput } from "../run/read-input.ts";
import { handlerResolver, workflowHandlers } from "../local/workflow-handlers.ts";

export interface RunOptions {
  /** JSON, or `@file`; `{}` when absent. */
  readonly input?: string;
  /** Which workflow of a module exporting several (its name or export name). */
  readonly workflow?: string;
  readonly mockConfig?: string;
  readonly testCase?: string;
  /** The state machine's name in the mock config; the workflow's (or file's) name by default. */
  readonly stateMachine?: string;
  readonly realTime?: boolean;
  readonly type?: "STANDARD" | "EXPRESS";
  readonly json?: boolean;
}

/**
 * Runs a definition locally and prints its trace and what it would cost on AWS. Exit 0 when the
 * execution succeeds; 1 when it fails, times out or is aborted (or the definition is invalid).
 */
export async function runCommand(file: string, options: RunOptions, io: CliIo): Promise<ExitCode> {
  if ((options.mockConfig === undefined) !== (options.testCase === undefined)) {
    throw new UsageError("--mock-config and --test-case go together: --mock-config MockConfigFile.json --test-case HappyPath");
  }
  const input = await readExecutionInput(options.input, io.cwd);
  const machine = await loadMachine(file, options.workflow, io.cwd);
  if (machine.problems.length > 0) return reportInvalid(file, machine.problems, options, io);
  // As testExecution does: an input the workflow's schema refuses is a mistake in the call, not a run.
  try {
    await checkExecutionInput(machine.workflow, input);
  } catch (error) {
    if (error instanceof TestSetupError) throw new UsageError(`--input does not match the workflow's input schema: ${error.message}`);
    throw error;
  }

  const name = options.stateMachine ?? machine.name;
  // A workflow module's lambda() handlers run in-process; a mock config's test case wins for the states it mocks.
  const tasks = await workflowHandlers(file, machine.lambdas);
  const machineOptions: StateMachineOptions = {
    name,
    stateMachineType: options.type ?? "STANDARD",
    time: options.realTime === true ? "real" : "virtual",
    ...(options.mockConfig !== undefined && options.testCase !== undefined
      ? { resolveTask: await mockResolver(options.mockConfig, options.testCase, name, io.cwd, handlerResolver(tasks)) }
      : { tasks }),
  };
  let prepared;
  try {
    prepared = prepareStateMachine(machine.definition as object, machineOptions);
  } catch (error) {
    if (error instanceof InvalidDefinitionError) return reportInvalid(file, error.diagnostics.map((d) => `${d.code} at ${d.path || "/"}: ${d.message}`), options, io);
    throw error;
  }
  // Nothing in `stepcraft run` can answer a .waitForTaskToken task with no handler: it waits (as on
  // AWS) until its TimeoutSeconds or the execution's time runs out; the report says why.
  const unanswered = new Set<string>();
  prepared.callbacks.onPending((task) => unanswered.add(task.stateName));
  let execution;
  try {
    execution = prepared.start(input);
  } catch (error) {
    // StartExecution refused the input (over 256 KiB, nested too deep, not JSON data).
    if (isStatesError(error)) return reportRefusedInput(file, error, options, io);
    throw error;
  }
  const result = await execution.result;
  const history = execution.history;
  const cost = estimateCost(history);

  if (options.json === true) {
    io.out(`${JSON.stringify({ status: result.status, output: result.output, error: result.error, cause: result.cause, history, cost }, null, 2)}\n`);
  } else {
    const took = history.length === 0 ? 0 : (history[history.length - 1]?.timestamp.getTime() ?? 0) - (history[0]?.timestamp.getTime() ?? 0);
    const lines = [`${file}${file.endsWith(".ts") ? ` (${machine.name})` : ""}: ${options.realTime === true ? "real" : "virtual"} time`, formatTrace(history)];
    const colors = colorsFor(io);
    const status = result.status === "SUCCEEDED" ? colors.green(result.status) : colors.red(result.status);
    lines.push(`${status} after ${formatDuration(took)}${result.error === undefined ? "" : `: ${colors.bold(result.error)}`}`);
    if (result.cause !== undefined) lines.push(`  cause: ${result.cause}`);
    if (unanswered.size > 0 && result.status !== "SUCCEEDED") {
      const states = [...unanswered].map((n) => `'${n}'`).join(", ");
      lines.push(`  note: ${states} waited for a callback (.waitForTaskToken) nothing answered; bind a handler for it (a lambda() in the workflow module, or --mock-config)`);
    }
    if (result.status === "SUCCEEDED") lines.push(`output: ${JSON.stringify(result.output, null, 2)}`);
    lines.push(formatCost(cost));
    io.out(`${lines.join("\n")}\n`);
  }
  return result.status === "SUCCEEDED" ? ExitCode.Ok : ExitCode.Findings;
}

function reportRefusedInput(file: string, error: StatesError, options: RunOptions, io: CliIo): ExitCode {
  if (options.json === true) {
    io.out(`${JSON.stringify({ status: "INVALID_INPUT", error: error.error, cause: error.cause, history: [], cost: null }, null, 2)}\n`);
  } else {
    io.out(`${file}: not run, the input was refused: ${error.error}: ${error.cause}\n`);
  }
  return ExitCode.Findings;
}

function reportInvalid(file: string, problems: readonly string[], options: RunOptions, io: CliIo): ExitCode {
  if (options.json === true) {
    io.out(`${JSON.stringify({ status: "INVALID_DEFINITION", error: "States.InvalidDefinition", cause: problems.join("\n"), history: [], cost: null }, null, 2)}\n`);
  } else {
    io.out(`${file}: not run, the definition is invalid (stepcraft validate ${file} shows where):\n${problems.map((p) => `  ${p}`).join("\n")}\n`);
  }
  return ExitCode.Findings;
}

/** The AWS bill for this one execution, both ways it could be deployed. */
export function formatCost(cost: CostEstimate): string {
  const { standard, express, priceTable } = cost;
  const transitions = `${standard.stateTransitions} state transition${standard.stateTransitions === 1 ? "" : "s"}${standard.retries > 0 ? ` (${standard.retries} for retries)` : ""}`;
  return [
    `cost on AWS (${priceTable.region}, prices of ${priceTable.retrieved}, ${priceTable.source}):`,
    `  Standard: ${transitions} = ${formatUsd(standard.usd)}`,
    `  Express:  1 request + ${formatDuration(express.billedDurationMs)} at ${express.memoryMb} MB = ${formatUsd(express.usd)}`,
  ].join("\n");
}
