import { hash } from "node:crypto";
import type { CoverageData, MachineCoverage, StateCounts } from "./coverage-data.ts";
import { MachineProbe } from "./probe.ts";

/**
 * Collects the probes of every machine prepared while recording is on. One per process, kept on
 * `globalThis` so that two copies of this module (source and built, or two bundles) record into
 * the same place.
 */
export class CoverageRecorder {
  private readonly machines = new Map<string, MachineProbe>();
  private readonly sites = new Map<string, Record<string, string>>();

  /** The machine each name was last looked up for, with its JSON text. */
  private readonly lastByName = new Map<string, { readonly text: string; readonly key: string; readonly probe: MachineProbe }>();

  /**
   * The probe of a machine; machines with the same name and definition share one. `text` is the
   * definition's compact JSON text (`JSON.stringify(definition)`) when the caller has it already
   * (prepareStateMachine takes it from validation), so that it is not written a second time.
   */
  machine(definition: unknown, name: string, sites?: Readonly<Record<string, string>>, text: string = JSON.stringify(definition)): MachineProbe {
    // Keyed by the JSON text itself, so a definition changed between two preparations (even the
    // same object, changed in place) is another machine; the SHA-256 is taken once per machine,
    // at snapshot time: a test preparing a machine per execution would otherwise hash it every
    // time. A machine prepared again (one per execution, or per test) is found by comparing its
    // text with the last one of its name, without building and looking up the long key again.
    const last = this.lastByName.get(name);
    let entry = last !== undefined && last.text === text ? last : undefined;
    if (entry === undefined) {
      const key = `${name}\u0000${text}`;
      let probe = this.machines.get(key);
      if (probe === undefined) {
        probe = new MachineProbe(name, definition);
        this.machines.set(key, probe);
      }
      entry = { text, key, probe };
      this.lastByName.set(name, entry);
    }
    if (sites !== undefined) this.sites.set(entry.key, { ...this.sites.get(entry.key), ...sites });
    return entry.probe;
  }

  /**
   * What was recorded so far; `reset` zeroes the counters afterwards, so that successive
   * snapshots (one per test file, when files share a process) never count a run twice.
   */
  snapshot(options: { readonly reset?: boolean } = {}): CoverageData {
    const machines: MachineCoverage[] = [];
    for (const [key, probe] of this.machines) {
      const states: Record<string, StateCounts> = {};
      for (const [name, s] of probe.states) {
        states[name] = s.counts();
        if (options.reset === true) s.reset();
      }
      machines.push({ name: probe.name, hash: (probe.hash ??= definitionHash(probe.definition)), definition: probe.definition, sites: this.sites.get(key) ?? {}, states });
    }
    return { version: 1, machines };
  }
}

const GLOBAL_KEY = Symbol.for("stepcraft.workflowCoverage");
type CoverageGlobal = { [GLOBAL_KEY]?: CoverageRecorder };

/** The recorder executions report to, or undefined when coverage is off (the default). */
export function activeCoverageRecorder(): CoverageRecorder | undefined {
  return (globalThis as CoverageGlobal)[GLOBAL_KEY];
}

/**
 * Turns workflow coverage on for this process: every machine prepared from now on (by
 * `prepareStateMachine`, `testExecution`, `startTestExecution`, nested executions) records what
 * its executions reach. Returns the recorder (the same one when already on).
 */
export function startCoverageRecording(): CoverageRecorder {
  const holder = globalThis as CoverageGlobal;
  return (holder[GLOBAL_KEY] ??= new CoverageRecorder());
}

/** Turns recording off; machines prepared while it was on keep counting into the old recorder. */
export function stopCoverageRecording(): void {
  delete (globalThis as CoverageGlobal)[GLOBAL_KEY];
}

/** First 16 hex digits of the SHA-256 of the definition's JSON text (as written, key order included). */
export function definitionHash(definition: unknown): string {
  return hash("sha256", JSON.stringify(definition) ?? "null", "hex").slice(0, 16);
}
