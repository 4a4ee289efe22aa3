import type { StatesError } from "../errors.ts";

/** A Distributed Map's Map Run as it starts: what DescribeMapRun reports of it. */
export interface MapRunStart {
  readonly mapRunArn: string;
  /** The Map state that runs it. */
  readonly stateName: string;
  /** Child executions at once (0: no limit). */
  readonly maxConcurrency: number;
  readonly toleratedFailureCount: number | undefined;
  readonly toleratedFailurePercentage: number | undefined;
  /** How many items each child execution processes (one each, or its batch's size), in child order. */
  readonly childItems: readonly number[];
  /** Whether a ResultWriter exports the children's results. */
  readonly writesResults: boolean;
}

/** How a Map Run's child execution ended (ABORTED: stopped because its Map Run or execution ended first). */
export type MapRunChildStatus = "SUCCEEDED" | "FAILED" | "ABORTED";

/** A Map Run's settings that UpdateMapRun may change while it runs (the engine reads them live). */
export interface MapRunLimits {
  /** Child executions at once (0: no limit); a lower value holds back new children, never stops running ones. */
  maxConcurrency: number;
  toleratedFailureCount: number | undefined;
  toleratedFailurePercentage: number | undefined;
}

/** Told what happens in one Map Run. */
export interface MapRunListener {
  /** When given, the engine reads the run's concurrency and tolerated failures from here. */
  readonly limits?: MapRunLimits;
  /** Child `index` started, named `name` (`$$.Execution.Name`). */
  childStarted(index: number, name: string): void;
  childEnded(index: number, status: MapRunChildStatus): void;
  /** The Map Run ended: SUCCEEDED, or FAILED with the error that failed it. */
  ended(status: "SUCCEEDED" | "FAILED", error?: StatesError): void;
}

/** Where a Map Run starts: enough to make the same Map Run ARN again on a replay. */
export interface MapRunSite {
  readonly executionArn: string;
  readonly stateName: string;
  /** Id of the Map state's StateEntered event (unique in the execution). */
  readonly enteredEventId: number;
  /** 0 on the first attempt, then one more per Retry. */
  readonly retryCount: number;
}

/**
 * Watches an execution's Distributed Map Runs (a host that serves DescribeMapRun and ListMapRuns
 * keeps them). Optional: without one, Map Runs only leave their history events.
 */
export interface MapRunObserver {
  started(run: MapRunStart): MapRunListener;
  /**
   * Makes the parts of a Map Run ARN that are random by default: the label when the Map has no
   * `Label`, and the run id. A durable host makes them from the site, so a replay makes the same ARN.
   */
  mapRunId?(site: MapRunSite, part: "label" | "run"): string;
}
