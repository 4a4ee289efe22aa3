import { setOwn } from "../json-values.ts";
import { intrinsicFailure, objectArgument, stringArgument, type IntrinsicImplementation } from "./intrinsic-failure.ts";
import { jsonText } from "./json-text.ts";
import { parseJsonCached } from "./parse-json-safely.ts";

/** States.StringToJson(text): parse JSON; an empty or blank text gives null (observed on AWS). */
export const stringToJson: IntrinsicImplementation = (args, call) => {
  const text = stringArgument(args, 0, call);
  if (text.trim() === "") return null;
  const parsed = parseJsonCached(text);
  if (!parsed.ok) throw intrinsicFailure(call, `the string is not valid JSON: ${text}`);
  return parsed.value;
};

/** States.JsonToString(value): compact JSON text. */
export const jsonToString: IntrinsicImplementation = (args) => jsonText(args[0]);

/** States.JsonMerge(a, b, false): shallow merge, keys of b win. AWS supports only shallow mode. */
export const jsonMerge: IntrinsicImplementation = (args, call) => {
  const left = objectArgument(args, 0, call);
  const right = objectArgument(args, 1, call);
  const deep = args[2];
  if (typeof deep !== "boolean") throw intrinsicFailure(call, "argument 3 must be a boolean");
  if (deep) throw intrinsicFailure(call, "deep merging (true) is not supported; use false for a shallow merge");
  const merged: Record<string, unknown> = {};
  for (const key of Object.keys(left)) setOwn(merged, key, left[key]);
  for (const key of Object.keys(right)) setOwn(merged, key, right[key]);
  return merged;
};
