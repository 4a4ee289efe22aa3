import { statementCache, type Sqlite, type StatementCache } from "./database.ts";

/** A state machine as stored (its latest revision; versions keep older ones). */
export interface MachineRow {
  readonly arn: string;
  readonly name: string;
  readonly type: "STANDARD" | "EXPRESS";
  readonly definition: string;
  readonly role_arn: string;
  readonly description: string | null;
  readonly created_ms: number;
  readonly updated_ms: number | null;
  readonly revision_id: string;
  readonly last_version: number;
  readonly logging: string | null;
  readonly tracing: string | null;
}

/** A published, immutable version (`…:stateMachine:Name:3`). */
export interface VersionRow {
  readonly arn: string;
  readonly machine_arn: string;
  readonly version: number;
  readonly definition: string;
  readonly role_arn: string;
  readonly type: "STANDARD" | "EXPRESS";
  readonly description: string | null;
  readonly created_ms: number;
  readonly revision_id: string;
}

/** An alias routing executions to one or two versions by weight. */
export interface AliasRow {
  readonly arn: string;
  readonly machine_arn: string;
  readonly name: string;
  readonly description: string | null;
  readonly routing: string;
  readonly created_ms: number;
  readonly updated_ms: number;
}

/** State machines, their versions and aliases in SQLite. */
export class MachineStore {
  private readonly sql: StatementCache;

  constructor(private readonly db: Sqlite) {
    this.sql = statementCache(db);
  }

  machine(arn: string): MachineRow | undefined {
    return this.sql("SELECT * FROM state_machines WHERE arn = ?").get(arn) as MachineRow | undefined;
  }

  insertMachine(row: MachineRow): void {
    this.db
      .prepare(
        "INSERT INTO state_machines (arn, name, type, definition, role_arn, description, created_ms, updated_ms, revision_id, last_version, logging, tracing) VALUES (@arn, @name, @type, @definition, @role_arn, @description, @created_ms, @updated_ms, @revision_id, @last_version, @logging, @tracing)",
      )
      .run(row);
  }

  updateMachine(row: MachineRow): void {
    this.db
      .prepare(
        "UPDATE state_machines SET definition = @definition, role_arn = @role_arn, description = @description, updated_ms = @updated_ms, revision_id = @revision_id, last_version = @last_version, logging = @logging, tracing = @tracing WHERE arn = @arn",
      )
      .run(row);
  }

  /** Deletes the machine with its versions and aliases (executions stay describable, as on AWS). */
  deleteMachine(arn: string): void {
    this.db.transaction(() => {
      this.sql("DELETE FROM state_machines WHERE arn = ?").run(arn);
      this.sql("DELETE FROM versions WHERE machine_arn = ?").run(arn);
      this.sql("DELETE FROM aliases WHERE machine_arn = ?").run(arn);
    })();
  }

  /** Machines of a region, oldest first. */
  machines(arnPrefix: string): MachineRow[] {
    return this.sql("SELECT * FROM state_machines WHERE arn LIKE ? ESCAPE '\\' ORDER BY created_ms, arn").all(`${likePrefix(arnPrefix)}%`) as MachineRow[];
  }

  version(arn: string): VersionRow | undefined {
    return this.sql("SELECT * FROM versions WHERE arn = ?").get(arn) as VersionRow | undefined;
  }

  insertVersion(row: VersionRow): void {
    this.db
      .prepare(
        "INSERT INTO versions (arn, machine_arn, version, definition, role_arn, type, description, created_ms, revision_id) VALUES (@arn, @machine_arn, @version, @definition, @role_arn, @type, @description, @created_ms, @revision_id)",
      )
      .run(row);
  }

  deleteVersion(arn: string): void {
    this.sql("DELETE FROM versions WHERE arn = ?").run(arn);
  }

  /** Versions of a machine, newest first (as ListStateMachineVersions lists them). */
  versions(machineArn: string): VersionRow[] {
    return this.sql("SELECT * FROM versions WHERE machine_arn = ? ORDER BY version DESC").all(machineArn) as VersionRow[];
  }

  alias(arn: string): AliasRow | undefined {
    return this.sql("SELECT * FROM aliases WHERE arn = ?").get(arn) as AliasRow | undefined;
  }

  putAlias(row: AliasRow): void {
    this.db
      .prepare(
        "INSERT OR REPLACE INTO aliases (arn, machine_arn, name, description, routing, created_ms, updated_ms) VALUES (@arn, @machine_arn, @name, @description, @routing, @created_ms, @updated_ms)",
      )
      .run(row);
  }

  deleteAlias(arn: string): void {
    this.sql("DELETE FROM aliases WHERE arn = ?").run(arn);
  }

  aliases(machineArn: string): AliasRow[] {
    return this.sql("SELECT * FROM aliases WHERE machine_arn = ? ORDER BY created_ms, arn").all(machineArn) as AliasRow[];
  }
}

/** A LIKE pattern matching `prefix` literally. */
export function likePrefix(prefix: string): string {
  return prefix.replace(/[\\%_]/g, (c) => `\\${c}`);
}
