const MULTIPLIER = 0x5deece66dn;
const ADDEND = 0xbn;
const MASK = (1n << 48n) - 1n;

/**
 * The first `nextDouble()` of `java.util.Random(seed)`. AWS's `$random(seed)` is Java's
 * generator (seed 42 gives 0.7275636800328681 bit for bit), so a local run must reproduce it.
 */
export function javaRandomFirstDouble(seed: bigint): number {
  let state = (BigInt.asIntN(64, seed) ^ MULTIPLIER) & MASK;
  const next = (bits: bigint): bigint => {
    state = (state * MULTIPLIER + ADDEND) & MASK;
    return state >> (48n - bits);
  };
  const high = next(26n);
  const low = next(27n);
  return Number((high << 27n) + low) / 2 ** 53;
}
