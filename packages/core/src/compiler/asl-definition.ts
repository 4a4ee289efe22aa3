/** The compiled definition: plain JSON in ASL's field names. */
import type { JsonObject } from "../ir/expr-node.ts";
import type { QueryLanguage } from "../ir/state-node.ts";

export interface AslDefinition {
  readonly Comment?: string;
  readonly QueryLanguage?: QueryLanguage;
  readonly StartAt: string;
  readonly TimeoutSeconds?: number;
  readonly Version?: string;
  readonly States: { readonly [name: string]: JsonObject };
}
