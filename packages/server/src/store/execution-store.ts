import { statementCache, type Sqlite, type StatementCache } from "./database.ts";
import type { Statement } from "better-sqlite3";

/** One execution as stored; `definition` is the revision it runs (updates do not change it). */
export interface ExecutionRow {
  readonly seq?: number;
  readonly arn: string;
  readonly machine_arn: string;
  readonly version_arn: string | null;
  readonly alias_arn: string | null;
  readonly name: string;
  readonly type: "STANDARD" | "EXPRESS";
  readonly status: string;
  readonly input: string;
  readonly output: string | null;
  readonly error: string | null;
  readonly cause: string | null;
  readonly start_ms: number;
  readonly stop_ms: number | null;
  readonly definition: string;
  readonly role_arn: string;
  readonly test_case: string | null;
  /** How many times RedriveExecution restarted it, and when it last did. */
  readonly redrive_count: number;
  readonly redrive_ms: number | null;
  /** The clientToken of the last RedriveExecution: the same request again answers the same. */
  readonly redrive_token: string | null;
}

/** What listing an execution needs (no input, output or definition). */
export type ExecutionSummaryRow = Pick<ExecutionRow, "arn" | "machine_arn" | "version_arn" | "alias_arn" | "name" | "status" | "start_ms" | "stop_ms" | "redrive_count" | "redrive_ms">;

const SUMMARY_COLUMNS = "arn, machine_arn, version_arn, alias_arn, name, status, start_ms, stop_ms, redrive_count, redrive_ms";

/** One run of an execution: the first from StartExecution, one more per redrive. */
export interface ExecutionRun {
  readonly startMs: number;
  /** When it ended (its ExecutionSucceeded/Failed/Aborted/TimedOut event), if it has. */
  readonly endMs: number | undefined;
}

/** The events that end a run. */
const RUN_ENDS = ["ExecutionSucceeded", "ExecutionFailed", "ExecutionAborted", "ExecutionTimedOut"];

/** How an execution ended. */
export interface ExecutionEnd {
  readonly status: string;
  readonly output: string | null;
  readonly error: string | null;
  readonly cause: string | null;
  readonly stopMs: number;
}

/** A task's recorded outcome, replayed instead of re-running the task after a restart. */
export type TaskOutcome = { readonly ok: true; readonly output: unknown } | { readonly ok: false; readonly error: string | null; readonly cause: string | null };

/** Executions, their history events and their task outcomes in SQLite. */
export class ExecutionStore {
  private readonly insertEvent: Statement;
  private readonly insertOutcome: Statement;
  private readonly sql: StatementCache;

  constructor(private readonly db: Sqlite) {
    this.sql = statementCache(db);
    // Events of a replayed execution are written again with the same ids: the first copy stays.
    this.insertEvent = db.prepare("INSERT OR IGNORE INTO events (exec_arn, id, body) VALUES (?, ?, ?)");
    this.insertOutcome = db.prepare("INSERT OR IGNORE INTO task_outcomes (exec_arn, key, outcome, at_ms) VALUES (?, ?, ?, ?)");
  }

  execution(arn: string): ExecutionRow | undefined {
    return this.sql("SELECT * FROM executions WHERE arn = ?").get(arn) as ExecutionRow | undefined;
  }

  insertExecution(row: ExecutionRow): void {
    this.db
      .prepare(
        "INSERT INTO executions (arn, machine_arn, version_arn, alias_arn, name, type, status, input, output, error, cause, start_ms, stop_ms, definition, role_arn, test_case, redrive_count, redrive_ms, redrive_token) VALUES (@arn, @machine_arn, @version_arn, @alias_arn, @name, @type, @status, @input, @output, @error, @cause, @start_ms, @stop_ms, @definition, @role_arn, @test_case, @redrive_count, @redrive_ms, @redrive_token)",
      )
      .run(row);
  }

  /** Records the end of an execution together with its last events (and `also`), in one transaction. */
  finish(arn: string, end: ExecutionEnd, events: readonly { id: number; body: string }[], also?: () => void): void {
    this.db.transaction(() => {
      this.writeEvents(arn, events);
      also?.();
      this.db
        .prepare("UPDATE executions SET status = ?, output = ?, error = ?, cause = ?, stop_ms = ? WHERE arn = ?")
        .run(end.status, end.output, end.error, end.cause, end.stopMs, arn);
    })();
  }

  /**
   * RedriveExecution: the execution runs again (RUNNING, no end yet) with its new redrive count,
   * committed together with its first events (ExecutionRedriven and what followed at once).
   */
  redrive(arn: string, redrive: { readonly count: number; readonly ms: number; readonly token: string | null }, events: readonly { id: number; body: string }[]): void {
    this.db.transaction(() => {
      this.writeEvents(arn, events);
      this.sql("UPDATE executions SET status = 'RUNNING', output = NULL, error = NULL, cause = NULL, stop_ms = NULL, redrive_count = ?, redrive_ms = ?, redrive_token = ? WHERE arn = ?").run(redrive.count, redrive.ms, redrive.token, arn);
    })();
  }

