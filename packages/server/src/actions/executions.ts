import { randomUUID } from "node:crypto";
import { z } from "zod";
import { AwsError, validationError } from "../protocol/aws-error.ts";
import { arn, maxResults, nextToken, str } from "../protocol/request-shape.ts";
import type { ExecutionRow, ExecutionSummaryRow } from "../store/execution-store.ts";
import { action, epochSeconds, type ActionContext, type ActionTable } from "./action.ts";
import { checkName, machineRef, parseArn } from "./arns.ts";
import { invalidExecutionInput, parseJsonData } from "./execution-input.ts";
import { mapRunExecutions } from "./map-runs.ts";
import { page } from "./paging.ts";
import { existingExecution } from "./execution-lookup.ts";
import { redriveDescription, redriveSummary } from "./redrive-status.ts";
import { existingMachine } from "./state-machines.ts";
import { routeAlias } from "./versions-aliases.ts";

const startShape = z.strictObject({ stateMachineArn: arn(), name: str(1, 80).optional(), input: str(0, 262_144).optional(), traceHeader: str(0, 256).optional() });
const executionArnShape = z.strictObject({ executionArn: arn(), includedData: z.enum(["ALL_DATA", "METADATA_ONLY"]).optional() });
const statuses = z.enum(["RUNNING", "SUCCEEDED", "FAILED", "TIMED_OUT", "ABORTED", "PENDING_REDRIVE"]);

/** The new execution's row: which revision it runs (machine, version or alias), under which ARN. */
function newExecution(ctx: ActionContext, input: z.infer<typeof startShape>, expressArn: boolean): ExecutionRow {
  const ref = machineRef(input.stateMachineArn, true);
  const machine = existingMachine(ctx, ref.machineArn, input.stateMachineArn);
  let versionArn: string | null = null;
  let aliasArn: string | null = null;
  let source: { definition: string; role_arn: string } = machine;
  if (ref.alias !== undefined) {
    aliasArn = `${ref.machineArn}:${ref.alias}`;
    const alias = ctx.services.machines.alias(aliasArn);
    if (alias === undefined) throw new AwsError("StateMachineDoesNotExist", `State Machine Does Not Exist: '${input.stateMachineArn}'`);
    versionArn = routeAlias(alias);
  } else if (ref.version !== undefined) {
    versionArn = `${ref.machineArn}:${ref.version}`;
  }
  if (versionArn !== null) {
    const version = ctx.services.machines.version(versionArn);
    if (version === undefined) throw new AwsError("StateMachineDoesNotExist", `State Machine Does Not Exist: '${versionArn}'`);
    source = version;
  }
  const name = input.name ?? randomUUID();
  checkName(name, "execution");
  const text = input.input ?? "{}";
  parseJsonData(text, "input", invalidExecutionInput);
  const prefix = `arn:aws:states:${ref.machineArn.split(":")[3]!}:123456789012`;
  const executionArn = expressArn ? `${prefix}:express:${machine.name}:${name}:${randomUUID()}` : `${prefix}:execution:${machine.name}:${name}`;
  return {
    arn: executionArn,
    machine_arn: machine.arn,
    version_arn: versionArn,
    alias_arn: aliasArn,
    name,
    type: machine.type,
    status: "RUNNING",
    input: text,
    output: null,
    error: null,
    cause: null,
    start_ms: ctx.services.clock.now(),
    stop_ms: null,
    definition: source.definition,
    role_arn: source.role_arn,
    test_case: ref.testCase ?? null,
    redrive_count: 0,
    redrive_ms: null,
    redrive_token: null,
  };
}


function dataFields(row: ExecutionRow, included: boolean) {
  if (!included) return {};
  return {
    input: row.input,
    inputDetails: { included: true },
    ...(row.output === null ? {} : { output: row.output, outputDetails: { included: true } }),
  };
}

