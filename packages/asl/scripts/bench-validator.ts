// Validates the whole real-world corpus with @stepcraft/asl and with the npm package
// asl-validator, in the same process, rounds alternating, and prints median times and the ratio.
// Run: npm run bench:validator [-- --rounds 9]. asl-validator needs ~30 s per corpus pass, hence few rounds by default.
import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { validateDefinition } from "../src/index.ts";
import { clearValidatorCaches } from "../src/validator/caches.ts";

type PeerValidator = (definition: unknown) => { isValid: boolean; errors: unknown[] };

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const corpusDir = resolve(repoRoot, "testdata/corpus/realworld");
const { values } = parseArgs({ options: { rounds: { type: "string", default: "5" } }, strict: true });
const rounds = Number(values.rounds);
if (!Number.isInteger(rounds) || rounds < 1) {
  console.error(`--rounds takes a whole number of rounds, at least 1 (got '${values.rounds}')`);
  process.exit(2);
}

const definitions: unknown[] = readdirSync(corpusDir)
  .filter((file) => file.endsWith(".asl.json"))
  .sort()
  .map((file) => JSON.parse(readFileSync(resolve(corpusDir, file), "utf8")) as unknown);

// asl-validator is CommonJS and writes QueryLanguage into the definitions it is given, so it gets
// fresh copies, made outside the timed region.
const peer = createRequire(import.meta.url)("asl-validator") as PeerValidator;

function timeOurs(coldCaches: boolean): number {
  if (coldCaches) clearValidatorCaches();
  const start = performance.now();
  for (const definition of definitions) validateDefinition(definition);
  return performance.now() - start;
}

function timePeer(): number {
  const copies = definitions.map((definition) => structuredClone(definition));
  const start = performance.now();
  for (const copy of copies) {
    try {
      peer(copy);
    } catch {
      // asl-validator throws on some inputs; the time spent still counts.
    }
  }
  return performance.now() - start;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

// Warm-up: JIT both implementations before measuring.
timeOurs(false);
timePeer();

const ours: number[] = [];
const oursCold: number[] = [];
const theirs: number[] = [];
for (let round = 0; round < rounds; round++) {
  // Alternate which goes first so neither always runs on a freshly collected heap.
  if (round % 2 === 0) {
    ours.push(timeOurs(false));
    oursCold.push(timeOurs(true));
    theirs.push(timePeer());
  } else {
    theirs.push(timePeer());
    oursCold.push(timeOurs(true));
    ours.push(timeOurs(false));
  }
}

const format = (ms: number): string => `${ms.toFixed(2)} ms`;
const oursMedian = median(ours);
const oursColdMedian = median(oursCold);
const theirsMedian = median(theirs);
console.log(`corpus: ${definitions.length} definitions, ${rounds} rounds (median of each)`);
console.log(`@stepcraft/asl validateDefinition            ${format(oursMedian)}`);
console.log(`@stepcraft/asl validateDefinition, cold caches ${format(oursColdMedian)}`);
console.log(`asl-validator ${"4.x".padEnd(32)}${format(theirsMedian)}`);
console.log(`ratio (asl-validator / ours): ${(theirsMedian / oursMedian).toFixed(1)}x warm, ${(theirsMedian / oursColdMedian).toFixed(1)}x cold caches`);
