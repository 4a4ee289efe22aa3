import { createHash } from "node:crypto";
import type { Clock, MapRunLimits, MapRunListener, MapRunObserver, MapRunSite, MapRunStart } from "@stepcraft/runtime";
import type { MapRunStore } from "../store/map-run-store.ts";

/** What a Map Run recorder needs from the execution it watches. */
export interface MapRunContext {
  readonly store: MapRunStore;
  readonly clock: Clock;
  /** The execution's ARN. */
  readonly executionArn: string;
  /** False while nothing may be written (a finished run retraced, the service closing). */
  writing(): boolean;
  /** True once the execution itself has stopped: a Map Run still going then is aborted, not failed. */
  executionStopped(): boolean;
  /** Makes an id from a secret and a site: unguessable, and the same on a replay. */
  siteId(site: string): string;
  /** The settings of the Map Runs running in this process, by ARN, for UpdateMapRun to change. */
  readonly running: Map<string, MapRunLimits>;
}

/** A UUID-shaped id from a hash, so a replayed Map Run gets the ARN it had. */
function uuidShaped(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** Keeps an execution's Distributed Map Runs (DescribeMapRun, ListMapRuns, ListExecutions by Map Run) as they run. */
export function mapRunRecorder(ctx: MapRunContext): MapRunObserver {
  const { store, clock } = ctx;
  return {
    mapRunId: (site: MapRunSite, part) =>
      uuidShaped(createHash("sha256").update(ctx.siteId(`${site.executionArn}|mapRun|${site.enteredEventId}|${site.retryCount}|${part}`)).digest("hex")),
    started(run: MapRunStart): MapRunListener {
      const arn = run.mapRunArn;
      if (ctx.writing()) {
        store.started(
          {
            arn,
            exec_arn: ctx.executionArn,
            state_name: run.stateName,
            status: "RUNNING",
            start_ms: clock.now(),
            stop_ms: null,
            max_concurrency: run.maxConcurrency,
            tolerated_count: run.toleratedFailureCount ?? null,
            tolerated_percentage: run.toleratedFailurePercentage ?? null,
            writes_results: run.writesResults ? 1 : 0,
          },
          run.childItems,
        );
      }
      // The settings as stored (an UpdateMapRun before a restart stands on the replay), changed live by later ones.
      const stored = store.mapRun(arn);
      const limits: MapRunLimits = {
        maxConcurrency: stored?.max_concurrency ?? run.maxConcurrency,
        toleratedFailureCount: stored === undefined ? run.toleratedFailureCount : (stored.tolerated_count ?? undefined),
        toleratedFailurePercentage: stored === undefined ? run.toleratedFailurePercentage : (stored.tolerated_percentage ?? undefined),
      };
      ctx.running.set(arn, limits);
      return {
        limits,
        childStarted: (index, name) => ctx.writing() && store.childStarted(arn, index, name, clock.now()),
        childEnded: (index, status) => ctx.writing() && store.childEnded(arn, index, status, clock.now()),
        ended: (status) => {
          ctx.running.delete(arn);
          if (ctx.writing()) store.ended(arn, ctx.executionStopped() ? "ABORTED" : status, clock.now());
        },
      };
    },
  };
}
