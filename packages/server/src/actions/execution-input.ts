import { AwsError } from "../protocol/aws-error.ts";
import { jsonNestingDepth } from "../protocol/json-body.ts";

/** AWS's limit on execution input and task output: 256 KiB of UTF-8. */
export const MAX_PAYLOAD_BYTES = 262_144;

/** Data nested deeper than this is refused before it reaches the interpreter (whose copies recurse). */
const MAX_DATA_DEPTH = 1000;

/**
 * Parses JSON data given as text (execution input, task output). `fail` makes the action's own
 * error (InvalidExecutionInput, InvalidOutput) from a reason.
 */
export function parseJsonData(text: string, what: string, fail: (reason: string) => AwsError): unknown {
  if (Buffer.byteLength(text, "utf8") > MAX_PAYLOAD_BYTES) throw fail(`the ${what} is larger than ${MAX_PAYLOAD_BYTES} bytes`);
  if (jsonNestingDepth(text) > MAX_DATA_DEPTH) throw fail(`the ${what} nests deeper than ${MAX_DATA_DEPTH} levels`);
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw fail(`the ${what} is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** InvalidExecutionInput with AWS's wording. */
export function invalidExecutionInput(reason: string): AwsError {
  return new AwsError("InvalidExecutionInput", `Invalid Execution Input: '${reason}'`);
}
