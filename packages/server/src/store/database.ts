import Database from "better-sqlite3";
import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import { join } from "node:path";

/** The schema; `IF NOT EXISTS` so that opening an existing data directory keeps its contents. */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS state_machines (
  arn TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL, definition TEXT NOT NULL, role_arn TEXT NOT NULL,
  description TEXT, created_ms INTEGER NOT NULL, updated_ms INTEGER, revision_id TEXT NOT NULL,
  last_version INTEGER NOT NULL DEFAULT 0, logging TEXT, tracing TEXT);
CREATE TABLE IF NOT EXISTS versions (
  arn TEXT PRIMARY KEY, machine_arn TEXT NOT NULL, version INTEGER NOT NULL, definition TEXT NOT NULL, role_arn TEXT NOT NULL,
  type TEXT NOT NULL, description TEXT, created_ms INTEGER NOT NULL, revision_id TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS aliases (
  arn TEXT PRIMARY KEY, machine_arn TEXT NOT NULL, name TEXT NOT NULL, description TEXT, routing TEXT NOT NULL,
  created_ms INTEGER NOT NULL, updated_ms INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS executions (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, arn TEXT NOT NULL UNIQUE, machine_arn TEXT NOT NULL, version_arn TEXT, alias_arn TEXT,
  name TEXT NOT NULL, type TEXT NOT NULL, status TEXT NOT NULL, input TEXT NOT NULL, output TEXT, error TEXT, cause TEXT,
  start_ms INTEGER NOT NULL, stop_ms INTEGER, definition TEXT NOT NULL, role_arn TEXT NOT NULL, test_case TEXT,
  redrive_count INTEGER NOT NULL DEFAULT 0, redrive_ms INTEGER, redrive_token TEXT);
CREATE INDEX IF NOT EXISTS executions_by_machine ON executions (machine_arn, seq);
CREATE INDEX IF NOT EXISTS executions_by_status ON executions (status);
CREATE TABLE IF NOT EXISTS events (exec_arn TEXT NOT NULL, id INTEGER NOT NULL, body TEXT NOT NULL, PRIMARY KEY (exec_arn, id)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS task_outcomes (exec_arn TEXT NOT NULL, key TEXT NOT NULL, outcome TEXT NOT NULL, at_ms INTEGER NOT NULL, PRIMARY KEY (exec_arn, key)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS map_runs (
  arn TEXT PRIMARY KEY, exec_arn TEXT NOT NULL, state_name TEXT NOT NULL, status TEXT NOT NULL, start_ms INTEGER NOT NULL, stop_ms INTEGER,
  max_concurrency INTEGER NOT NULL, tolerated_count INTEGER, tolerated_percentage REAL, writes_results INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS map_runs_by_execution ON map_runs (exec_arn, start_ms);
CREATE TABLE IF NOT EXISTS map_run_children (
  map_run_arn TEXT NOT NULL, idx INTEGER NOT NULL, name TEXT, status TEXT NOT NULL, items INTEGER NOT NULL, start_ms INTEGER, stop_ms INTEGER,
  PRIMARY KEY (map_run_arn, idx)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS task_tokens (token TEXT PRIMARY KEY, exec_arn TEXT NOT NULL, key TEXT NOT NULL, answered INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS activities (arn TEXT PRIMARY KEY, name TEXT NOT NULL, created_ms INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS tags (arn TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (arn, key)) WITHOUT ROWID;
`;

/** The open database of a data directory (or `:memory:`). */
export type Sqlite = Database.Database;

/**
 * Opens (creating when needed) `<dir>/stepcraft.db`, or an in-memory database for `:memory:`.
 * WAL with `synchronous = NORMAL`: a committed transaction survives the process being killed
 * (kill -9); only a power cut may lose the last transactions, which a local service can accept.
 */
export function openDatabase(dataDir: string): Sqlite {
  let file = ":memory:";
  if (dataDir !== ":memory:") {
    mkdirSync(dataDir, { recursive: true });
    file = join(dataDir, "stepcraft.db");
  }
  const db = new Database(file, { timeout: 200 });
  try {
    // One process per data directory: two would both resume the same executions. The exclusive
    // lock is an OS file lock, released when the process ends, even by kill -9.
    db.pragma("locking_mode = EXCLUSIVE");
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    db.exec(SCHEMA);
    addMissingColumns(db);
    // A write takes the exclusive lock now (a read alone would share it).
    db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('openedAtMs', ?)").run(String(Date.now()));
  } catch (error) {
    db.close();
    if ((error as { code?: unknown }).code === "SQLITE_BUSY") throw new DataDirectoryInUseError(dataDir);
    throw error;
  }
  return db;
}

/** Columns added after the first release: a data directory made before them gets them (empty). */
const ADDED_COLUMNS: readonly { table: string; column: string; type: string }[] = [
  { table: "executions", column: "redrive_count", type: "INTEGER NOT NULL DEFAULT 0" },
  { table: "executions", column: "redrive_ms", type: "INTEGER" },
  { table: "executions", column: "redrive_token", type: "TEXT" },
];

function addMissingColumns(db: Sqlite): void {
  for (const { table, column, type } of ADDED_COLUMNS) {
    const columns = db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[];
    if (!columns.some((c) => c.name === column)) db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${type}`);
  }
}

/** Another process (another `stepcraft serve`) has the data directory open. */
export class DataDirectoryInUseError extends Error {
  override readonly name = "DataDirectoryInUseError";
  constructor(readonly dataDir: string) {
    super(`The data directory '${dataDir}' is in use by another stepcraft serve process: stop it, or choose another --data`);
  }
}

/** A value kept for the life of the data directory, made on first open (e.g. the token secret). */
export function metaValue(db: Sqlite, key: string, make: () => string): string {
  const row = db.prepare("SELECT value FROM meta WHERE key = ?").get(key) as { value: string } | undefined;
  if (row !== undefined) return row.value;
  const value = make();
  db.prepare("INSERT INTO meta (key, value) VALUES (?, ?)").run(key, value);
  return value;
}

/** A random secret (hex) for tokens that must not be guessable. */
export function randomSecret(): string {
  return randomBytes(16).toString("hex");
}

/** Prepares each SQL text once per database: preparing on every call was a visible part of a request's cost. */
export type StatementCache = (sql: string) => Database.Statement;

/** A {@link StatementCache} for `db`. */
export function statementCache(db: Sqlite): StatementCache {
  const cache = new Map<string, Database.Statement>();
  return (sql) => {
    let statement = cache.get(sql);
    if (statement === undefined) {
      statement = db.prepare(sql);
      cache.set(sql, statement);
    }
    return statement;
  };
}
