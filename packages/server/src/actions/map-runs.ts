import { z } from "zod";
import { AwsError, validationError } from "../protocol/aws-error.ts";
import { arn, maxResults, nextToken } from "../protocol/request-shape.ts";
import type { MapRunChildRow, MapRunRow } from "../store/map-run-store.ts";
import { action, epochSeconds, type ActionContext, type ActionTable } from "./action.ts";
import { parseArn } from "./arns.ts";
import { existingExecution } from "./execution-lookup.ts";
import { page } from "./paging.ts";

/** The Map Run an ARN names, or ResourceNotFound. */
export function existingMapRun(ctx: ActionContext, mapRunArn: string): MapRunRow {
  parseArn(mapRunArn, ["mapRun"]);
  const row = ctx.services.mapRuns.mapRun(mapRunArn);
  if (row === undefined) throw new AwsError("ResourceNotFound", `Resource Not Found: '${mapRunArn}'`);
  return row;
}

/** `…:mapRun:Machine/Label:id` without its id: the child state machine and executions are named under it. */
function runBase(mapRunArn: string): string {
  return mapRunArn.slice(0, mapRunArn.lastIndexOf(":"));
}

/** The state machine a Map Run's children run (`…:stateMachine:Machine/Label`). */
function childMachineArn(mapRunArn: string): string {
  return runBase(mapRunArn).replace(":mapRun:", ":stateMachine:");
}

/** ListExecutions with `mapRunArn`: the Map Run's child executions that started. */
export function mapRunExecutions(ctx: ActionContext, mapRunArn: string, status: string | undefined): ReturnType<typeof childExecution>[] {
  existingMapRun(ctx, mapRunArn);
  return ctx.services.mapRuns.children(mapRunArn, status).map((child) => childExecution(mapRunArn, child));
}

function childExecution(mapRunArn: string, child: MapRunChildRow) {
  const name = child.name ?? String(child.idx);
  return {
    executionArn: `${runBase(mapRunArn).replace(":mapRun:", ":execution:")}:${name}`,
    stateMachineArn: childMachineArn(mapRunArn),
    name,
    status: child.status,
    ...(child.start_ms === null ? {} : { startDate: epochSeconds(child.start_ms) }),
    ...(child.stop_ms === null ? {} : { stopDate: epochSeconds(child.stop_ms) }),
    mapRunArn,
    itemCount: child.items,
    redriveCount: 0,
  };
}

/** DescribeMapRun's counts of child executions (or of their items) by status. */
function countsOf(byStatus: Readonly<Record<string, number>>, written: boolean) {
  const n = (status: string): number => byStatus[status] ?? 0;
  const ended = n("SUCCEEDED") + n("FAILED") + n("ABORTED") + n("TIMED_OUT");
  return {
    pending: n("PENDING"),
    running: n("RUNNING"),
    succeeded: n("SUCCEEDED"),
    failed: n("FAILED"),
    timedOut: n("TIMED_OUT"),
    aborted: n("ABORTED"),
    total: Object.values(byStatus).reduce((sum, count) => sum + count, 0),
    // A ResultWriter exports every child that ended, once the Map Run ends.
    resultsWritten: written ? ended : 0,
    failuresNotRedrivable: 0,
    pendingRedrive: 0,
  };
}

const percentage = () => z.number().min(0).max(100);
const count = () => z.number().int().min(0);

/** DescribeMapRun, ListMapRuns and UpdateMapRun over the Map Runs the service keeps. */
export const mapRunActions: ActionTable = {
  DescribeMapRun: action(z.strictObject({ mapRunArn: arn() }), (input, ctx) => {
    const run = existingMapRun(ctx, input.mapRunArn);
    const counts = ctx.services.mapRuns.counts(run.arn);
    const written = run.writes_results === 1 && run.status !== "RUNNING";
    return {
      mapRunArn: run.arn,
      executionArn: run.exec_arn,
      status: run.status,
      startDate: epochSeconds(run.start_ms),
      ...(run.stop_ms === null ? {} : { stopDate: epochSeconds(run.stop_ms) }),
      maxConcurrency: run.max_concurrency,
      toleratedFailurePercentage: run.tolerated_percentage ?? 0,
      toleratedFailureCount: run.tolerated_count ?? 0,
      itemCounts: countsOf(counts.items, written),
      executionCounts: countsOf(counts.children, written),
      redriveCount: 0,
    };
  }),

  ListMapRuns: action(z.strictObject({ executionArn: arn(), maxResults: maxResults(), nextToken: nextToken() }), (input, ctx) => {
    const execution = existingExecution(ctx, input.executionArn);
    const runs = ctx.services.mapRuns.mapRuns(execution.arn);
    const { items, nextToken: next } = page(runs, `ListMapRuns|${execution.arn}`, input.maxResults, input.nextToken);
    return {
      mapRuns: items.map((run) => ({
        executionArn: run.exec_arn,
        mapRunArn: run.arn,
        stateMachineArn: childMachineArn(run.arn),
        startDate: epochSeconds(run.start_ms),
        ...(run.stop_ms === null ? {} : { stopDate: epochSeconds(run.stop_ms) }),
      })),
      ...(next === undefined ? {} : { nextToken: next }),
    };
  }),

  UpdateMapRun: action(
    z.strictObject({ mapRunArn: arn(), maxConcurrency: count().optional(), toleratedFailurePercentage: percentage().optional(), toleratedFailureCount: count().optional() }),
    (input, ctx) => {
      if (input.maxConcurrency === undefined && input.toleratedFailurePercentage === undefined && input.toleratedFailureCount === undefined) {
        throw validationError("At least one of maxConcurrency, toleratedFailurePercentage and toleratedFailureCount must be given");
      }
      const run = existingMapRun(ctx, input.mapRunArn);
      ctx.services.mapRuns.update(run.arn, input);
      ctx.services.host.updateMapRun(run.arn, input);
      return {};
    },
  ),
};
