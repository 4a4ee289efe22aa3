// Runs SalesPipeline locally: an in-memory S3 (InMemoryObjectStore) that the Distributed Map's
// ItemReader and ResultWriter use, the same store behind the `aws-sdk:s3:*` tasks, the Lambda
// handlers loaded by localTasks(), and the `${ExportsBucket}`/`${ResultsBucket}` placeholders
// filled in as CloudFormation would.
import { localTasks } from "@stepcraft/core";
import { InMemoryObjectStore, s3SdkTasks } from "@stepcraft/runtime";
import type { TaskHandler } from "@stepcraft/runtime";
import { salesPipeline } from "./workflow.ts";

export const LOCAL_EXPORTS_BUCKET = "sales-exports";
export const LOCAL_RESULTS_BUCKET = "sales-pipeline-results";

export interface LocalSetup {
  readonly store: InMemoryObjectStore;
  readonly tasks: Record<string, TaskHandler>;
  /** SalesPipeline's definition as deployed (placeholder filled), with its output type. */
  readonly pipeline: { toAsl(): unknown; readonly name: string; readonly outputType?: typeof salesPipeline.outputType };
}

export async function localSetup(overrides: Readonly<Record<string, TaskHandler>> = {}): Promise<LocalSetup> {
  const store = new InMemoryObjectStore();
  const text = JSON.stringify(salesPipeline.toAsl()).replaceAll("${ExportsBucket}", LOCAL_EXPORTS_BUCKET).replaceAll("${ResultsBucket}", LOCAL_RESULTS_BUCKET);
  const asl = JSON.parse(text) as unknown;
  return {
    store,
    tasks: { ...(await localTasks(salesPipeline)), ...s3SdkTasks(store), ...overrides },
    pipeline: { toAsl: () => asl, name: salesPipeline.name },
  };
}
