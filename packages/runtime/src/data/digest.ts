import { createHash } from "node:crypto";

/** Digests remembered per algorithm before that algorithm's cache is cleared. */
const DIGEST_CACHE_SIZE = 512;
/**
 * Longer data is hashed every time: States.Hash stops at 10,000 characters anyway, but JSONata's
 * `$hash` has no such limit and 512 cached 256 KiB texts would pin over 100 MB.
 */
const MAX_CACHED_DATA_LENGTH = 10_000;
const digestCache = new Map<string, Map<string, string>>();

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
