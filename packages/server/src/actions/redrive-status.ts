import { MAX_DURATION_SECONDS, notRedrivableReason, type RedriveFacts } from "@stepcraft/runtime";
import type { ExecutionRow, ExecutionSummaryRow } from "../store/execution-store.ts";
import { epochSeconds, type ActionContext } from "./action.ts";

/** The most events an execution's history holds (AWS quota); a full one cannot be redriven. */
const MAX_HISTORY_EVENTS = 25_000;

/** Why the stored execution cannot be redriven now, in AWS's words (the runtime's rules), or undefined. */
export function redriveRefusal(row: ExecutionRow, ctx: ActionContext): string | undefined {
  return notRedrivableReason({
    express: row.type === "EXPRESS",
    status: row.status as RedriveFacts["status"],
    stoppedAt: row.stop_ms ?? undefined,
    now: ctx.services.clock.now(),
    historyLimitReached: ctx.services.executions.eventCount(row.arn) >= MAX_HISTORY_EVENTS,
    exceededMaxDuration: row.stop_ms !== null && row.stop_ms - row.start_ms >= MAX_DURATION_SECONDS.STANDARD * 1000,
  });
}

/** How often and when it was redriven (ListExecutions' items; DescribeExecution too). */
export function redriveSummary(row: ExecutionSummaryRow) {
  return { redriveCount: row.redrive_count, ...(row.redrive_ms === null ? {} : { redriveDate: epochSeconds(row.redrive_ms) }) };
}

/** DescribeExecution's redrive fields: the count and date, and whether RedriveExecution would be accepted now. */
export function redriveDescription(row: ExecutionRow, ctx: ActionContext) {
  const reason = redriveRefusal(row, ctx);
  return {
    ...redriveSummary(row),
    ...(reason === undefined ? { redriveStatus: "REDRIVABLE" } : { redriveStatus: "NOT_REDRIVABLE", redriveStatusReason: reason }),
  };
}

