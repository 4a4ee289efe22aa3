export interface DatasetEvent {
  /** `s3://<bucket>/raw/<dataset>/<date>.csv` */
  readonly datasetUri: string;
}

export interface CleanedData {
  readonly cleanUri: string;
  readonly rows: number;
  readonly droppedRows: number;
}

/** The raw export had no usable rows: training on it would be meaningless. */
export class EmptyDataset extends Error {
  override readonly name = "EmptyDataset";
}

/**
 * Drops malformed and duplicate rows and writes the clean copy beside the raw one. The example
 * derives the counts from the object name instead of reading S3, so it runs anywhere.
 */
export async function handler(event: DatasetEvent): Promise<CleanedData> {
  if (!event.datasetUri.startsWith("s3://") || !event.datasetUri.includes("/raw/")) throw new Error(`not a raw dataset URI: ${event.datasetUri}`);
  if (event.datasetUri.endsWith("/empty.csv")) throw new EmptyDataset(`${event.datasetUri} has no usable rows`);
  return { cleanUri: event.datasetUri.replace("/raw/", "/clean/"), rows: 120_000, droppedRows: 312 };
}