/** The fields DescribeExecution and ListExecutions share. */
function executionSummary(row: ExecutionSummaryRow) {
  return {
    executionArn: row.arn,
    stateMachineArn: row.version_arn ?? row.machine_arn,
    name: row.name,
    status: row.status,
    startDate: epochSeconds(row.start_ms),
    ...(row.stop_ms === null ? {} : { stopDate: epochSeconds(row.stop_ms) }),
    ...qualifiers(row),
  };
}

function qualifiers(row: ExecutionSummaryRow) {
  return {
    ...(row.version_arn === null ? {} : { stateMachineVersionArn: row.version_arn }),
    ...(row.alias_arn === null ? {} : { stateMachineAliasArn: row.alias_arn }),
  };
}

/** Start/Describe/List/Stop executions and their history. */
export const executionActions: ActionTable = {
  StartExecution: action(startShape, (input, ctx) => {
    const row = newExecution(ctx, input, false);
    const existing = ctx.services.executions.execution(row.arn);
    if (existing !== undefined) {
      // AWS: the same name and input while it still runs is the same execution (idempotent).
      if (existing.status === "RUNNING" && existing.input === row.input) return { executionArn: existing.arn, startDate: epochSeconds(existing.start_ms) };
      throw new AwsError("ExecutionAlreadyExists", `Execution Already Exists: '${row.arn}'`);
    }
    try {
      ctx.services.host.start(row);
    } catch (e) {
      if (e instanceof AwsError) throw e;
      throw validationError(e instanceof Error ? e.message : String(e));
    }
    return { executionArn: row.arn, startDate: epochSeconds(row.start_ms) };
  }),

  StartSyncExecution: action(startShape, async (input, ctx) => {
    const row = newExecution(ctx, input, true);
    if (row.type !== "EXPRESS") throw new AwsError("StateMachineTypeNotSupported", `This operation is not supported by this type of state machine: '${row.machine_arn}' is ${row.type}; StartSyncExecution runs EXPRESS state machines`);
    let outcome;
    try {
      outcome = await ctx.services.host.runSync(row);
    } catch (e) {
      if (e instanceof AwsError) throw e;
      throw validationError(e instanceof Error ? e.message : String(e));
    }
    const { result, stopMs } = outcome;
    const seconds = Math.max(100, Math.ceil((stopMs - row.start_ms) / 100) * 100);
    return {
      executionArn: row.arn,
      stateMachineArn: row.version_arn ?? row.machine_arn,
      name: row.name,
      startDate: epochSeconds(row.start_ms),
      stopDate: epochSeconds(stopMs),
      status: result.status === "ABORTED" ? "FAILED" : result.status,
      ...(result.error === undefined ? {} : { error: result.error }),
      ...(result.cause === undefined ? {} : { cause: result.cause }),
      input: row.input,
      inputDetails: { included: true },
      ...(result.status === "SUCCEEDED" ? { output: JSON.stringify(result.output ?? null), outputDetails: { included: true } } : {}),
      billingDetails: { billedMemoryUsedInMB: 64, billedDurationInMilliseconds: seconds },
    };
  }),

  DescribeExecution: action(executionArnShape, (input, ctx) => {
    const row = existingExecution(ctx, input.executionArn);
    return {
      ...executionSummary(row),
      ...dataFields(row, input.includedData !== "METADATA_ONLY"),
      ...(row.error === null ? {} : { error: row.error }),
      ...(row.cause === null ? {} : { cause: row.cause }),
      ...redriveDescription(row, ctx),
    };
  }),

  DescribeStateMachineForExecution: action(executionArnShape, (input, ctx) => {
    const row = existingExecution(ctx, input.executionArn);
    const machine = ctx.services.machines.machine(row.machine_arn);
    return {
      stateMachineArn: row.version_arn ?? row.machine_arn,
      name: row.machine_arn.split(":")[6],
      definition: row.definition,
      roleArn: row.role_arn,
      updateDate: epochSeconds(machine?.updated_ms ?? machine?.created_ms ?? row.start_ms),
      loggingConfiguration: machine?.logging == null ? { level: "OFF", includeExecutionData: false } : (JSON.parse(machine.logging) as unknown),
      tracingConfiguration: machine?.tracing == null ? { enabled: false } : (JSON.parse(machine.tracing) as unknown),
      ...(machine === undefined ? {} : { revisionId: machine.revision_id }),
    };
  }),

  ListExecutions: action(
    z.strictObject({ stateMachineArn: arn().optional(), mapRunArn: arn().optional(), statusFilter: statuses.optional(), maxResults: maxResults(), nextToken: nextToken(), redriveFilter: z.enum(["REDRIVEN", "NOT_REDRIVEN"]).optional() }),
    (input, ctx) => {
      if ((input.stateMachineArn === undefined) === (input.mapRunArn === undefined)) {
        throw validationError("1 validation error detected: exactly one of 'stateMachineArn' and 'mapRunArn' must be given");
      }
      if (input.mapRunArn !== undefined) {
        const children = mapRunExecutions(ctx, input.mapRunArn, input.statusFilter);
        const { items, nextToken: next } = page(children, `ListExecutions|${input.mapRunArn}|${input.statusFilter ?? ""}`, input.maxResults, input.nextToken);
        return { executions: items, ...(next === undefined ? {} : { nextToken: next }) };
      }
      const ref = machineRef(input.stateMachineArn!);
      existingMachine(ctx, ref.machineArn, input.stateMachineArn);
      const redriven = input.redriveFilter === undefined ? undefined : input.redriveFilter === "REDRIVEN";
      const rows = ctx.services.executions.executions(input.stateMachineArn!, input.statusFilter, redriven);
      const scope = `ListExecutions|${input.stateMachineArn!}|${input.statusFilter ?? ""}|${input.redriveFilter ?? ""}`;
      const { items, nextToken: next } = page(rows, scope, input.maxResults, input.nextToken);
      return {
        executions: items.map((r) => ({ ...executionSummary(r), ...redriveSummary(r) })),
        ...(next === undefined ? {} : { nextToken: next }),
      };
    },
  ),

  GetExecutionHistory: action(
    z.strictObject({ executionArn: arn(), maxResults: maxResults(), reverseOrder: z.boolean().optional(), nextToken: nextToken(), includeExecutionData: z.boolean().optional() }),
    (input, ctx) => {
      const row = existingExecution(ctx, input.executionArn);
      const reverse = input.reverseOrder === true;
      const total = ctx.services.executions.eventCount(row.arn);
      const ids = Array.from({ length: total }, (_, i) => i);
      const { items, nextToken: next } = page(ids, `GetExecutionHistory|${row.arn}|${reverse}`, input.maxResults, input.nextToken);
      const bodies = items.length === 0 ? [] : ctx.services.executions.events(row.arn, reverse, items[0]!, items.length);
      const withData = input.includeExecutionData !== false;
      return { events: bodies.map((b) => historyEvent(b, withData)), ...(next === undefined ? {} : { nextToken: next }) };
    },
  ),

  StopExecution: action(z.strictObject({ executionArn: arn(), error: str(0, 256).optional(), cause: str(0, 32_768).optional() }), async (input, ctx) => {
    const row = existingExecution(ctx, input.executionArn);
    if (row.status === "RUNNING") await ctx.services.host.stop(row.arn, input.error, input.cause);
    const after = ctx.services.executions.execution(row.arn)!;
    return { stopDate: epochSeconds(after.stop_ms ?? ctx.services.clock.now()) };
  }),
};

const DATA_KEYS = new Set(["input", "output", "parameters"]);

/** A stored event as GetExecutionHistory returns it (timestamp in epoch seconds; data left out on request). */
export function historyEvent(body: string, withData: boolean): Record<string, unknown> {
  const event = JSON.parse(body) as Record<string, unknown>;
  event["timestamp"] = epochSeconds(event["timestamp"] as number);
  if (!withData) {
    for (const [key, value] of Object.entries(event)) {
      if (!key.endsWith("EventDetails") || value === null || typeof value !== "object") continue;
      event[key] = Object.fromEntries(Object.entries(value as Record<string, unknown>).filter(([k]) => !DATA_KEYS.has(k)));
    }
  }
  return event;
}
