/** A source of time for an execution; Wait, retry back-off and timeouts all go through it. */
export interface Clock {
  /** Milliseconds since the epoch, as this clock sees it. */
  now(): number;
  /** Resolves after `ms` (virtual or real); a cancelled timer never resolves. */
  sleep(ms: number): Timer;
  /**
   * Declares real work in flight (a task handler running): virtual time must not jump while it
   * runs. Each `hold()` is matched by one `release()`.
   */
  hold(): void;
  /** Ends one `hold()`. */
  release(): void;
  /**
   * An execution computed for `ms` of real time without waiting (a long loop of states): virtual
   * time moves as far, waking timers due on the way. Optional; real clocks need nothing.
   */
  elapse?(ms: number): void;
}

/** A pending sleep that can be cancelled (so an abandoned execution leaves nothing behind). */
export interface Timer {
  readonly done: Promise<void>;
  cancel(): void;
}

interface PendingTimer {
  readonly at: number;
  readonly resolve: () => void;
  cancelled: boolean;
}

/**
 * Virtual time: sleeping registers a wake-up, and once the event loop has run everything that is
 * ready (a macrotask turn), time jumps to the earliest wake-up. Concurrent branches that wait
 * 10 s each therefore finish at +10 s, not +20 s, and a week-long Wait takes microseconds.
 *
 * While real work is in flight (`hold()`), time does not jump, but it is not stopped either: it
 * keeps pace with the wall clock, so a deadline (an execution's TimeoutSeconds) still fires once
 * that much real time has passed, even if a handler never settles.
 */
export class VirtualClock implements Clock {
  protected current: number;
  private pending: PendingTimer[] = [];
  private flushScheduled = false;
  private holds = 0;
  /** While held: the wall-clock and virtual times when the hold began (see keepPace). */
  private heldSince: { readonly realMs: number; readonly virtualMs: number } | undefined;
  /**
   * One wall-clock timer per clock, kept across holds (a chain of tasks holds and releases
   * once per task: a timer made and cleared each time was a measurable part of a task's cost).
   * Referenced only while held, so it never keeps an idle process alive.
   */
  private paceTimer: ReturnType<typeof setTimeout> | undefined;
  /** When (performance.now()) the pace timer fires, and the virtual time it was armed at. */
  private paceAt = 0;
  private paceArmedAtVirtual = Number.NaN;

  constructor(startMs: number = Date.now()) {
    this.current = startMs;
  }

  now(): number {
    return this.current;
  }

  /** Moves time forward by real work's `ms`, waking every timer due on the way, in order. */
  elapse(ms: number): void {
    if (!this.mayMove() || !(ms > 0)) return;
    const target = this.current + ms;
    for (let due = this.earliest(); due !== undefined && due <= target; due = this.earliest()) this.fire(due);
    if (target > this.current) this.current = target;
  }

  /** Moves time forward without waking anyone (useful in tests). */
  advance(ms: number): void {
    this.current += ms;
  }

  sleep(ms: number): Timer {
    let resolve!: () => void;
    const done = new Promise<void>((r) => (resolve = r));
    const timer: PendingTimer = { at: this.current + Math.max(0, ms), resolve, cancelled: false };
    this.pending.push(timer);
    this.scheduleFlush();
    if (this.holds > 0) {
      // A new timer may be due sooner than the one the pace timer was armed for.
      this.paceArmedAtVirtual = Number.NaN;
      this.keepPace();
    }
    return {
      done,
      cancel: () => {
        timer.cancelled = true;
      },
    };
  }

  hold(): void {
    if (this.holds++ === 0) {
      this.heldSince = { realMs: performance.now(), virtualMs: this.current };
      if (this.pending.length > 0) this.keepPace();
      this.paceTimer?.ref();
    }
  }

  release(): void {
    if (this.holds === 0) return;
    this.holds--;
    if (this.holds > 0) return;
    this.heldSince = undefined;
    this.paceTimer?.unref();
    if (this.pending.length > 0) this.scheduleFlush();
  }

