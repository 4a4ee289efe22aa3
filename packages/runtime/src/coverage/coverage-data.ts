import type * as Zod from "zod";
import { zodModule } from "../lazy-dependencies.ts";

/**
 * Saved workflow coverage: plain JSON that test workers write, reporters merge, and
 * `stepcraft coverage` reads. Each machine carries its definition, so a report can list (and
 * draw) what was never reached without the workflow's source.
 */
export interface CoverageData {
  readonly version: 1;
  readonly machines: readonly MachineCoverage[];
}

/** One state machine, identified by its name and a hash of its definition. */
export interface MachineCoverage {
  readonly name: string;
  /** First 16 hex digits of the SHA-256 of the definition's JSON text. */
  readonly hash: string;
  readonly definition: unknown;
  /** Where each state was declared (state name → `file:line`), when the workflow said. */
  readonly sites: Readonly<Record<string, string>>;
  /** Counters of the states the runtime compiled, by state name. */
  readonly states: Readonly<Record<string, StateCounts>>;
}

/** How often a state was entered and left, and each of its rules, Catchers and Retriers taken. */
export interface StateCounts {
  readonly entered: number;
  /** Visits that finished (normally or through a Catcher); 0 for a Choice, whose exits are its rules and Default. */
  readonly exited: number;
  readonly rules: readonly number[];
  readonly default: number;
  readonly catchers: readonly number[];
  readonly retriers: readonly number[];
}

let coverageSchema: ReturnType<typeof buildCoverageSchema> | undefined;

/** What this version writes, as a zod schema (built, and zod loaded, when coverage is first read). */
function buildCoverageSchema(z: typeof Zod) {
  const count = z.number().int().nonnegative();
  return z.object({
    version: z.literal(1),
    machines: z.array(
      z.object({
        name: z.string(),
        hash: z.string().min(1),
        definition: z.unknown(),
        sites: z.record(z.string(), z.string()),
        states: z.record(
          z.string(),
          z.object({ entered: count, exited: count, rules: z.array(count), default: count, catchers: z.array(count), retriers: z.array(count) }),
        ),
      }),
    ),
  });
}

/** Thrown when saved coverage is not what this version writes. */
export class CoverageDataError extends Error {
  override readonly name = "CoverageDataError";
}

/** Checks saved coverage (parsed JSON or text); `source` names it in the error. */
export function readCoverageData(value: unknown, source = "coverage data"): CoverageData {
  let parsed = value;
  if (typeof value === "string") {
    try {
      parsed = JSON.parse(value) as unknown;
    } catch (e) {
      throw new CoverageDataError(`${source} is not JSON: ${(e as Error).message}`);
    }
  }
  const result = (coverageSchema ??= buildCoverageSchema(zodModule())).safeParse(parsed);
  if (!result.success) {
    const issues = result.error.issues.slice(0, 5).map((i) => `${i.path.length === 0 ? "(root)" : i.path.join(".")}: ${i.message}`);
    throw new CoverageDataError(`${source} is not stepcraft workflow coverage (version 1): ${issues.join("; ")}`);
  }
  return result.data as CoverageData;
}

const EMPTY: StateCounts = { entered: 0, exited: 0, rules: [], default: 0, catchers: [], retriers: [] };

function addCounts(a: readonly number[], b: readonly number[]): number[] {
  const sum = new Array<number>(Math.max(a.length, b.length)).fill(0);
  for (let i = 0; i < sum.length; i++) sum[i] = (a[i] ?? 0) + (b[i] ?? 0);
  return sum;
}

function addState(a: StateCounts, b: StateCounts): StateCounts {
  return {
    entered: a.entered + b.entered,
    exited: a.exited + b.exited,
    rules: addCounts(a.rules, b.rules),
    default: a.default + b.default,
    catchers: addCounts(a.catchers, b.catchers),
    retriers: addCounts(a.retriers, b.retriers),
  };
}

/** Adds coverage up: the same machine (name and hash) from several test files or workers counts once. */
export function mergeCoverage(parts: readonly CoverageData[]): CoverageData {
  const machines = new Map<string, MachineCoverage>();
  for (const part of parts) {
    for (const machine of part.machines) {
      const key = `${machine.name}\u0000${machine.hash}`;
      const seen = machines.get(key);
      if (seen === undefined) {
        machines.set(key, machine);
        continue;
      }
      const states: Record<string, StateCounts> = { ...seen.states };
      for (const [name, counts] of Object.entries(machine.states)) states[name] = addState(states[name] ?? EMPTY, counts);
      machines.set(key, { ...seen, sites: { ...seen.sites, ...machine.sites }, states });
    }
  }
  const sorted = [...machines.values()].sort((a, b) => a.name.localeCompare(b.name) || a.hash.localeCompare(b.hash));
  return { version: 1, machines: sorted };
}
