import type { StateType } from "../engine/types.ts";

/** The branch number of a Choice's Default (its rules are numbered from 0). */
export const DEFAULT_BRANCH = -1;

/**
 * The counters of one state of a recorded machine. The engine bumps them while it runs (see
 * state-shell.ts, choice.ts, guarded.ts); a plain object of numbers keeps that to one field
 * increment per event.
 */
export class StateProbe {
  entered = 0;
  /**
   * Visits that finished (normally or through a Catcher); with `caught` this tells Next edges
   * apart. Not counted for a Choice: its exits are its rules and Default.
   */
  exited = 0;
  /** Choice: times each rule was taken, by index. */
  readonly rules: number[];
  /** Choice with a Default: times the Default was taken. */
  defaultTaken = 0;
  /** Times each Catcher caught, by index. */
  readonly catchers: number[];
  /** Times each Retrier retried, by index. */
  readonly retriers: number[];

  constructor(
    readonly name: string,
    readonly type: StateType,
    counts: { readonly rules: number; readonly catchers: number; readonly retriers: number },
  ) {
    this.rules = new Array<number>(counts.rules).fill(0);
    this.catchers = new Array<number>(counts.catchers).fill(0);
    this.retriers = new Array<number>(counts.retriers).fill(0);
  }

  /** A Choice left by rule `branch` (or by its Default: DEFAULT_BRANCH). */
  branchTaken(branch: number): void {
    if (branch === DEFAULT_BRANCH) this.defaultTaken++;
    else this.rules[branch]!++;
  }
}

/** Lengths of a state's Choices, Catch and Retry arrays (0 when absent or malformed). */
function lengthOf(value: unknown): number {
  return Array.isArray(value) ? value.length : 0;
}

/**
 * The counters of one state machine (by name and definition hash), shared by every execution of
 * it while recording is on. States are keyed by name: ASL names are unique across a whole machine,
 * nested Parallel branches and Map processors included.
 */
export class MachineProbe {
  readonly states = new Map<string, StateProbe>();
  /** The definition's hash, taken when first needed (see CoverageRecorder.snapshot). */
  hash: string | undefined = undefined;

  constructor(
    readonly name: string,
    readonly definition: unknown,
  ) {}

  /** The probe of a state (created on first use, when the state is compiled). */
  state(name: string, type: StateType, def: Readonly<Record<string, unknown>>): StateProbe {
    let probe = this.states.get(name);
    if (probe === undefined) {
      probe = new StateProbe(name, type, { rules: lengthOf(def["Choices"]), catchers: lengthOf(def["Catch"]), retriers: lengthOf(def["Retry"]) });
      this.states.set(name, probe);
    }
    return probe;
  }
}
