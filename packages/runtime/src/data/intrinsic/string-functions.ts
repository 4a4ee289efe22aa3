import { randomUUID } from "node:crypto";
import { cachedDigest, HASH_ALGORITHM_NAMES, nodeHashAlgorithm } from "../digest.ts";
import { isJsonObject } from "../json-values.ts";
import { jsonText } from "./json-text.ts";
import { intrinsicFailure, jsonTypeName, stringArgument, type IntrinsicImplementation } from "./intrinsic-failure.ts";

/** Base64Encode, Base64Decode and Hash accept inputs of at most this many characters. */
export const MAX_ENCODING_INPUT_LENGTH = 10_000;


const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Render a States.Format argument the way AWS (Java) does: strings raw, `null` as `null`, numbers
 * as JSON writes them, objects as Java maps `{k=v, k2=v2}` and arrays as Java lists `[a, b]`.
 */
export function renderFormatArgument(value: unknown): string {
  if (typeof value === "string") return value;
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value)) return `[${value.map(renderFormatArgument).join(", ")}]`;
  if (isJsonObject(value)) return `{${Object.keys(value).map((key) => `${key}=${renderFormatArgument(value[key])}`).join(", ")}}`;
  return String(value);
}

/** States.StringSplit(text, separators): every character of `separators` splits; empty pieces dropped. */
export const stringSplit: IntrinsicImplementation = (args, call) => {
  const text = stringArgument(args, 0, call);
  const separators = new Set(stringArgument(args, 1, call));
  const pieces: string[] = [];
  let current = "";
  for (const ch of text) {
    if (separators.has(ch)) {
      if (current !== "") pieces.push(current);
      current = "";
    } else {
      current += ch;
    }
  }
  if (current !== "") pieces.push(current);
  return pieces;
};

/** States.Base64Encode(text): UTF-8 bytes in base64. */
export const base64Encode: IntrinsicImplementation = (args, call) => {
  const text = limitedString(args, call);
  return Buffer.from(text, "utf8").toString("base64");
};

/** States.Base64Decode(base64): the UTF-8 text it encodes. */
export const base64Decode: IntrinsicImplementation = (args, call) => {
  const encoded = limitedString(args, call);
  if (!BASE64.test(encoded)) throw intrinsicFailure(call, "the argument is not valid base64");
  return Buffer.from(encoded, "base64").toString("utf8");
};

/** States.Hash(data, algorithm): lowercase hex digest; non-string data is hashed as its JSON text. */
export const hash: IntrinsicImplementation = (args, call) => {
  const data = typeof args[0] === "string" ? args[0] : (jsonText(args[0] ?? null) as string);
  if (data.length > MAX_ENCODING_INPUT_LENGTH) {
    throw intrinsicFailure(call, `the input is ${data.length} characters long but at most ${MAX_ENCODING_INPUT_LENGTH} are allowed`);
  }
  const algorithm = args[1];
  const nodeAlgorithm = nodeHashAlgorithm(algorithm);
  if (nodeAlgorithm === undefined) {
    throw intrinsicFailure(
      call,
      `the algorithm ${typeof algorithm === "string" ? `'${algorithm}'` : jsonTypeName(algorithm)} is not one of ${HASH_ALGORITHM_NAMES.join(", ")}`,
    );
  }
  return cachedDigest(nodeAlgorithm, data);
};

/** States.UUID(): a random version 4 UUID. */
export const uuid: IntrinsicImplementation = () => randomUUID();

function limitedString(args: readonly unknown[], call: Parameters<IntrinsicImplementation>[1]): string {
  const text = stringArgument(args, 0, call);
  if (text.length > MAX_ENCODING_INPUT_LENGTH) {
    throw intrinsicFailure(call, `the input is ${text.length} characters long but at most ${MAX_ENCODING_INPUT_LENGTH} are allowed`);
  }
  return text;
}
