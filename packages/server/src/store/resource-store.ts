import { statementCache, type Sqlite, type StatementCache } from "./database.ts";
import { likePrefix } from "./machine-store.ts";

/** An activity as stored. */
export interface ActivityRow {
  readonly arn: string;
  readonly name: string;
  readonly created_ms: number;
}

/** Activities and the tags of any resource. */
export class ResourceStore {
  private readonly sql: StatementCache;

  constructor(private readonly db: Sqlite) {
    this.sql = statementCache(db);
  }

  activity(arn: string): ActivityRow | undefined {
    return this.sql("SELECT * FROM activities WHERE arn = ?").get(arn) as ActivityRow | undefined;
  }

  insertActivity(row: ActivityRow): void {
    this.sql("INSERT INTO activities (arn, name, created_ms) VALUES (@arn, @name, @created_ms)").run(row);
  }

  deleteActivity(arn: string): void {
    this.sql("DELETE FROM activities WHERE arn = ?").run(arn);
  }

  activities(arnPrefix: string): ActivityRow[] {
    return this.sql("SELECT * FROM activities WHERE arn LIKE ? ESCAPE '\\' ORDER BY created_ms, arn").all(`${likePrefix(arnPrefix)}%`) as ActivityRow[];
  }

  tags(arn: string): { key: string; value: string }[] {
    return this.sql("SELECT key, value FROM tags WHERE arn = ? ORDER BY key").all(arn) as { key: string; value: string }[];
  }

  putTags(arn: string, tags: readonly { key: string; value: string }[]): void {
    const put = this.sql("INSERT OR REPLACE INTO tags (arn, key, value) VALUES (?, ?, ?)");
    this.db.transaction(() => tags.forEach((t) => put.run(arn, t.key, t.value)))();
  }

  removeTags(arn: string, keys: readonly string[]): void {
    const del = this.sql("DELETE FROM tags WHERE arn = ? AND key = ?");
    this.db.transaction(() => keys.forEach((k) => del.run(arn, k)))();
  }

  dropTags(arn: string): void {
    this.sql("DELETE FROM tags WHERE arn = ?").run(arn);
  }
}
