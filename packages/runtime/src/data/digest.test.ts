import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { cachedDigest } from "./digest.ts";

const direct = (algorithm: string, data: string) => createHash(algorithm).update(data, "utf8").digest("hex");

describe("cachedDigest", () => {
  it("gives createHash's digest, first call and repeats, for every algorithm, short and long data", () => {
    for (const algorithm of ["md5", "sha1", "sha256", "sha384", "sha512"]) {
      for (const data of ["", "Ada Lovelace", "✓ à la mode", "x".repeat(10_000), "y".repeat(10_001)]) {
        expect(cachedDigest(algorithm, data)).toBe(direct(algorithm, data));
        expect(cachedDigest(algorithm, data)).toBe(direct(algorithm, data));
      }
    }
  });

  it("keeps algorithms apart and stays right past its bound", () => {
    expect(cachedDigest("md5", "same")).not.toBe(cachedDigest("sha1", "same"));
    for (let i = 0; i < 1100; i++) expect(cachedDigest("sha256", `d${i}`)).toBe(direct("sha256", `d${i}`));
  });
});