  /** The runs of an execution, from its history: each redrive starts one, each closing event ends one. */
  runs(row: Pick<ExecutionRow, "arn" | "start_ms">): ExecutionRun[] {
    const marks = this.sql(
      `SELECT json_extract(body, '$.type') AS type, json_extract(body, '$.timestamp') AS ms FROM events WHERE exec_arn = ? AND json_extract(body, '$.type') IN ('ExecutionRedriven', ${RUN_ENDS.map((t) => `'${t}'`).join(", ")}) ORDER BY id`,
    ).all(row.arn) as { type: string; ms: number }[];
    const runs: ExecutionRun[] = [];
    let startMs = row.start_ms;
    let endMs: number | undefined;
    for (const mark of marks) {
      if (mark.type !== "ExecutionRedriven") {
        endMs = mark.ms;
        continue;
      }
      runs.push({ startMs, endMs });
      startMs = mark.ms;
      endMs = undefined;
    }
    runs.push({ startMs, endMs });
    return runs;
  }

  /** Executions of a machine (or of everything), newest first, optionally of one status and only (not) redriven ones. */
  executions(machineArn: string, status: string | undefined, redriven?: boolean): ExecutionSummaryRow[] {
    const where = ["(machine_arn = @m OR version_arn = @m OR alias_arn = @m)"];
    if (status !== undefined) where.push("status = @s");
    if (redriven !== undefined) where.push(redriven ? "redrive_count > 0" : "redrive_count = 0");
    return this.sql(`SELECT ${SUMMARY_COLUMNS} FROM executions WHERE ${where.join(" AND ")} ORDER BY seq DESC`).all({ m: machineArn, ...(status === undefined ? {} : { s: status }) }) as ExecutionSummaryRow[];
  }

  /** Executions still RUNNING: the ones to resume after a restart. */
  running(): ExecutionRow[] {
    return this.sql("SELECT * FROM executions WHERE status = 'RUNNING' ORDER BY seq").all() as ExecutionRow[];
  }

  appendEvents(arn: string, events: readonly { id: number; body: string }[]): void {
    if (events.length === 0) return;
    this.db.transaction(() => this.writeEvents(arn, events))();
  }

  private writeEvents(arn: string, events: readonly { id: number; body: string }[]): void {
    for (const e of events) this.insertEvent.run(arn, e.id, e.body);
  }

  /** How many events are committed (the ids 1..n). */
  eventCount(arn: string): number {
    return (this.sql("SELECT COUNT(*) AS n FROM events WHERE exec_arn = ?").get(arn) as { n: number }).n;
  }

  /** The types of the committed events, in id order. */
  eventTypes(arn: string): string[] {
    return (this.sql("SELECT json_extract(body, '$.type') AS type FROM events WHERE exec_arn = ? ORDER BY id").all(arn) as { type: string }[]).map((r) => r.type);
  }

  /** Event bodies (JSON text) in id order, or reversed. */
  events(arn: string, reverse: boolean, offset: number, limit: number): string[] {
    const rows = this.db
      .prepare(`SELECT body FROM events WHERE exec_arn = ? ORDER BY id ${reverse ? "DESC" : "ASC"} LIMIT ? OFFSET ?`)
      .all(arn, limit, offset) as { body: string }[];
    return rows.map((r) => r.body);
  }

  saveOutcome(arn: string, key: string, outcome: TaskOutcome, atMs: number): void {
    this.insertOutcome.run(arn, key, JSON.stringify(outcome), atMs);
  }

  /** One committed outcome (a replay looks up one it had not loaded: an answer that came during the replay). */
  outcome(arn: string, key: string): { outcome: TaskOutcome; atMs: number } | undefined {
    const row = this.sql("SELECT outcome, at_ms FROM task_outcomes WHERE exec_arn = ? AND key = ?").get(arn, key) as { outcome: string; at_ms: number } | undefined;
    return row === undefined ? undefined : { outcome: JSON.parse(row.outcome) as TaskOutcome, atMs: row.at_ms };
  }

  /** A callback task's token was handed out: it stays answerable across a restart. */
  tokenIssued(token: string, arn: string, key: string): void {
    this.sql("INSERT OR IGNORE INTO task_tokens (token, exec_arn, key) VALUES (?, ?, ?)").run(token, arn, key);
  }

  /** The task a token was handed out for, and whether it was answered. */
  token(token: string): { exec_arn: string; key: string; answered: number } | undefined {
    return this.sql("SELECT exec_arn, key, answered FROM task_tokens WHERE token = ?").get(token) as { exec_arn: string; key: string; answered: number } | undefined;
  }

  /** SendTaskSuccess/SendTaskFailure: the answer and the token's closing, in one transaction. */
  answer(token: string, arn: string, key: string, outcome: TaskOutcome, atMs: number): void {
    this.db.transaction(() => {
      this.insertOutcome.run(arn, key, JSON.stringify(outcome), atMs);
      this.sql("UPDATE task_tokens SET answered = 1 WHERE token = ?").run(token);
    })();
  }

  outcomes(arn: string): Map<string, { outcome: TaskOutcome; atMs: number }> {
    const rows = this.sql("SELECT key, outcome, at_ms FROM task_outcomes WHERE exec_arn = ?").all(arn) as { key: string; outcome: string; at_ms: number }[];
    return new Map(rows.map((r) => [r.key, { outcome: JSON.parse(r.outcome) as TaskOutcome, atMs: r.at_ms }]));
  }
}
