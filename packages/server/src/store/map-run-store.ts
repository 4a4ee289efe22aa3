import { statementCache, type Sqlite, type StatementCache } from "./database.ts";

/** A Distributed Map's Map Run as stored. */
export interface MapRunRow {
  readonly arn: string;
  /** The execution whose Map state started it. */
  readonly exec_arn: string;
  readonly state_name: string;
  /** RUNNING, SUCCEEDED, FAILED or ABORTED. */
  readonly status: string;
  readonly start_ms: number;
  readonly stop_ms: number | null;
  readonly max_concurrency: number;
  readonly tolerated_count: number | null;
  readonly tolerated_percentage: number | null;
  /** 1 when a ResultWriter exports the children's results. */
  readonly writes_results: number;
}

/** One child execution of a Map Run (PENDING until it starts). */
export interface MapRunChildRow {
  readonly map_run_arn: string;
  readonly idx: number;
  readonly name: string | null;
  readonly status: string;
  /** Items it processes (1, or its batch's size). */
  readonly items: number;
  readonly start_ms: number | null;
  readonly stop_ms: number | null;
}

/** Child executions (and their items) by status. */
export interface StatusCounts {
  readonly children: Readonly<Record<string, number>>;
  readonly items: Readonly<Record<string, number>>;
}

/** The settings UpdateMapRun changes. */
export interface MapRunSettings {
  readonly maxConcurrency?: number | undefined;
  readonly toleratedFailureCount?: number | undefined;
  readonly toleratedFailurePercentage?: number | undefined;
}

const ENDED = "('SUCCEEDED', 'FAILED', 'ABORTED', 'TIMED_OUT')";

/**
 * Map Runs and their child executions in SQLite. Written as they happen; a replay after a restart
 * writes them again, and what was committed first stands (a Map Run's ARN is the same on a
 * replay, a child's first start and first end are kept).
 */
export class MapRunStore {
  private readonly sql: StatementCache;

  constructor(private readonly db: Sqlite) {
    this.sql = statementCache(db);
  }

  /** A Map Run starts with its children PENDING. */
  started(run: MapRunRow, childItems: readonly number[]): void {
    this.db.transaction(() => {
      const inserted = this.sql(
        "INSERT OR IGNORE INTO map_runs (arn, exec_arn, state_name, status, start_ms, stop_ms, max_concurrency, tolerated_count, tolerated_percentage, writes_results) VALUES (@arn, @exec_arn, @state_name, @status, @start_ms, @stop_ms, @max_concurrency, @tolerated_count, @tolerated_percentage, @writes_results)",
      ).run(run);
      if (inserted.changes === 0) return;
      const child = this.sql("INSERT OR IGNORE INTO map_run_children (map_run_arn, idx, status, items) VALUES (?, ?, 'PENDING', ?)");
      childItems.forEach((items, idx) => child.run(run.arn, idx, items));
    })();
  }

  childStarted(mapRunArn: string, idx: number, name: string, atMs: number): void {
    this.sql("UPDATE map_run_children SET status = 'RUNNING', name = ?, start_ms = ? WHERE map_run_arn = ? AND idx = ? AND status = 'PENDING'").run(name, atMs, mapRunArn, idx);
  }

  childEnded(mapRunArn: string, idx: number, status: string, atMs: number): void {
    this.sql(`UPDATE map_run_children SET status = ?, stop_ms = ? WHERE map_run_arn = ? AND idx = ? AND status NOT IN ${ENDED}`).run(status, atMs, mapRunArn, idx);
  }

  /** The Map Run ended (its first end stands); children still running are aborted with it. */
  ended(mapRunArn: string, status: string, atMs: number): void {
    this.db.transaction(() => {
      const changed = this.sql("UPDATE map_runs SET status = ?, stop_ms = ? WHERE arn = ? AND status = 'RUNNING'").run(status, atMs, mapRunArn).changes;
      if (changed > 0) this.sql("UPDATE map_run_children SET status = 'ABORTED', stop_ms = ? WHERE map_run_arn = ? AND status = 'RUNNING'").run(atMs, mapRunArn);
    })();
  }

  /** The execution ended while its Map Runs still ran: they are aborted with it. */
  abortRunning(execArn: string, atMs: number): void {
    const running = this.sql("SELECT arn FROM map_runs WHERE exec_arn = ? AND status = 'RUNNING'").all(execArn) as { arn: string }[];
    for (const { arn } of running) this.ended(arn, "ABORTED", atMs);
  }

  mapRun(arn: string): MapRunRow | undefined {
    return this.sql("SELECT * FROM map_runs WHERE arn = ?").get(arn) as MapRunRow | undefined;
  }

  /** The Map Runs an execution started, newest first. */
  mapRuns(execArn: string): MapRunRow[] {
    return this.sql("SELECT * FROM map_runs WHERE exec_arn = ? ORDER BY start_ms DESC, rowid DESC").all(execArn) as MapRunRow[];
  }

  /** The child executions that started, newest first, optionally of one status. */
  children(mapRunArn: string, status: string | undefined): MapRunChildRow[] {
    if (status === undefined) return this.sql("SELECT * FROM map_run_children WHERE map_run_arn = ? AND status != 'PENDING' ORDER BY idx DESC").all(mapRunArn) as MapRunChildRow[];
    return this.sql("SELECT * FROM map_run_children WHERE map_run_arn = ? AND status = ? ORDER BY idx DESC").all(mapRunArn, status) as MapRunChildRow[];
  }

  counts(mapRunArn: string): StatusCounts {
    const rows = this.sql("SELECT status, COUNT(*) AS n, SUM(items) AS items FROM map_run_children WHERE map_run_arn = ? GROUP BY status").all(mapRunArn) as { status: string; n: number; items: number }[];
    return { children: Object.fromEntries(rows.map((r) => [r.status, r.n])), items: Object.fromEntries(rows.map((r) => [r.status, r.items])) };
  }

  /** UpdateMapRun: the given settings replace the stored ones. */
  update(mapRunArn: string, settings: MapRunSettings): void {
    this.sql(
      "UPDATE map_runs SET max_concurrency = COALESCE(@maxConcurrency, max_concurrency), tolerated_count = COALESCE(@toleratedFailureCount, tolerated_count), tolerated_percentage = COALESCE(@toleratedFailurePercentage, tolerated_percentage) WHERE arn = @arn",
    ).run({ arn: mapRunArn, maxConcurrency: settings.maxConcurrency ?? null, toleratedFailureCount: settings.toleratedFailureCount ?? null, toleratedFailurePercentage: settings.toleratedFailurePercentage ?? null });
  }
}
