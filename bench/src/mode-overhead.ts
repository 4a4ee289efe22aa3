// What a mode of our runtime costs on each shared workload (a–g and the JSONata twins): the
// same workload run with the mode on and off. Each measurement is its own process, as in real use
// (a test run records coverage for every machine or for none): in one process the two modes share
// the engine's code, and the mix alone slowed the recording lane by up to 25% on the tightest loop
// (c). Rounds alternate which mode goes first; the overhead is the median of the rounds' ratios.
// Time is CPU time of the child: on a shared machine, waiting for a core swings wall time by far
// more than the few percent measured. Entry point: bounds-overhead.ts (coverage is measured in
// process by sections/coverage-overhead.ts, alternating pairs of runs).
import { progress } from "./progress.ts";
import { execFileSync } from "node:child_process";
import { parseArgs } from "./args.ts";
import type { Engine } from "./engines/engine.ts";
import { QUICK_PLAN } from "./plan.ts";
import { runSample } from "./sections/runtime.ts";
import { median } from "./stats.ts";
import type { Workload } from "./workloads.ts";
import { jsonataTwins, loadSharedWorkloads, selectWorkloads, withTwins } from "./workloads.ts";

/** Each timed sample lasts at least this long (CPU seconds); shorter ones are mostly timer noise. */
const MIN_SAMPLE_SECONDS = 0.025;
const SAMPLES = 21;

async function allWorkloads(only: readonly string[] | undefined): Promise<Workload[]> {
  const shared = await loadSharedWorkloads();
  return selectWorkloads(withTwins(shared, jsonataTwins(shared)), only).map((w) =>
    w.cold ? { ...w, executions: Math.min(w.executions, QUICK_PLAN.coldExecutionsCap) } : w,
  );
}

/** The mode being measured, as each entry point describes it. */
export interface ModeUnderTest {
  /** What the table calls it (`coverage overhead`, `bounds overhead`). */
  readonly name: string;
  /** The entry point's file: children run it with `--child`. */
  readonly script: string;
  /** The engine a child measures with, the mode on or off. */
  engine(on: boolean): Engine;
  /** Extra environment of a child, the mode on or off. */
  environment(on: boolean): Readonly<Record<string, string>>;
}

/** In a child: the median CPU seconds of one sample of `id` with the mode `on` or off. */
async function measureChild(subject: ModeUnderTest, id: string, mode: string): Promise<number> {
  const [workload] = await allWorkloads([id]);
  if (workload === undefined || workload.id !== id) throw new Error(`no workload ${id}`);
  const engine = subject.engine(mode === "on");
  const prepared = workload.cold ? undefined : engine.prepare(workload.definition, workload.lambdas);
  // Checks every output once (and warms the JIT); the timed samples only run.
  await runSample(engine, workload, prepared);
  const once = async (): Promise<number> => {
    const start = process.cpuUsage();
    for (let i = 0; i < workload.executions; i++) await (prepared ?? engine.prepare(workload.definition, workload.lambdas)).run(workload.input(i));
    const used = process.cpuUsage(start);
    return (used.user + used.system) / 1e6;
  };
  const repeat = Math.max(1, Math.ceil(MIN_SAMPLE_SECONDS / Math.max(1e-6, await once())));
  const samples: number[] = [];
  for (let s = 0; s < SAMPLES; s++) {
    let seconds = 0;
    for (let r = 0; r < repeat; r++) seconds += await once();
    samples.push(seconds / repeat);
  }
  return median(samples);
}

function inChild(subject: ModeUnderTest, id: string, mode: "on" | "off"): number {
  const out = execFileSync(process.execPath, ["--import", "tsx", subject.script, "--child", id, mode], {
    encoding: "utf8",
    env: { ...process.env, ...subject.environment(mode === "on") },
  });
  return Number(out.trim());
}

/** Measures `subject` (in the parent), or one sample set of it (in a child), as `argv` says. */
export async function measureMode(subject: ModeUnderTest, argv: readonly string[]): Promise<void> {
  if (argv[0] === "--child") {
    process.stdout.write(`${await measureChild(subject, argv[1] ?? "", argv[2] ?? "off")}\n`);
    return;
  }
  const args = parseArgs(argv);
  const rounds = args.quick ? 1 : 3;
  const lines = [`workload | off (ms/sample) | on (ms/sample) | on / off (median of ${rounds} rounds) | overhead`, "---|---:|---:|---:|---:"];
  const overheads: number[] = [];
  for (const workload of await allWorkloads(args.only)) {
    progress(`${subject.name}: ${workload.title} ...`);
    const ratios: number[] = [];
    const offs: number[] = [];
    const ons: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const first = r % 2 === 0 ? "on" : "off";
      const a = inChild(subject, workload.id, first);
      const b = inChild(subject, workload.id, first === "on" ? "off" : "on");
      const [on, off] = first === "on" ? [a, b] : [b, a];
      ons.push(on);
      offs.push(off);
      ratios.push(off / on);
    }
    const ratio = median(ratios);
    overheads.push(1 - ratio);
    lines.push(`${workload.id} | ${(median(offs) * 1000).toFixed(2)} | ${(median(ons) * 1000).toFixed(2)} | ${ratio.toFixed(3)} | ${((1 - ratio) * 100).toFixed(1)}%`);
  }
  lines.push(`median of workloads | | | | ${(median(overheads) * 100).toFixed(1)}%`);
  process.stdout.write(`${lines.join("\n")}\n`);
}
