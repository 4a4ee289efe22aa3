import type { HistoryEvent } from "../engine/history.ts";
import { prepareStateMachine } from "../engine/machine.ts";
import type { PreparedStateMachine } from "../engine/machine.ts";
import type { TaskHandler } from "../tasks/types.ts";
import type { CaseActual, ConformanceCase } from "./case-types.ts";
import { jsonText } from "../data/json-text.ts";

/** Turns a case's handler source into a function (supplied by the runner: the runtime never evaluates code). */
export type HandlerFactory = (source: string) => TaskHandler;

/** How long a case may take in real time before it counts as hung. */
const CASE_TIME_LIMIT_MS = 10_000;

/** Runs one case on the local runtime and reports what happened in the case's terms. */
export async function runCase(c: ConformanceCase, makeHandler: HandlerFactory): Promise<CaseActual> {
  const tasks: Record<string, TaskHandler> = {};
  let python = false;
  for (const lambda of Object.values(c.lambdas ?? {})) {
    tasks[lambda.arn] = makeHandler(lambda.handler);
    if (lambda.runtime?.startsWith("python") === true) python = true;
  }
  const ex = c.execution ?? {};
  let machine: PreparedStateMachine;
  try {
    machine = prepareStateMachine(c.definition, {
      tasks,
      stateMachineType: c.stateMachineType === "EXPRESS" ? "EXPRESS" : "STANDARD",
      lambdaErrorFormat: python || c.lambdas === undefined ? "python" : "nodejs",
      ...(ex.stateMachineName === undefined ? {} : { name: ex.stateMachineName }),
      ...(ex.stateMachineArn === undefined ? {} : { stateMachineArn: ex.stateMachineArn }),
      ...(ex.roleArn === undefined ? {} : { roleArn: ex.roleArn }),
      ...(ex.region === undefined ? {} : { region: ex.region }),
      ...(ex.accountId === undefined ? {} : { accountId: ex.accountId }),
    });
  } catch (e) {
    return { status: "CREATE_FAILED", rejection: e instanceof Error ? e.message : String(e) };
  }
  // The exact text where the case has one: AWS keeps how its numbers are written (`0.0`).
  const input = c.inputText === undefined ? c.input : jsonText(c.inputText);
  let execution;
  try {
    execution = machine.start(input, {
      ...(ex.executionName === undefined ? {} : { name: ex.executionName }),
      ...(ex.executionArn === undefined ? {} : { executionArn: ex.executionArn }),
    });
  } catch (e) {
    return { status: "START_FAILED", error: e instanceof Error ? e.name : "Error", cause: String(e) };
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hung = new Promise<"hung">((resolve) => (timer = setTimeout(() => resolve("hung"), CASE_TIME_LIMIT_MS)));
  const result = await Promise.race([execution.result, hung]);
  clearTimeout(timer);
  if (result === "hung") {
    execution.abort("Conformance.Hung", `no result after ${CASE_TIME_LIMIT_MS} ms`);
    return { status: "HUNG" };
  }
  const out: CaseActual = {
    status: result.status,
    ...(result.output === undefined ? {} : { output: result.output, outputText: execution.outputText ?? "null" }),
    ...(result.error === undefined ? {} : { error: result.error }),
    ...(result.cause === undefined ? {} : { cause: result.cause }),
    history: historySignature(execution.history),
  };
  return out;
}

/** `Type` or `Type:StateName` (`MapIterationStarted:Map[0]`) per event, as the cases record it. */
export function historySignature(events: readonly HistoryEvent[]): string[] {
  return events.map((e) => {
    const entered = e["stateEnteredEventDetails"] as { name?: string } | undefined;
    const exited = e["stateExitedEventDetails"] as { name?: string } | undefined;
    const name = entered?.name ?? exited?.name;
    if (name !== undefined) return `${e.type}:${name}`;
    if (e.type.startsWith("MapIteration")) {
      const d = e[`${e.type.charAt(0).toLowerCase()}${e.type.slice(1)}EventDetails`] as { name?: string; index?: number } | undefined;
      if (d !== undefined) return `${e.type}:${d.name ?? ""}[${d.index ?? 0}]`;
    }
    return e.type;
  });
}
