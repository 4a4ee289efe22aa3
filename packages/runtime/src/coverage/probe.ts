import type { StateType } from "../engine/types.ts";
import type { StateCounts } from "./coverage-data.ts";

/**
 * The counters of one state of a recorded machine. The engine bumps them while it runs (see
 * state-shell.ts, choice.ts, guarded.ts). A visit that finishes synchronously costs one field
 * increment, its entry (and a Choice one more, the branch it took): a visit's exit is derived
 * when a snapshot is taken, from counters bumped only on the rarer paths (a failure, a body that
 * went asynchronous). On bench workload c, a Choice loop at about 120 ns a state, counting every
 * exit as well as every entry was a measurable share of the recording cost (docs/performance.md).
 */
export class StateProbe {
  /** Visits begun. */
  entered = 0;
  /** Visits whose failure left the state (a Catcher's catch is not one: the state exits by it). */
  failed = 0;
  /**
   * Visits whose body went asynchronous and has not settled yet (a task waiting for its
   * handler, or for a token never answered).
   */
  pending = 0;
  /**
   * Choice: times each rule was taken, by index, and last the Default (`branches[rules]`): one
   * array, so that a rule and the Default are counted alike (countWhenSettled).
   */
  readonly branches: number[];
  /** Times each Catcher caught, by index. */
  readonly catchers: number[];
  /** Times each Retrier retried, by index. */
  readonly retriers: number[];
  private readonly choice: boolean;

  constructor(
    readonly name: string,
    readonly type: StateType,
    counts: { readonly rules: number; readonly catchers: number; readonly retriers: number },
  ) {
    this.choice = type === "Choice";
    this.branches = new Array<number>(counts.rules + 1).fill(0);
    this.catchers = new Array<number>(counts.catchers).fill(0);
    this.retriers = new Array<number>(counts.retriers).fill(0);
  }

  /**
   * Visits that finished (normally or through a Catcher): those begun that neither failed nor are
   * still pending. With the Catchers' counts this tells Next edges apart. 0 for a Choice: its
   * exits are its rules and Default.
   */
  exits(): number {
    return this.choice ? 0 : this.entered - this.failed - this.pending;
  }

  /**
   * Adds counts recorded elsewhere (a testState's isolated run, see coverage-credit.ts): visits
   * that did not exit are added as failures, so that `exits` grows by theirs.
   */
  credit(counts: StateCounts): void {
    this.entered += counts.entered;
    if (!this.choice) this.failed += counts.entered - counts.exited;
    const rules = this.branches.length - 1;
    counts.rules.forEach((n, i) => (this.branches[i] = (this.branches[i] ?? 0) + n));
    this.branches[rules] = (this.branches[rules] ?? 0) + counts.default;
    counts.catchers.forEach((n, i) => (this.catchers[i] = (this.catchers[i] ?? 0) + n));
  }

  /** The counts so far, as coverage.json writes them. */
  counts(): StateCounts {
    const rules = this.branches.length - 1;
    return {
      entered: this.entered,
      exited: this.exits(),
      rules: this.branches.slice(0, rules),
      default: this.branches[rules] ?? 0,
      catchers: [...this.catchers],
      retriers: [...this.retriers],
    };
  }

  /**
   * Zeroes every counter. A visit pending now that settles later takes `pending` below 0, which
   * keeps the next snapshot's derived counts right (its exit or failure lands there).
   */
  reset(): void {
    this.entered = 0;
    this.failed = 0;
    this.pending = 0;
    this.branches.fill(0);
    this.catchers.fill(0);
    this.retriers.fill(0);
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

/**
 * Adds one to `counters[index]` (a Choice's branch, a Catcher) once `result` has settled: the
 * transition is taken only when the state's Output and Assign have been evaluated, and a failure
 * there fails the state instead.
 */
export function countWhenSettled(result: unknown, counters: number[], index: number): unknown {
  if (!(result instanceof Promise)) {
    counters[index]!++;
    return result;
  }
  return result.then((value: unknown) => {
    counters[index]!++;
    return value;
  });
}
