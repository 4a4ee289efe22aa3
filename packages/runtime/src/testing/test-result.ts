import type { Execution, ExecutionResult } from "../engine/execution.ts";
import type { HistoryEvent } from "../engine/history.ts";
import { formatTrace } from "./format-trace.ts";
import type { TraceOptions } from "./format-trace.ts";
import { readHistory } from "./read-history.ts";
import type { ExecutionReading, StateVisit } from "./read-history.ts";
import type { MockResolver } from "../mocks/mock-resolver.ts";
import type { UnboundInvocation } from "./unbound.ts";

/** A state's visits; `input`/`output` are those of its latest visit. */
export interface StateRecord {
  readonly input: unknown;
  /** Output of the latest visit (undefined when it did not exit). */
  readonly output: unknown;
  readonly visits: readonly StateVisit[];
}

/** What a test execution did, read from its history. */
export interface TestExecutionResult<Out = unknown> {
  readonly status: ExecutionResult["status"];
  /** The output (SUCCEEDED only). */
  readonly output: Out | undefined;
  readonly error: string | undefined;
  readonly cause: string | undefined;
  readonly history: readonly HistoryEvent[];
  /** Visited states by name. */
  readonly states: Readonly<Record<string, StateRecord>>;
  /** Top-level visits in order (Map/Parallel visits hold theirs as `children`). */
  readonly visits: readonly StateVisit[];
  /** Mocks no invocation used. */
  readonly unusedMocks: readonly string[];
  /** Invocations nothing was bound to or mocked for (a Catcher may have hidden their failure). */
  readonly unbound: readonly UnboundInvocation[];
  /** The execution itself (`executionArn`, `history`, …). */
  readonly execution: Execution;
  /** The readable trace ({@link formatTrace}). */
  trace(options?: TraceOptions): string;
}

/** Builds the result once the execution has ended. */
export function testResult<Out>(
  execution: Execution,
  result: ExecutionResult,
  mockResolvers: readonly MockResolver[],
  unbound: readonly UnboundInvocation[],
  traceDefaults: TraceOptions = {},
): TestExecutionResult<Out> {
  const history = execution.history;
  const reading = readHistory(history);
  return {
    status: result.status,
    output: result.output as Out | undefined,
    error: result.error,
    cause: result.cause,
    history,
    states: statesOf(reading),
    visits: reading.visits,
    unusedMocks: mockResolvers.flatMap((r) => r.unusedMocks()),
    unbound: [...unbound],
    execution,
    trace: (options) => formatTrace(reading, { ...traceDefaults, ...options }),
  };
}

/** Visits grouped by state name, in the order the states were first entered. */
export function statesOf(reading: ExecutionReading): Record<string, StateRecord> {
  const grouped = new Map<string, StateVisit[]>();
  for (const visit of reading.allVisits) {
    let list = grouped.get(visit.name);
    if (list === undefined) grouped.set(visit.name, (list = []));
    list.push(visit);
  }
  const states: Record<string, StateRecord> = {};
  for (const [name, visits] of grouped) {
    const last = visits[visits.length - 1]!;
    states[name] = { input: last.input, output: last.output, visits };
  }
  return states;
}