  /**
   * While held, wakes each timer once as much real time has passed since the hold began as
   * virtual time separates it from then: virtual time never runs ahead of the wall clock here,
   * so a handler's real work is not skipped over, yet deadlines still come. The timer already
   * armed is kept when it fires no later than needed (it re-checks when it fires).
   */
  private keepPace(): void {
    const since = this.heldSince;
    if (since === undefined) return;
    const now = performance.now();
    // Neither virtual time nor the timers moved since it was armed: it cannot be needed sooner.
    if (this.paceTimer !== undefined && this.paceArmedAtVirtual === this.current) return;
    const earliest = this.earliest();
    if (earliest === undefined) return;
    const at = now + Math.max(0, earliest - since.virtualMs - (now - since.realMs));
    if (this.paceTimer !== undefined && this.paceAt <= at) return;
    if (this.paceTimer !== undefined) clearTimeout(this.paceTimer);
    this.paceAt = at;
    this.paceArmedAtVirtual = this.current;
    this.paceTimer = setTimeout(() => this.paceTimerFired(), Math.min(at - now, MAX_TIMEOUT_MS));
  }

  private paceTimerFired(): void {
    this.paceTimer = undefined;
    const since = this.heldSince;
    if (since === undefined || !this.mayMove()) return;
    const due = this.earliest();
    if (due !== undefined && due - since.virtualMs <= performance.now() - since.realMs) this.fire(due);
    this.keepPace();
  }

  /** True when no real work is in flight and no timer is waiting: nothing can move on its own. */
  get idle(): boolean {
    return this.holds === 0 && this.earliest() === undefined;
  }

  /** Whether time may jump now: nothing is held, and nothing else says to stop (see mayMove). */
  protected mayJump(): boolean {
    return this.holds === 0 && this.mayMove();
  }

  /** Whether time may move at all; subclasses add their own conditions (a paused test clock). */
  protected mayMove(): boolean {
    return true;
  }

  /** The earliest live wake-up, if any. */
  protected earliest(): number | undefined {
    let earliest: number | undefined;
    for (const t of this.pending) if (!t.cancelled && (earliest === undefined || t.at < earliest)) earliest = t.at;
    return earliest;
  }

  /**
   * Wakes every timer due at or before `at`, in the order they went to sleep, and moves time to
   * `at`. Everyone due at one instant wakes together, so ten thousand iterations waiting the
   * same time cost one jump, not ten thousand scans.
   */
  protected fire(at: number): void {
    const due: PendingTimer[] = [];
    const rest: PendingTimer[] = [];
    for (const t of this.pending) {
      if (t.cancelled) continue;
      (t.at <= at ? due : rest).push(t);
    }
    this.pending = rest;
    if (at > this.current) this.current = at;
    for (const t of due) t.resolve();
  }

  protected scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    // setImmediate runs after pending microtasks, so every branch that can make progress
    // without time passing has done so before time jumps.
    setImmediate(() => this.flush());
  }

  private flush(): void {
    this.flushScheduled = false;
    if (!this.mayJump()) return;
    const earliest = this.earliest();
    if (earliest === undefined) {
      this.pending = [];
      return;
    }
    this.fire(earliest);
    if (this.pending.length > 0) this.scheduleFlush();
  }
}

/** The longest delay setTimeout accepts. */
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

/** Wall-clock time: sleeping really waits. */
export class RealClock implements Clock {
  now(): number {
    return Date.now();
  }

  sleep(ms: number): Timer {
    let handle: ReturnType<typeof setTimeout> | undefined;
    const deadline = Date.now() + Math.max(0, ms);
    const done = new Promise<void>((resolve) => {
      // setTimeout cannot wait longer than ~24.8 days (it would fire at once): wait in steps.
      const step = (): void => {
        const left = deadline - Date.now();
        if (left <= 0) resolve();
        else handle = setTimeout(step, Math.min(left, MAX_TIMEOUT_MS));
      };
      handle = setTimeout(step, Math.min(Math.max(0, ms), MAX_TIMEOUT_MS));
    });
    return { done, cancel: () => clearTimeout(handle) };
  }

  hold(): void {
    // Real time moves on its own.
  }

  release(): void {
    // Nothing was held.
  }
}
