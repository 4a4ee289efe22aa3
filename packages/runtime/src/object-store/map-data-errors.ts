import { StatesError } from "../errors.ts";
import { ObjectStoreError } from "./object-store.ts";

/** A Distributed Map ItemReader failure (the Map state fails with this unless caught). */
export function itemReaderFailed(cause: string): StatesError {
  return new StatesError("States.ItemReaderFailed", cause);
}

/** A ResultWriter failure. */
export function resultWriterFailed(cause: string): StatesError {
  return new StatesError("States.ResultWriterFailed", cause);
}

/** Words a store failure as S3 would report it to the state machine. */
export function storeFailureCause(e: unknown, action: string, bucket: string, key: string): string {
  if (e instanceof ObjectStoreError) {
    return `S3 ${action} failed for bucket '${bucket}'${key === "" ? "" : ` and key '${key}'`}: ${e.code}: ${e.message}`;
  }
  return `S3 ${action} failed for bucket '${bucket}'${key === "" ? "" : ` and key '${key}'`}: ${e instanceof Error ? e.message : String(e)}`;
}
