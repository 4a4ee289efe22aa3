import Database from "better-sqlite3";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "./database.ts";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe("openDatabase", () => {
  it("adds the columns a data directory made by an earlier version lacks, keeping its executions", () => {
    const dir = mkdtempSync(join(tmpdir(), "stepcraft-db-"));
    dirs.push(dir);
    const old = new Database(join(dir, "stepcraft.db"));
    old.exec(
      "CREATE TABLE executions (seq INTEGER PRIMARY KEY AUTOINCREMENT, arn TEXT NOT NULL UNIQUE, machine_arn TEXT NOT NULL, version_arn TEXT, alias_arn TEXT, name TEXT NOT NULL, type TEXT NOT NULL, status TEXT NOT NULL, input TEXT NOT NULL, output TEXT, error TEXT, cause TEXT, start_ms INTEGER NOT NULL, stop_ms INTEGER, definition TEXT NOT NULL, role_arn TEXT NOT NULL, test_case TEXT)",
    );
    old.prepare("INSERT INTO executions (arn, machine_arn, name, type, status, input, start_ms, definition, role_arn) VALUES ('e', 'm', 'n', 'STANDARD', 'FAILED', '{}', 1, '{}', 'r')").run();
    old.close();
    const db = openDatabase(dir);
    try {
      expect(db.prepare("SELECT status, redrive_count, redrive_ms, redrive_token FROM executions").get()).toEqual({ status: "FAILED", redrive_count: 0, redrive_ms: null, redrive_token: null });
    } finally {
      db.close();
    }
  });
});
