import { createHash } from "node:crypto";

/** Digests remembered per algorithm before that algorithm's cache is cleared. */
const DIGEST_CACHE_SIZE = 512;
/**
 * Longer data is hashed every time: States.Hash stops at 10,000 characters anyway, but JSONata's
 * `$hash` has no such limit and 512 cached 256 KiB texts would pin over 100 MB.
 */
const MAX_CACHED_DATA_LENGTH = 10_000;
const digestCache = new Map<string, Map<string, string>>();

/** The algorithm names States.Hash and JSONata's `$hash` accept, and Node.js's name for each. */
const HASH_ALGORITHMS: Readonly<Record<string, string>> = {
  MD5: "md5",
  "SHA-1": "sha1",
  "SHA-256": "sha256",
  "SHA-384": "sha384",
  "SHA-512": "sha512",
};

/** The names AWS accepts, for error messages. */
export const HASH_ALGORITHM_NAMES: readonly string[] = Object.keys(HASH_ALGORITHMS);

/** Node.js's name for an AWS hash algorithm name (`SHA-256` → `sha256`), or undefined for any other value. */
export function nodeHashAlgorithm(name: unknown): string | undefined {
  return typeof name === "string" && Object.hasOwn(HASH_ALGORITHMS, name) ? HASH_ALGORITHMS[name] : undefined;
}

/**
 * Lowercase hex digest of the UTF-8 bytes of `data` with a Node.js algorithm name (`sha256`),
 * remembering recent digests: hashing is pure and costs more than the rest of a typical template
 * (States.Hash, JSONata `$hash`). One map per algorithm, keyed by the data itself: a payload
 * string's hash code is computed once by V8 and kept, where a concatenated key would be rebuilt
 * and rehashed on every call.
 */
export function cachedDigest(nodeAlgorithm: string, data: string): string {
  if (data.length > MAX_CACHED_DATA_LENGTH) return createHash(nodeAlgorithm).update(data, "utf8").digest("hex");
  let digests = digestCache.get(nodeAlgorithm);
  if (digests === undefined) digestCache.set(nodeAlgorithm, (digests = new Map()));
  const cached = digests.get(data);
  if (cached !== undefined) return cached;
  const digest = createHash(nodeAlgorithm).update(data, "utf8").digest("hex");
  // Clearing at the bound keeps the cache O(1) without LRU bookkeeping.
  if (digests.size >= DIGEST_CACHE_SIZE) digests.clear();
  digests.set(data, digest);
  return digest;
}
