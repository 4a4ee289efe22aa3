// Local S3 stand-in and the Distributed Map's ItemReader/ResultWriter on top of it.
export { ObjectStoreError } from "./object-store.ts";
export type { ObjectStore, ObjectStoreErrorCode, StoredObjectInfo } from "./object-store.ts";
export { InMemoryObjectStore } from "./memory-object-store.ts";
export type { InMemoryObjectStoreOptions } from "./memory-object-store.ts";
export { DirectoryObjectStore } from "./directory-object-store.ts";
export { readItems } from "./item-reader.ts";
export type { ItemReaderDefinition, ReadItemsOptions } from "./item-reader.ts";
export { writeResults } from "./result-writer.ts";
export type { MapChildResult, ResultWriterDefinition, ResultWriterOutput } from "./result-writer.ts";
export { parseCsv, CsvSyntaxError } from "./csv.ts";
export { s3SdkTasks } from "./s3-sdk-tasks.ts";
