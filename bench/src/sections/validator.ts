// Validator speed: the real-world corpus through our validator and asl-validator, rounds
// alternating between the two, median round time.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Plan } from "../plan.ts";
import { realworldCorpusDir } from "../paths.ts";
import { median, ratio, secondsSince } from "../stats.ts";
import { aslValidatorPeer } from "../validators/asl-validator.ts";
import { stepcraftValidator } from "../validators/stepcraft.ts";
import type { Validator } from "../validators/validator.ts";

export interface ValidatorResult {
  /** Median milliseconds for one pass over the whole corpus. */
  readonly ours_ms: number | null;
  readonly peer_ms: number | null;
  /** ours_ms / peer_ms (below 1: we validate faster). */
  readonly ratio: number | null;
  readonly files: number;
  /** How many definitions each validator accepted (the corpus manifest says which should be). */
  readonly ours_accepted: number | null;
  readonly peer_accepted: number | null;
  /** Definitions on which the validator threw instead of answering. */
  readonly ours_crashed: number | null;
  readonly peer_crashed: number | null;
  readonly errors: string[];
}

/** The corpus, parsed once up front: parsing JSON is not validation. */
export function loadCorpus(dir: string = realworldCorpusDir): unknown[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".asl.json"))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), "utf8")) as unknown);
}

/**
 * One pass over the corpus: milliseconds, how many definitions were accepted, and on how many the
 * validator threw (asl-validator does on some real-world files; a crash is not an acceptance).
 */
export function validateAll(validator: Validator, corpus: readonly unknown[]): { ms: number; accepted: number; crashed: number } {
  let accepted = 0;
  let crashed = 0;
  const start = process.hrtime.bigint();
  for (const definition of corpus) {
    try {
      if (validator.validate(definition)) accepted++;
    } catch {
      crashed++;
    }
  }
  return { ms: secondsSince(start) * 1000, accepted, crashed };
}

export function measureValidator(plan: Plan, corpus: readonly unknown[] = loadCorpus()): ValidatorResult {
  interface Lane {
    readonly validator: Validator;
    readonly corpus: readonly unknown[];
    readonly ms: number[];
    accepted: number | null;
    crashed: number | null;
    error: string | undefined;
  }
  const lane = (validator: Validator): Lane => ({
    validator,
    // asl-validator writes QueryLanguage into every state it sees: each validator gets its own copy.
    corpus: structuredClone(corpus),
    ms: [],
    accepted: null,
    crashed: null,
    error: undefined,
  });
  const lanes: readonly [Lane, Lane] = [lane(stepcraftValidator), lane(aslValidatorPeer)];
  // Untimed passes first, so module loading and JIT warm-up are not counted.
  const first = -plan.validatorWarmup;
  for (let round = first; round < plan.validatorRounds; round++) {
    const order = (round - first) % 2 === 0 ? [...lanes] : [...lanes].reverse();
    for (const l of order) {
      if (l.error !== undefined) continue;
      try {
        const { ms, accepted, crashed } = validateAll(l.validator, l.corpus);
        if (round >= 0) l.ms.push(ms);
        l.accepted = accepted;
        l.crashed = crashed;
      } catch (e) {
        l.error = `${l.validator.name} threw: ${e instanceof Error ? e.message : String(e)}`;
      }
    }
  }
  const [ours, peer] = lanes;
  const mid = (l: Lane): number | null => (l.error !== undefined || l.ms.length === 0 ? null : median(l.ms));
  return {
    ours_ms: mid(ours),
    peer_ms: mid(peer),
    ratio: ratio(mid(ours), mid(peer)),
    files: corpus.length,
    ours_accepted: ours.accepted,
    peer_accepted: peer.accepted,
    ours_crashed: ours.crashed,
    peer_crashed: peer.crashed,
    errors: lanes.flatMap((l) => (l.error === undefined ? [] : [l.error])),
  };
}
