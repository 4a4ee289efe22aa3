// TestState's stateConfiguration.mapItemReaderData: "the data read by ItemReader in Distributed Map
// states as found in its original source". The tested Map reads it instead of the object its
// ItemReader names, through an object store that answers every s3:getObject with that text, so
// the ItemReader's own ReaderConfig (JSON, JSONL, CSV and its header options, MANIFEST) parses it
// exactly as it would parse the object.
import { InMemoryObjectStore } from "../object-store/memory-object-store.ts";
import type { ObjectStore } from "../object-store/object-store.ts";
import { TestStateRequestError } from "./types.ts";

const GET_OBJECT = /:states:::s3:getObject$/;

/** The object store a tested Map reads `mapItemReaderData` from; the given store otherwise. */
export function itemReaderDataStore(data: string | undefined, state: Record<string, unknown>, store: ObjectStore | undefined): ObjectStore | undefined {
  if (data === undefined) return store;
  const reader = state["ItemReader"];
  if (state["Type"] !== "Map" || reader === null || typeof reader !== "object") {
    throw new TestStateRequestError("ValidationException", "stateConfiguration.mapItemReaderData is for a Map state with an ItemReader: the tested state has none.");
  }
  const resource = (reader as Record<string, unknown>)["Resource"];
  if (typeof resource !== "string" || !GET_OBJECT.test(resource)) {
    throw new TestStateRequestError(
      "ValidationException",
      `stateConfiguration.mapItemReaderData stands in for an s3:getObject ItemReader here; this one reads '${String(resource)}'. Mock the Map (mock: { result: … }) instead.`,
    );
  }
  const bytes = new TextEncoder().encode(data);
  // Writes (a ResultWriter) and listings go to the caller's store, or one of the run's own.
  const rest = store ?? new InMemoryObjectStore();
  return {
    getObject: async () => bytes,
    putObject: (bucket, key, body) => rest.putObject(bucket, key, body),
    listObjectsV2: (bucket, prefix) => rest.listObjectsV2(bucket, prefix),
  };
}
